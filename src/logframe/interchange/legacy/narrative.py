"""The qualitative achievements and the implementation constraints: paragraphs to rich text.

In the qualitative section a paragraph ``Output 1.1: text`` (or ``JP Output 2 - text``, at
most 40 words) opens that output's narrative; paragraphs before the first such heading are
the period's summary. A paragraph split by a page break is joined again: a paragraph that does
not end as a sentence does (. ! ? : ; …) is continued by the next one — unless that one is a
heading or a bullet — when the next starts with a lower-case letter, when a footnote stood
between the two (where the page broke), when the first ends with a word that cannot end a
sentence ("by", "of", "the", …), or when the first is prose rather than a title — six words
or more, not ending in emphasis (``*Improved governance*`` is a title) — and the next does not
start with a code (``1.2 …``). Bullets, numbered items and emphasis: see :mod:`.markup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from logframe.interchange.legacy.blocks import Block, Paragraph
from logframe.interchange.legacy.markup import paragraph_blocks, render
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, ends_a_sentence, ends_open, plain

_HEADING = re.compile(
    r"^(?:JP\s*)?Outputs?\s+(\d{1,3}(?:\.\d{1,3})?)\.?\s*(?:[:\-\u2013\u2014]|\.(?=\s))\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_BULLET = re.compile(r"^(?:[-\u2022\u2013\u25aa\u25cf\u00b7]|\*(?=\s)|\d{1,2}[.)]\s)")
_MAX_HEADING_WORDS = 40
_MIN_PROSE_WORDS = 6
_CODE_START = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s")


class Paragraphs:
    """Paragraphs being collected, a paragraph cut by a page break joined again (linear: the
    parts of a paragraph are joined once, at the end)."""

    def __init__(self, *, prose_joins: bool = True) -> None:
        self.prose_joins = prose_joins
        self._parts: list[list[str]] = []
        self._words: list[int] = []

    def add(self, text: str, *, page_broke: bool = False) -> None:
        """Append ``text``, or join it to the last paragraph when it continues it."""
        words = len(text.split())
        if self._parts and self._continues(text, page_broke=page_broke):
            self._parts[-1].append(text)
            self._words[-1] += words
        else:
            self._parts.append([text])
            self._words.append(words)

    def extend(self, texts: list[str]) -> None:
        """Append paragraphs as they are."""
        for text in texts:
            self._parts.append([text])
            self._words.append(len(text.split()))

    def texts(self) -> list[str]:
        return [" ".join(parts) for parts in self._parts]

    def _continues(self, text: str, *, page_broke: bool) -> bool:
        previous = self._parts[-1][-1]
        if ends_a_sentence(previous) or _BULLET.match(text) or heading(text) is not None:
            return False
        prose = (
            self.prose_joins
            and self._words[-1] >= _MIN_PROSE_WORDS
            and not previous.endswith("*")
            and not _CODE_START.match(text)
        )
        return text[:1].islower() or page_broke or ends_open(previous) or prose


@dataclass
class OutputNarrative:
    code: str
    heading: str  # the heading's text after the code
    paragraphs: Paragraphs = field(default_factory=Paragraphs)
    location: str = ""


@dataclass
class Qualitative:
    summary: Paragraphs = field(default_factory=Paragraphs)
    outputs: list[OutputNarrative] = field(default_factory=list)


def heading(text: str) -> tuple[str, str] | None:
    """The code and text of an output heading paragraph, or None."""
    if len(text) > _MAX_HEADING_WORDS * 30:
        return None
    match = _HEADING.match(plain(text))
    if match is None or len(text.split()) > _MAX_HEADING_WORDS:
        return None
    return match[1], collapse(match[2])


def _paragraphs(
    blocks: list[Block], start: int, broke: set[int], log: SourceLog, where: str
) -> list[tuple[Paragraph, bool]]:
    """The section's paragraphs after its heading, with whether a page broke before each."""
    found: list[tuple[Paragraph, bool]] = []
    for offset, block in enumerate(blocks[1:], start=1):
        if isinstance(block, Paragraph):
            found.append((block, start + offset in broke))
        else:
            log.unread_block(block, where=where)
    return found


def read_qualitative(
    blocks: list[Block], *, start: int, broke: set[int], log: SourceLog
) -> Qualitative:
    """The summary and the narratives by output heading, in order."""
    found = Qualitative()
    current = found.summary
    for block, page_broke in _paragraphs(blocks, start, broke, log, "qualitative"):
        opened = heading(block.text)
        if opened is not None:
            narrative = OutputNarrative(opened[0], opened[1], location=block.location)
            found.outputs.append(narrative)
            current = narrative.paragraphs
            continue
        current.add(collapse(block.text), page_broke=page_broke)
    return found


def read_constraints(blocks: list[Block], *, start: int, broke: set[int], log: SourceLog) -> str:
    """The constraints section as rich text."""
    paragraphs = Paragraphs()
    for block, page_broke in _paragraphs(blocks, start, broke, log, "constraints"):
        paragraphs.add(collapse(block.text), page_broke=page_broke)
    return html_of(paragraphs.texts())


def html_of(paragraphs: list[str]) -> str:
    return render(paragraph_blocks(paragraphs))
