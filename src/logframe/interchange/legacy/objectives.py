"""The development goal, the UNDAF outcome and the immediate objective.

Under the heading "Development Goal and Immediate Objectives" the report has labelled parts:
a label paragraph (``Development goal:``, ``UNDAF (…):``, ``The programme's immediate
objective is:``, ``Immediate objective(s):``) and the paragraphs after it, up to the next
label. A note in brackets in a label (``UNDAF (Links with UNDAF but only after project was
initiated.):``) is part of the text and becomes its first paragraph; text after a label's
colon on the same line (``Development goal: To contribute…``) likewise. Paragraphs before the
first label belong to the development goal. A paragraph a page break cut is joined again
when the next part starts in lower case or the first ends with a word such as "of" (the
rule of :mod:`.narrative`, without its rule for prose: these parts are short titles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from logframe.interchange.legacy.blocks import Block, Paragraph
from logframe.interchange.legacy.markup import paragraph_blocks, render
from logframe.interchange.legacy.narrative import Paragraphs
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, label_key

_PARTS = (
    ("development_goal", re.compile(r"^(?:the )?(?:overall )?development goal")),
    ("undaf_outcome", re.compile(r"^(?:the )?undaf")),
    ("immediate_objective", re.compile(r"^.{0,40}\bimmediate objectives?\b")),
)
_LABEL = re.compile(
    r"^(?P<label>[^:()]*?)\s*(?:\((?P<note>.*)\))?\s*(?:is|are)?\s*:\s*(?P<rest>.*)$"
)
_MAX_LABEL_WORDS = 12


@dataclass
class Objectives:
    paragraphs: dict[str, Paragraphs] = field(default_factory=dict)

    def part(self, key: str) -> Paragraphs:
        return self.paragraphs.setdefault(key, Paragraphs(prose_joins=False))

    def html(self, key: str) -> str:
        found = self.paragraphs.get(key)
        return render(paragraph_blocks(found.texts())) if found else ""


def _label(text: str) -> tuple[str, list[str]] | None:
    """The part a label paragraph opens, and the text it carries (its note, its rest)."""
    match = _LABEL.match(collapse(text))
    if match is None or len(match["label"].split()) > _MAX_LABEL_WORDS:
        return None
    key = label_key(match["label"])
    for part, pattern in _PARTS:
        if pattern.match(key):
            carried = [collapse(match[group] or "") for group in ("note", "rest")]
            return part, [text for text in carried if text]
    return None


def read_objectives(blocks: list[Block], log: SourceLog) -> Objectives:
    """The labelled parts of the objectives section (its heading block is skipped)."""
    found = Objectives()
    current = "development_goal"
    for block in blocks[1:]:
        if not isinstance(block, Paragraph):
            log.unread_block(block, where="objectives")
            continue
        label = _label(block.text)
        if label is not None:
            current, carried = label
            found.part(current).extend(carried)
        else:
            found.part(current).add(collapse(block.text))
    return found
