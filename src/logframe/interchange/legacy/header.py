"""The header of a report and its project table: who, what, when, how much.

Labels are read from a paragraph (``Project #: G11-23``) or a row (``Title | …``, and rows of
label/value pairs such as ``Approval Date (SC) | … | Starting Date | … | Completion Date | …``).
The fund's name is the report's first line. ``PWG: … - Sector: …`` may stand anywhere in the
header (the seed has it in bold at the end of the participating line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from logframe.domain.periods import Quarter
from logframe.domain.records import OrganisationKind, OrganisationRecord
from logframe.interchange.legacy.agencies import Named, participants
from logframe.interchange.legacy.blocks import Block, Cell, Paragraph, Row
from logframe.interchange.legacy.dates import find_dates, named_quarter, parse_date, quarter_of
from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.headings import is_project_number
from logframe.interchange.legacy.markup import cell_html
from logframe.interchange.legacy.organisations import organisation_named
from logframe.interchange.legacy.project_cost import read_cost
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, label_key, plain

_PWG = re.compile(r"\bPWG\s*:\s*(.*?)\s*(?:[-\u2013\u2014;,|]\s*)?(?=\bsector\s*:|$)", re.I)
_SECTOR = re.compile(r"\bsector\s*:\s*(.*?)\s*(?:[-\u2013\u2014;,|]\s*)?(?=\bPWG\s*:|$)", re.I)
_DURATION = re.compile(r"^(\d{1,3})\s*(months?|mos?\.?|years?|yrs?\.?)\b", re.I)


@dataclass
class ProjectFacts:
    name: str  # the file's name, for errors
    fund_name: str = ""
    number: str = ""
    quarter: Quarter | None = None
    quarter_text: str = ""
    participants: list[Named] = field(default_factory=list)
    thematic_group: str = ""
    sector: str = ""
    ministry: OrganisationRecord | None = None
    title: str = ""
    location: str = ""
    total_budget: Decimal | None = None
    budgets: dict[str, Decimal] = field(default_factory=dict)
    budget_agencies: list[OrganisationRecord] = field(default_factory=list)
    currency: str = "USD"
    duration_months: int | None = None
    approval_date: date | None = None
    start_date: date | None = None
    planned_end_date: date | None = None
    revised_end_date: date | None = None
    description: str = ""
    read: dict[str, str] = field(default_factory=dict)  # the labels read, and their texts


Handler = Callable[[Cell, ProjectFacts, SourceLog], bool]


def _plain_text(attribute: str) -> Handler:
    def handle(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
        setattr(facts, attribute, plain(cell.text).strip(" .,;"))
        return bool(cell.text.strip())

    return handle


def _text(attribute: str) -> Handler:
    def handle(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
        setattr(facts, attribute, plain(cell.text))
        return bool(cell.text.strip())

    return handle


def _date(attribute: str) -> Handler:
    def handle(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
        found = parse_date(cell.text)
        setattr(facts, attribute, found)
        return found is not None

    return handle


def _number(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    facts.number = plain(cell.text).strip(" .,;")
    return bool(facts.number) and " " not in facts.number


def _quarter(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    facts.quarter_text = cell.text
    named = named_quarter(cell.text)
    dates = find_dates(cell.text)
    dated = quarter_of(dates[-1]) if dates else None
    if named and dated and named != dated:
        raise LegacyReportError(
            facts.name,
            f"the reporting quarter is unclear: {cell.text.strip()!r} names "
            f"{named.code} but its dates end in {dated.code} ({cell.location})",
        )
    facts.quarter = named or dated
    return facts.quarter is not None


def _participants(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    text = re.split(r"\bPWG\s*:|\bsector\s*:", plain(cell.text), maxsplit=1, flags=re.I)[0]
    facts.participants = participants(text)
    _thematic(cell, facts, log)
    return bool(facts.participants)


def _thematic(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    text = plain(cell.text)
    pwg, sector = _PWG.search(text), _SECTOR.search(text)
    if pwg and pwg[1].strip(" .,;"):
        facts.thematic_group = pwg[1].strip(" .,;")
    if sector and sector[1].strip(" .,;"):
        facts.sector = sector[1].strip(" .,;")
    return bool(pwg or sector)


def _pwg(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    """A PWG label's value, which may go on with ``- Sector: …``."""
    text = plain(cell.text)
    match = re.search(r"\bsector\s*:", text, re.I)
    group, sector = (text[: match.start()], text[match.end() :]) if match else (text, "")
    facts.thematic_group = group.strip(" .,;-\u2013\u2014|")
    if sector.strip(" .,;"):
        facts.sector = sector.strip(" .,;")
    return bool(facts.thematic_group)


