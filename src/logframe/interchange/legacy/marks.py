"""Footnote marks: superscript digits after a word (¹ ² ³ … ⁰).

Only superscript digits are marks. A plain digit after a word ("Test 1") is text. A run of
more than four superscript digits, or one that reads 0, is not a mark and stays in the text.
"""

from __future__ import annotations

import re

from logframe.interchange.legacy.wording import collapse

SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_LEADING = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]+)\s*(.*)$", re.DOTALL)
_MAX_DIGITS = 4


def superscript(number: int) -> str:
    """``7`` → ``"⁷"``."""
    return str(number).translate(_TO_SUPERSCRIPT)


def _mark_number(run: str) -> int | None:
    if len(run) > _MAX_DIGITS:
        return None
    number = int(run.translate(_TO_DIGITS))
    return number if number >= 1 else None


def split_marks(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without its footnote marks, and the marks in order.

    ``"tbd by IHEC ³"`` → ``("tbd by IHEC", (3,))``;
    ``"activities ² organised"`` → ``("activities organised", (2,))``.
    """
    marks: list[int] = []

    def take(match: re.Match[str]) -> str:
        number = _mark_number(match[0])
        if number is None:
            return match[0]
        marks.append(number)
        return " "

    if not _RUN.search(text):
        return text.strip(), ()
    stripped = _RUN.sub(take, text)
    return collapse(stripped), tuple(marks)


def footnote_line(text: str) -> tuple[int, str] | None:
    """A footnote's number and text when ``text`` starts with a mark: ``"³ The IHEC…"``."""
    match = _LEADING.match(text)
    if match is None:
        return None
    number = _mark_number(match[1])
    if number is None:
        return None
    return number, collapse(match[2])
