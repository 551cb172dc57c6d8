"""Footnotes in the block stream: taken out of the body wherever they stand.

A footnote is a paragraph that starts with a superscript number (``³ The IHEC has…``). In a
text extract a footnote sits where the page ended — between two rows of a table or between
two parts of a paragraph. Its text may go on over the next lines. After a table row (the
footnote stands inside or at the end of a table), a following line that is not a heading is
the footnote's own — joined to it with a space — when a row comes after the footnotes (a
table has no body paragraphs), when the footnote so far does not end as a sentence does, or
when the line starts with a lower-case letter. In the flow of paragraphs a footnote is one
line: what follows it is the body again. The body keeps a note of the blocks that
came right after a footnote, where a page broke (the narrative joins a paragraph split there).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from logframe.interchange.legacy.blocks import Block, Paragraph, Row
from logframe.interchange.legacy.headings import is_any_heading
from logframe.interchange.legacy.marks import footnote_line
from logframe.interchange.legacy.wording import ends_a_sentence


@dataclass(frozen=True)
class FootnoteText:
    number: int
    text: str
    location: str


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    after_footnote: set[int] = field(default_factory=set)  # indices into ``blocks``
    footnotes: list[FootnoteText] = field(default_factory=list)


def _is_footnote(block: Block) -> bool:
    return isinstance(block, Paragraph) and footnote_line(block.text) is not None


def _group_ends_at_row(blocks: list[Block], start: int) -> bool:
    """Whether the paragraphs from ``start`` are followed by a row (they are inside a table)."""
    end = start
    while end < len(blocks) and isinstance(blocks[end], Paragraph):
        if is_any_heading(blocks[end]):
            return False
        end += 1
    return end < len(blocks) and isinstance(blocks[end], Row)


def _table_footnotes(blocks: list[Block], start: int) -> tuple[list[FootnoteText], int]:
    """The footnotes from ``start`` with the lines that go on from them, and where they end.

    A line goes on from a footnote when a row follows the group, when the footnote so far does
    not end as a sentence does, or when the line starts with a lower-case letter.
    """
    in_table = _group_ends_at_row(blocks, start)
    notes: list[FootnoteText] = []
    index = start
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, Paragraph) or is_any_heading(block):
            break
        found = footnote_line(block.text) if isinstance(block, Paragraph) else None
        if found is not None:
            notes.append(FootnoteText(found[0], found[1], block.location))
        elif notes and (
            in_table or not ends_a_sentence(notes[-1].text) or block.text[:1].islower()
        ):
            last = notes[-1]
            notes[-1] = FootnoteText(
                last.number, f"{last.text} {block.text}".strip(), last.location
            )
        else:
            break
        index += 1
    return notes, index


def separate_footnotes(blocks: list[Block]) -> Body:
    """The body without its footnotes, and the footnotes in the order they stood."""
    body = Body()
    index = 0
    page_broke = False
    while index < len(blocks):
        block = blocks[index]
        if not _is_footnote(block):
            if page_broke:
                body.after_footnote.add(len(body.blocks))
            page_broke = False
            body.blocks.append(block)
            index += 1
            continue
        if body.blocks and isinstance(body.blocks[-1], Row):
            notes, index = _table_footnotes(blocks, index)
            body.footnotes.extend(notes)
        else:
            assert isinstance(block, Paragraph)
            number, text = footnote_line(block.text) or (0, "")
            body.footnotes.append(FootnoteText(number, text, block.location))
            index += 1
        page_broke = True
    return body
