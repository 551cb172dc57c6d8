"""Counts written in words or digits: "thirty-seven", "twenty one", "1,250", "a dozen"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand"], key=len, reverse=True))
# a run of number words: "thirty-seven", "two hundred and five", "one hundred twenty"
_RUN = re.compile(
    rf"\b(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b(?!-day|-week|-month)", re.IGNORECASE
)


def words_to_number(text: str) -> int | None:
    """The number a run of number words says, or None when it is not one."""
    total = current = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            return None
    return total + current


def with_digits(text: str) -> str:
    """``text`` with its numbers in words written in digits ("thirty-seven staff" → "37
    staff"); "one UN staff" too. A run followed by "-day" ("three-day") is a length, kept."""

    def replace(match: re.Match[str]) -> str:
        number = words_to_number(match.group(0))
        return match.group(0) if number is None else str(number)

    return _RUN.sub(replace, text)


def count(text: str) -> int:
    """A count in digits, thousands separated by commas or not: "1,250" → 1250."""
    return int(text.replace(",", ""))
