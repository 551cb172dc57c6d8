"""Reading a narrative: its paragraphs as plain text, its words, and the dates it mentions.

Narratives are sanitised HTML fragments; these functions read them with the standard
library only (regular expressions and ``html.unescape``), never guessing: a date without
a year, or a day a month lacks, is not a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import unescape

from logframe.domain.checks.wording import MONTHS

_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)}

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|dd|dt)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def paragraphs(html: str) -> list[str]:
    """The fragment's paragraphs (and list items) as plain text, whitespace collapsed."""
    return list(_paragraphs(html))


@lru_cache(maxsize=1024)
def _paragraphs(html: str) -> tuple[str, ...]:
    # Cached: the checks read the same narratives again on every page that shows findings.
    found = (" ".join(unescape(_TAG.sub(" ", block)).split()) for block in _BLOCK_END.split(html))
    return tuple(text for text in found if text)


def plain_text(html: str) -> str:
    """The whole fragment as plain text, one paragraph after another."""
    return "\n".join(paragraphs(html))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, punctuation dropped: what "the same words" means."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def sentences(text: str) -> list[str]:
    """A paragraph's sentences (split after . ! ? ; :)."""
    return [s for s in _SENTENCE_END.split(text) if s]


# Dates ---------------------------------------------------------------------------------

_M = "|".join(MONTHS)
_TH = r"(?:st|nd|rd|th)?"
_TO = r"(?:to|until|till|through|-|\u2013|\u2014)"
_DAY = r"\d{1,2}"
_YEAR = r"\d{4}"

# Longest forms first; a later form never reads text an earlier one has read.
_CROSS = re.compile(
    rf"\b(?P<d1>{_DAY}){_TH}\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y1>{_YEAR}))?\s*{_TO}\s*"
    rf"(?P<d2>{_DAY}){_TH}\s+(?:of\s+)?(?P<m2>{_M}),?\s+(?P<y2>{_YEAR})\b"
)
_SAME_MONTH = re.compile(
    rf"\b(?P<d1>{_DAY}){_TH}\s*(?:{_TO}|and)\s*(?P<d2>{_DAY}){_TH}\s+(?:of\s+)?"
    rf"(?P<m2>{_M}),?\s+(?P<y2>{_YEAR})\b"
)
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_M})(?:\s+(?P<y1>{_YEAR}))?\s*{_TO}\s*(?P<m2>{_M}),?\s+(?P<y2>{_YEAR})\b"
)
_ONE_DAY = re.compile(rf"\b(?P<d2>{_DAY}){_TH}\s+(?:of\s+)?(?P<m2>{_M}),?\s+(?P<y2>{_YEAR})\b")
_ONE_DAY_US = re.compile(rf"\b(?P<m2>{_M})\s+(?P<d2>{_DAY}){_TH},?\s+(?P<y2>{_YEAR})\b")
_ONE_MONTH = re.compile(rf"\b(?P<m2>{_M})\s+(?P<y2>{_YEAR})\b")
_FORMS = (_CROSS, _SAME_MONTH, _MONTH_RANGE, _ONE_DAY, _ONE_DAY_US, _ONE_MONTH)


@dataclass(frozen=True)
class DateMention:
    """A date, a month or a range of them, as a narrative wrote it.

    ``ranged`` is True for an event with a start and an end ("from 17 to 20 February
    2013", "January to March 2013"); False for one day or one month.
    """

    text: str
    first: date
    last: date
    ranged: bool


def date_mentions(text: str) -> list[DateMention]:
    """Every date with a year that ``text`` mentions, in the order they stand.

    Read: "17 to 20 February 2013", "03 to 05 of February 2013", "10-12 February 2013",
    "17 January to 30 April 2013", "January to March 2013", "23rd January 2013", "10th of
    April 2013", "February 17, 2013", "March 2013" (the whole month). A date without a
    year ("February 17 to 28") is not read.
    """
    return list(_date_mentions(text))


@lru_cache(maxsize=4096)
def _date_mentions(text: str) -> tuple[DateMention, ...]:
    # Cached (the mentions are frozen): six expressions over every paragraph were a third
    # of ``check_period``, and a page of findings reads the same paragraphs every time.
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, DateMention]] = []
    for form in _FORMS:
        for match in form.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)  # read, even when it is no date: "31 February 2013"
            mention = _mention(match)
            if mention is not None:
                found.append((span[0], mention))
    return tuple(mention for _, mention in sorted(found, key=lambda pair: pair[0]))


def _mention(match: re.Match[str]) -> DateMention | None:
    parts = match.groupdict()
    ranged = "d1" in parts or "m1" in parts
    year = int(parts["y2"])
    last_month = _MONTH_NUMBERS[parts["m2"]]
    first_month = _MONTH_NUMBERS[parts.get("m1") or parts["m2"]]
    first_year = int(parts["y1"]) if parts.get("y1") else year
    if not parts.get("y1") and first_month > last_month:
        first_year = year - 1  # "December to January 2014"
    try:
        first = _day(first_year, first_month, parts.get("d1" if ranged else "d2"), last=False)
        last = _day(year, last_month, parts.get("d2"), last=True)
    except ValueError:
        return None  # 31 February is not a date
    if last < first:
        return None
    return DateMention(text=match.group(0), first=first, last=last, ranged=ranged)


def _day(year: int, month: int, day: str | None, *, last: bool) -> date:
    """The day given, or the month's first (or ``last``) day when no day is given."""
    if day is not None:
        return date(year, month, int(day))
    return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
