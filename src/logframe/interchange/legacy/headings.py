"""The template's sections, found by their headings or first labels.

Headings are compared by :func:`~logframe.interchange.legacy.wording.label_key`: case,
spacing, dashes, emphasis and a final colon do not matter, and small wording variants are
accepted ("Outputs, key activities & procurement", "Main implementation constraints and
challenges (2-3 sentences)"). A heading paragraph has at most 15 words, so a narrative
sentence that happens to start with the same words is not taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from logframe.interchange.legacy.blocks import Block, Paragraph, Row
from logframe.interchange.legacy.wording import label_key

_MAX_HEADING_WORDS = 15
_MAX_HEADING_CHARACTERS = 300


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # as error messages name it
    test: Callable[[str], bool]
    rows_only: bool = False


def _starts(*prefixes: str) -> Callable[[str], bool]:
    return lambda key: key.startswith(prefixes)


SECTIONS: tuple[Section, ...] = (
    Section("project", "project table", lambda k: k in ("title", "project title"), True),
    Section("objectives", "development goal and objectives", _starts("development goal and")),
    Section(
        "framework",
        "outputs, key activities and procurement table",
        lambda k: bool(re.match(r"outputs?,? (key )?activities", k)),
    ),
    Section(
        "finance",
        "financial status",
        lambda k: (
            k.startswith(("funds committed", "fund committed"))
            or k in ("financial status", "finance", "financial information", "funds")
        ),
    ),
    Section("beneficiaries", "direct beneficiaries table", _starts("direct beneficiar")),
    Section("quantitative", "quantitative achievements table", _starts("quantitative achievement")),
    Section("qualitative", "qualitative achievements", _starts("qualitative achievement")),
    Section(
        "constraints",
        "implementation constraints and challenges",
        lambda k: (
            k.startswith(("main implementation constraint", "implementation constraint"))
            or k.startswith(("main constraints", "constraints and challenges", "constraints &"))
        ),
    ),
)
HEADER = Section("header", "header", lambda key: False)
SECTION_KEYS = frozenset(section.key for section in SECTIONS)


def _key(block: Block) -> str | None:
    """The label key of a block that may be a heading; None for a long paragraph."""
    if isinstance(block, Paragraph) and (
        len(block.text) > _MAX_HEADING_CHARACTERS or len(block.text.split()) > _MAX_HEADING_WORDS
    ):
        return None
    return label_key(block.label[:_MAX_HEADING_CHARACTERS])


def is_heading(block: Block, section: Section, key: str | None = None) -> bool:
    """Whether ``block`` opens ``section`` (``key``: the block's label key, if known)."""
    if section.rows_only and not isinstance(block, Row):
        return False
    key = _key(block) if key is None else key
    return key is not None and section.test(key)


def is_any_heading(block: Block) -> bool:
    key = _key(block)
    return key is not None and any(is_heading(block, section, key) for section in SECTIONS)


def is_project_number(block: Block) -> bool:
    """The ``Project #:`` line (or row): ``Project No.``, ``Project number`` too."""
    key = label_key(block.label)
    return key.startswith(("project #", "project no", "project number", "project id"))
