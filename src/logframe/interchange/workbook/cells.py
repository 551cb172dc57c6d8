"""One cell's value: its canonical text (for digests) and its reading as an input."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from logframe.domain.measures import Status, parse_status
from logframe.interchange.workbook.layout import STATUS_WORDS, Kind

_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
PLACES = {Kind.DECIMAL: 4, Kind.WHOLE: 0, Kind.MONEY: 2, Kind.PERCENT: 4}
INTEGER_DIGITS = {Kind.DECIMAL: 14, Kind.WHOLE: 14, Kind.MONEY: 16, Kind.PERCENT: 5}
HUNDRED = Decimal(100)


class CellProblem(ValueError):
    """What is wrong with one cell, in words for the person who filled it: in the language
    active when it is raised (the person's on the web, English on the command line)."""


def canonical(value: object) -> str:
    """The text a value is compared by: numbers normalised (5 = 5.0), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return _plain(Decimal(str(value)))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Status):
        return value.value
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def digest(where: str, value: object) -> str:
    """A short fingerprint of a cell's place and value (for the protected cells)."""
    return hashlib.sha256(f"{where}={canonical(value)}".encode()).hexdigest()[:10]


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def is_formula(value: object, data_type: str) -> bool:
    """A formula, an array formula, or text written like one (read with data_only=False)."""
    return (
        data_type == "f"
        or isinstance(value, ArrayFormula | DataTableFormula)
        or (isinstance(value, str) and value.startswith("="))
    )


def read_cell(value: object, kind: Kind) -> object:
    """The input a cell holds, or CellProblem saying why it cannot be one."""
    if isinstance(value, str) and not value.strip():
        value = None
    if value is None:
        return "" if kind is Kind.TEXT else None
    if kind is Kind.TEXT:
        return str(value).strip()
    if kind is Kind.STATUS:
        return _status(value)
    if kind is Kind.DATE:
        return _date(value)
    return _number(value, kind)


def _number(value: object, kind: Kind) -> Decimal:
    if isinstance(value, str):
        text = value.strip()
        if not _PLAIN_NUMBER.match(text):
            raise CellProblem(
                _("%(text)s is text where a number belongs") % {"text": repr(text[:40])}
            )
        value = text
    number = None
    if isinstance(value, int | float | Decimal | str) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        raise CellProblem(_("%(text)s is not a number") % {"text": repr(canonical(value)[:40])})
    return _in_range(number, kind)


def _in_range(number: Decimal, kind: Kind) -> Decimal:
    shown = _plain(number)
    if number < 0:
        raise CellProblem(
            _("%(number)s is negative; a number here is 0 or more") % {"number": shown}
        )
    if kind is Kind.PERCENT and number > HUNDRED:
        raise CellProblem(
            _("%(number)s is more than 100 (a %% complete lies between 0 and 100)")
            % {"number": shown}
        )
    places = -number.normalize().as_tuple().exponent  # type: ignore[operator]
    if kind is Kind.WHOLE and places > 0:
        raise CellProblem(_("%(number)s is not a whole number") % {"number": shown})
    if places > PLACES[kind]:
        raise CellProblem(
            _("%(number)s has more than %(places)s decimals")
            % {"number": shown, "places": PLACES[kind]}
        )
    if len(str(int(number))) > INTEGER_DIGITS[kind]:
        raise CellProblem(_("%(number)s is too large") % {"number": shown})
    return number


def _status(value: object) -> Status:
    status = parse_status(value) if isinstance(value, str) else None
    if status is None:
        words = ", ".join(STATUS_WORDS.values())
        raise CellProblem(
            _("%(text)s is not a status: choose one of %(words)s")
            % {"text": repr(canonical(value)[:40]), "words": words}
        )
    return status


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CellProblem(
        _("%(text)s is not a date; enter one like 2013-10-17")
        % {"text": repr(canonical(value)[:40])}
    )
