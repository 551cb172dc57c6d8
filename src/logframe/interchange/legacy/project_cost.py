"""The project cost cell: ``Total ITF Budget: USD 24, 861, 991 UNDP: USD 13, 947, 279 …``.

The cell is read as labelled amounts (``label: [currency] number``). A label with "total"
gives the total budget; a label that is an agency (a participating organisation, one of the
reference table, or an acronym) gives that agency's approved budget. A cell that is one amount
without a label is the total. The first currency printed (USD, US$, $, EUR, €) is the fund's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from logframe.domain.records import OrganisationKind, OrganisationRecord
from logframe.interchange.legacy.blocks import Cell
from logframe.interchange.legacy.numbers import NUMBER, parse_number
from logframe.interchange.legacy.organisations import looks_like_acronym, organisation_named
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import plain

_CURRENCY = r"(USD|US\$|\$|EUR|€|GBP|£)?"
_AMOUNT = re.compile(
    rf"([A-Za-z][\w&'\u2019-]*(?:[ ][\w&'\u2019()-]+){{0,5}})\s*:\s*{_CURRENCY}\s*({NUMBER})(?!\d)"
)
_LONE = re.compile(rf"^{_CURRENCY}\s*({NUMBER})\s*(USD|EUR|GBP)?$")
_CODES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}


@dataclass
class Cost:
    total: Decimal | None = None
    budgets: dict[str, Decimal] = field(default_factory=dict)
    agencies: list[OrganisationRecord] = field(default_factory=list)
    currency: str = ""
    understood: bool = True


def _agency(label: str, participants: list[OrganisationRecord]) -> OrganisationRecord | None:
    for organisation in participants:
        if organisation.code.upper() == label.upper():
            return organisation
    if looks_like_acronym(label):
        return organisation_named(label, kind=OrganisationKind.UN_AGENCY)
    return None


def read_cost(cell: Cell, *, log: SourceLog, participants: list[OrganisationRecord]) -> Cost:
    """The amounts of a project cost cell; each labelled amount kept as a source cell."""
    text = plain(cell.text)
    cost = Cost()
    lone = _LONE.match(text)
    if lone:
        cost.total = parse_number(lone[2])
        cost.currency = _CODES.get(lone[1] or lone[3] or "", lone[1] or lone[3] or "")
        return cost
    matches = list(_AMOUNT.finditer(text))
    covered = sum(len(m[0]) for m in matches)
    cost.understood = bool(matches) and covered >= len(text.replace(" ", "")) * 0.6
    for match in matches:
        label, currency, amount = match[1].strip(), match[2] or "", parse_number(match[3])
        cost.currency = cost.currency or _CODES.get(currency, currency)
        piece = Cell(match[0], cell.location)
        agency = None if "total" in label.lower() else _agency(label, participants)
        if "total" in label.lower() and amount is not None:
            cost.total = amount
            log.keep(piece, where="header", field="total_budget")
        elif agency is not None and amount is not None:
            cost.budgets[agency.code] = amount
            cost.agencies.append(agency)
            log.keep(piece, where=agency.code, field="budget")
        else:
            log.unread(piece, where="header", field="budget")
            cost.understood = False
    return cost
