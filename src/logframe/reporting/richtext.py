"""Sanitised rich text (an HTML subset) as GitHub-flavoured Markdown.

The subset is what the sanitiser keeps: p, br, ul, ol, li, strong/b, em/i and a. Any other
tag is dropped and its text kept; whitespace collapses as a browser would collapse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LIST_LIKE = re.compile(r"^(?:([-+])|(\d+)\.)")
_MARKER = re.compile(r"^\s*(?:-|\d+\.) ")
_SPACE = re.compile(r"\s+")
_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}


def escape_markdown(text: str) -> str:
    """Plain text that Markdown will show as it is: \\ ` * _ [ ] < > | # escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def html_to_markdown(fragment: str) -> str:
    """The fragment as Markdown blocks separated by blank lines; "" for a blank fragment."""
    converter = _Converter()
    converter.feed(fragment)
    converter.close()
    return converter.markdown()


@dataclass
class _List:
    ordered: bool
    indent: int  # the column its markers stand in: the content column of the item around it
    count: int = 0
    content: int = 0  # the column its items' text starts in


@dataclass
class _State:
    blocks: list[tuple[str, bool]] = field(default_factory=list)  # (text, inside a list)
    line: list[str] = field(default_factory=list)
    prefix: str = ""  # the marker of the item being written, indented: "  - "
    lists: list[_List] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.state = _State()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        s = self.state
        if tag in _INLINE:
            s.line.append(_INLINE[tag])
        elif tag == "a":
            s.links.append(dict(attrs).get("href") or "")
            s.line.append("[")
        elif tag == "br":
            s.line.append("\\\n")
        elif tag in ("p", "div"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            s.lists.append(_List(ordered=tag == "ol", indent=self._column()))
        elif tag == "li":
            self._start_item()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        s = self.state
        if tag in _INLINE:
            s.line.append(_INLINE[tag])
        elif tag == "a" and s.links:
            href = s.links.pop().replace(")", "%29").replace(" ", "%20")
            s.line.append(f"]({href})" if href else "]")
        elif tag in ("p", "div", "li"):
            self._flush()
        elif tag in ("ul", "ol") and s.lists:
            self._flush()
            s.lists.pop()

    def handle_data(self, data: str) -> None:
        self.state.line.append(escape_markdown(_SPACE.sub(" ", data)))

    def _column(self) -> int:
        """Where text inside the innermost list item starts; 0 outside lists."""
        return self.state.lists[-1].content if self.state.lists else 0

    def _start_item(self) -> None:
        self._flush()
        s = self.state
        if not s.lists:
            s.lists.append(_List(ordered=False, indent=0))
        current = s.lists[-1]
        current.count += 1
        marker = f"{current.count}. " if current.ordered else "- "
        current.content = current.indent + len(marker)
        s.prefix = " " * current.indent + marker

    def _flush(self) -> None:
        """End the block being written; the item's marker waits for the item's first text."""
        s = self.state
        lines = [line.strip() for line in "".join(s.line).split("\n")]
        s.line = []
        if not _has_text(lines):
            return
        lead = s.prefix or " " * self._column()
        body = ("\n" + " " * self._column()).join(line for line in lines if line)
        s.blocks.append((lead + _LIST_LIKE.sub(_unlist, body, count=1), bool(s.lists)))
        s.prefix = ""

    def markdown(self) -> str:
        self._flush()
        return _join_blocks(self.state.blocks)


def _has_text(lines: list[str]) -> bool:
    """Whether there is more than emphasis markers left around nothing ("****")."""
    return any(line.replace("*", "").strip() for line in lines)


def _unlist(match: re.Match[str]) -> str:
    """Text that would start a list, escaped: "\\- x", "1\\. x"."""
    return f"\\{match[1]}" if match[1] else f"{match[2]}\\."


def _join_blocks(blocks: list[tuple[str, bool]]) -> str:
    """Blocks separated by a blank line, except that a list's items follow each other."""
    out: list[str] = []
    in_list = False
    for block, listed in blocks:
        if out and not (listed and in_list and _MARKER.match(block)):
            out.append("")
        out.append(block)
        in_list = listed
    return "\n".join(out)
