"""What a template is written from and what a filled template reads as: plain dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Status
from logframe.domain.periods import Quarter


class WorkbookError(ValueError):
    """A workbook refused: every problem, each as "sheet!cell: message" (or "file: message")."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.name = name
        self.problems = problems
        listed = "; ".join(problems)
        count = f"{len(problems)} problems: " if len(problems) > 1 else ""
        super().__init__(f"{name}: {count}{listed}")


@dataclass(frozen=True)
class LineVersions:
    """Each line's stored version when the template is written (0: no row yet)."""

    indicators: Mapping[str, int] = field(default_factory=dict)  # indicator code → version
    finance: Mapping[str, int] = field(default_factory=dict)  # organisation code → version
    beneficiaries: Mapping[BeneficiaryGroup, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TemplateIdentity:
    """Whose workbook this is: what the hidden sheet says."""

    fund: str
    project: str
    quarter: Quarter
    organisation: str | None  # None: the whole project's lines
    version: str
    written: str  # when it was written, ISO 8601


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    row: int
    version: int
    edited: bool  # an input cell differs from what the template was written with
    value: Decimal | None = None
    male: Decimal | None = None
    female: Decimal | None = None
    status: Status | None = None
    estimated_pct: Decimal | None = None
    comment: str = ""


@dataclass(frozen=True)
class FinanceLine:
    organisation: str
    row: int
    version: int
    edited: bool
    committed: Decimal | None = None
    disbursed: Decimal | None = None
    forecast_final_date: date | None = None


@dataclass(frozen=True)
class BeneficiaryLine:
    group: BeneficiaryGroup
    row: int
    version: int
    edited: bool
    target: Decimal | None = None
    actual: Decimal | None = None


@dataclass(frozen=True)
class ActivityLine:
    """A line of the Activities sheet: a new activity, its cells read but not yet checked
    against the register's reference data (kind, output and place are words)."""

    row: int
    version: int
    edited: bool
    type: str = ""
    title: str = ""
    start: date | None = None
    end: date | None = None
    output: str = ""
    place: str = ""
    male: Decimal | None = None
    female: Decimal | None = None
    total: Decimal | None = None
    notes: str = ""

    @property
    def blank(self) -> bool:
        return not any(
            (self.type, self.title, self.start, self.end, self.output, self.place, self.notes)
        ) and all(n is None for n in (self.male, self.female, self.total))


@dataclass(frozen=True)
class FilledTemplate:
    """A filled template, read and checked cell by cell; not yet saved anywhere."""

    name: str
    identity: TemplateIdentity
    indicators: tuple[IndicatorLine, ...] = ()
    finance: tuple[FinanceLine, ...] = ()
    beneficiaries: tuple[BeneficiaryLine, ...] = ()
    activities: tuple[ActivityLine, ...] = ()