def _ministry(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    text = plain(cell.text)
    if not text or text.lower() in ("n/a", "none", "-"):
        return False
    facts.ministry = organisation_named(text, kind=OrganisationKind.GOVERNMENT)
    return facts.ministry is not None


def _duration(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    match = _DURATION.match(plain(cell.text))
    if match is None:
        return False
    count = int(match[1])
    facts.duration_months = count * 12 if match[2].lower().startswith("y") else count
    return True


def _cost(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    cost = read_cost(cell, log=log, participants=[n.organisation for n in facts.participants])
    facts.total_budget = cost.total
    facts.budgets = cost.budgets
    facts.budget_agencies = cost.agencies
    facts.currency = cost.currency or facts.currency
    return cost.understood


def _description(cell: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    facts.description = cell_html(cell.parts)
    return bool(facts.description)


# label test, source field, handler — first match wins
_FIELDS: tuple[tuple[Callable[[str], bool], str, Handler], ...] = (
    (lambda k: k.startswith(("project #", "project no", "project number", "project id")),
     "number", _number),
    (lambda k: "quarter" in k or k.startswith(("reporting period", "date and quarter")),
     "quarter", _quarter),
    (lambda k: k.startswith("participating"), "participating", _participants),
    (lambda k: "ministry" in k or "government counterpart" in k, "line_ministry", _ministry),
    (lambda k: k.startswith(("pwg", "thematic", "priority working")), "thematic_group", _pwg),
    (lambda k: k == "sector", "sector", _plain_text("sector")),
    (lambda k: k in ("title", "project title"), "title", _text("title")),
    (lambda k: k.startswith(("geo", "location")), "location", _text("location")),
    (lambda k: k.startswith(("project cost", "budget", "total budget")), "project_cost", _cost),
    (lambda k: k.startswith("duration"), "duration", _duration),
    (lambda k: k.startswith("approval date"), "approval_date", _date("approval_date")),
    (lambda k: k.startswith(("revised completion", "revised end", "extended")),
     "revised_end_date", _date("revised_end_date")),
    (lambda k: k.startswith(("starting date", "start date")), "start_date", _date("start_date")),
    (lambda k: k.startswith(("completion date", "end date", "planned completion")),
     "planned_end_date", _date("planned_end_date")),
    (lambda k: k.startswith(("project description", "description")),
     "description", _description),
)  # fmt: skip


def _field_for(label: str) -> tuple[str, Handler] | None:
    key = label_key(label)
    if not key:
        return None
    return next(((name, handler) for test, name, handler in _FIELDS if test(key)), None)


def _read_pair(label: str, value: Cell, facts: ProjectFacts, log: SourceLog) -> bool:
    """Read a labelled value; a label met again keeps its first value (a different second
    one is kept unread: which is right cannot be told)."""
    found = _field_for(label)
    if found is None:
        return False
    name, handler = found
    if name in facts.read:
        log.keep(value, where="header", field=name, understood=facts.read[name] == value.text)
        return True
    facts.read[name] = value.text
    log.keep(value, where="header", field=name, understood=handler(value, facts, log))
    return True


def _row_pairs(row: Row) -> list[tuple[Cell, Cell]]:
    cells = row.cells
    if len(cells) >= 4 and _field_for(cells[2].text) is not None:
        return [(cells[i], row.cell(i + 1)) for i in range(0, len(cells), 2)]
    rest = [cell for cell in cells[1:] if cell.text.strip()]
    return [(cells[0], rest[0] if rest else row.cell(1))] + [
        (Cell("", c.location), c) for c in rest[1:]
    ]


def _read_paragraph(block: Paragraph, facts: ProjectFacts, log: SourceLog) -> None:
    label, colon, value = block.text.partition(":")
    if colon and len(label.split()) <= 8:
        cell = Cell(value.strip(), block.location)
        if _read_pair(label, cell, facts, log):
            return
    if _thematic(Cell(block.text, block.location), facts, log):
        log.keep(block, where="header", field="thematic_group")
    elif facts.fund_name and plain(block.text) == facts.fund_name:
        log.keep(block, where="header", field="fund")
    else:
        log.unread(block, where="header", field="paragraph")


def read_header(blocks: list[Block], facts: ProjectFacts, log: SourceLog) -> None:
    """Fill ``facts`` from the header and project-table blocks; keep every cell read."""
    facts.fund_name = fund_name_before(blocks)
    for block in blocks:
        if isinstance(block, Paragraph):
            _read_paragraph(block, facts, log)
            continue
        for label, value in _row_pairs(block):
            if not _read_pair(label.text, value, facts, log):
                log.unread(label, where="header", field="label")
                log.unread(value, where="header", field="row")


def fund_name_before(blocks: list[Block]) -> str:
    """The first paragraph before the ``Project #:`` line, preferring one that names a fund."""
    before: list[str] = []
    for block in blocks:
        if is_project_number(block):
            break
        if isinstance(block, Paragraph):
            before.append(collapse(block.text))
    named = [text for text in before if re.search(r"\bfund\b", text, re.I)]
    return plain((named or before or [""])[0])
