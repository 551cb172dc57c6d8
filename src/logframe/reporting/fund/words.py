"""The fund report's own words, marked for translation and looked up per language.

Renderers must not import Django, so the words are marked with ``_`` (a no-op that
``makemessages`` collects, like ``gettext_noop``) and translated at render time with the
standard library's ``gettext`` over the project's catalogues (``logframe/locale``, domain
``django``). A language without a catalogue reads English.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from logframe.domain.formatting import NOT_AVAILABLE, format_amount, format_count, format_percent

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
RTL = {"ar", "ckb"}


def _(text: str) -> str:
    """Marks ``text`` for translation; translated later by ``translator``."""
    return text


@lru_cache(maxsize=8)
def translator(lang: str) -> Callable[[str], str]:
    catalogue = gettext.translation(
        "django", localedir=str(LOCALE_DIR), languages=[lang], fallback=True
    )
    return catalogue.gettext


BEHIND_REASONS = {
    "delay": _("delay reported or forecast"),
    "disbursement": _("disbursement behind time"),
    "indicators": _("indicators far behind"),
}
STATES = {
    "open": _("open"),
    "submitted": _("submitted"),
    "returned": _("returned"),
    "approved": _("approved"),
}


def amount(value: Decimal | None) -> str:
    return "—" if value is None else format_amount(value)


def percent(value: Decimal | None, places: int) -> str:
    return format_percent(value, places) if value is not None else NOT_AVAILABLE


def count(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    return format_count(Decimal(value))
