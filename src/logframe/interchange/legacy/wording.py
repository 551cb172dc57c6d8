"""How the template's words are compared: tolerant of case, spacing, dashes and emphasis."""

from __future__ import annotations

import re

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Words a phrase cannot end with: a line ending in one goes on on the next line.
OPEN_ENDINGS = frozenset(
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "including", "its",
        "of", "on", "or", "the", "their", "to", "w/", "with", "within",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_EMPHASIS = re.compile(r"\*+")


def collapse(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return _SPACES.sub(" ", text).strip()


def label_key(text: str) -> str:
    """A label reduced for comparison: no emphasis marks, one kind of dash and quote, lower
    case, single spaces, no final colon. ``"**Project #:**"`` → ``"project #"``."""
    plain = _EMPHASIS.sub("", text).translate(_DASHES).translate(_QUOTES)
    return collapse(plain).lower().rstrip(":").rstrip()


def words_key(text: str) -> str:
    """Only the letters and digits of a text, lower case, single spaces: for matching texts."""
    return collapse(re.sub(r"[^\w]+", " ", text.translate(_QUOTES))).lower()


def plain(text: str) -> str:
    """The text without ``**``/``*`` emphasis marks, dashes and quotes unified, collapsed."""
    return collapse(_EMPHASIS.sub("", text).translate(_DASHES).translate(_QUOTES))


def ends_open(text: str) -> bool:
    """Whether ``text`` ends with a word a phrase cannot end with ("of", "and", "by", …)."""
    last = text.rsplit(None, 1)[-1:] if text else []
    return bool(last) and last[0].lower() in OPEN_ENDINGS


def ends_a_sentence(text: str) -> bool:
    """Whether a paragraph ends as a sentence or a heading does: . ! ? : ; … (maybe quoted)."""
    stripped = text.rstrip().rstrip("*\"')]\u201d\u2019»").rstrip()
    return stripped.endswith((".", "!", "?", ":", ";", "\u2026"))
