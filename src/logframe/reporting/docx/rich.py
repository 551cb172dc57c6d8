"""Sanitised rich text (p, br, ul, ol, li, strong/b, em/i, a) as paragraphs of styled runs.

Whitespace collapses as a browser would collapse it; a link keeps its text and its address
after it in brackets, so a printed report still says where it points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False  # a footnote mark


@dataclass
class Block:
    """A paragraph: plain (``list_kind`` ""), or an item of a bulleted or numbered list."""

    runs: list[Run] = field(default_factory=list)
    list_kind: str = ""  # "", "ul", "ol"
    level: int = 0


def rich_blocks(fragment: str) -> list[Block]:
    """The fragment's paragraphs, blank ones left out."""
    parser = _Parser()
    parser.feed(fragment)
    parser.close()
    parser.end_block()
    return [block for block in parser.blocks if "".join(r.text for r in block.runs).strip()]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current = Block()
        self.lists: list[str] = []
        self.bold = 0
        self.italic = 0
        self.href: list[str] = []

    def end_block(self) -> None:
        runs = self.current.runs
        if runs:
            runs[0] = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
            runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic)
            self.blocks.append(self.current)
        kind = self.lists[-1] if self.lists else ""
        self.current = Block(list_kind=kind, level=max(len(self.lists) - 1, 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "br"):
            self.end_block()
        elif tag in ("ul", "ol"):
            self.end_block()
            self.lists.append(tag)
            self.current = Block(list_kind=tag, level=len(self.lists) - 1)
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li"):
            self.end_block()
        elif tag in ("ul", "ol") and self.lists:
            self.end_block()
            self.lists.pop()
            self.current = Block(
                list_kind=self.lists[-1] if self.lists else "", level=max(len(self.lists) - 1, 0)
            )
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href and href not in "".join(r.text for r in self.current.runs):
                self.current.runs.append(Run(f" ({href})"))

    def handle_data(self, data: str) -> None:
        text = _SPACE.sub(" ", data)
        previous = "".join(r.text for r in self.current.runs)
        if not previous or previous.endswith(" "):
            text = text.lstrip()
        if text:
            self.current.runs.append(Run(text, bold=self.bold > 0, italic=self.italic > 0))
