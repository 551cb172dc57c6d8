"""Numbers as reports print them: thousands separators, stray spaces, per cent signs, n/a.

Every number is a ``Decimal``; nothing here goes through a float. A text that is not clearly
a number gives ``None`` — the caller keeps it as a cell it did not understand.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# 24,861,991 · 24, 861, 991 · 1 471 · 5848841.07 · 0 — groups of three after the first
_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]?,[ \u00a0\u202f]?\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+"
NUMBER = rf"(?:{_GROUPED}|\d+)(?:\.\d+)?"
_NUMBER = re.compile(rf"^{NUMBER}$")
_PERCENT = re.compile(rf"^({NUMBER})\s*%$")
_CURRENCY = re.compile(r"^(?:USD|US\$|\$|EUR|€|GBP|£)\s*|\s*(?:USD|EUR|GBP)$", re.IGNORECASE)
_NOT_APPLICABLE = {"n/a", "na", "n.a", "n.a.", "not applicable", "n / a", "n/ a", "n /a"}
_MAX_DIGITS = 30


def to_decimal(text: str) -> Decimal:
    """A number already matched by ``NUMBER``, separators removed."""
    digits = re.sub(r"[,\s\u00a0\u202f]", "", text)
    try:
        return Decimal(digits)
    except InvalidOperation as error:  # not reachable for a NUMBER match
        raise ValueError(f"not a number: {text!r}") from error


def parse_number(text: str) -> Decimal | None:
    """``"24, 861, 991"`` → 24861991; ``"USD 5,848,841.07"`` → 5848841.07; else None."""
    stripped = _CURRENCY.sub("", text.strip()).strip()
    if not stripped or len(stripped) > _MAX_DIGITS * 2 or not _NUMBER.match(stripped):
        return None
    return to_decimal(stripped)


def parse_percent(text: str, *, sign_required: bool = True) -> Decimal | None:
    """``"80 %"`` → 80, ``"51.6%"`` → 51.6; a bare number too when ``sign_required`` is False."""
    stripped = text.strip()
    if len(stripped) > _MAX_DIGITS * 2:
        return None
    match = _PERCENT.match(stripped)
    if match:
        return to_decimal(match[1])
    return None if sign_required else parse_number(stripped)


def is_not_applicable(text: str) -> bool:
    """``n/a``, ``N/A``, ``NA``, ``n.a.``, ``not applicable``."""
    return " ".join(text.lower().split()) in _NOT_APPLICABLE


def parse_whole(text: str) -> int | None:
    """A whole number such as a delay in months: ``"0"``, ``"2"``; else None."""
    number = parse_number(text)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)
