"""Rich text from a report: cells that hold HTML-ish text, and runs of paragraphs.

A cell such as the project description may hold HTML as a web form saved it (``<p>``,
``<ol>``, ``<ul>``, ``<li>``, ``<br>``, ``<strong>``, ``<em>``; other tags are dropped, their text
kept, except the text of ``<script>`` and ``<style>``). A list written as bare text inside
``<ol>``/``<ul>`` is split into items on its markers: ``1.``, ``2.``, … in sequence, or bullets
``•``. A cell without tags is read paragraph by paragraph. In paragraphs, ``- ``, ``• `` and an
en dash open bullet items (``<ul><li>``), two or more paragraphs numbered ``1.``, ``2.``, … in
sequence make an ``<ol>``, ``**bold**`` becomes ``<strong>`` and ``*italic*`` ``<em>``.
Everything is escaped, then passed through the one allow-list of :mod:`logframe.richtext`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from logframe.interchange.legacy.wording import collapse
from logframe.richtext import sanitise_html

_TAG = re.compile(r"</?\s*(?:p|ol|ul|li|br|div|strong|em|b|i)\b[^>]*>", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-\u2022\u2013\u25aa\u25cf\u00b7]|\*(?=\s))\s*")
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
_BULLET_SPLIT = re.compile(r"\s*[\u2022\u25aa\u25cf\u00b7]\s*")
_NUMBER_MARKER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=\S)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


@dataclass
class TextBlock:
    """A paragraph (``kind`` ``"p"``) or a list (``"ul"``/``"ol"``) of items."""

    kind: str
    items: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.items)


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text))


def inline_html(text: str) -> str:
    """Escape ``text``, then ``**bold**`` → ``<strong>``, ``*italic*`` → ``<em>``."""
    escaped = html.escape(text, quote=False)
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    return _EM.sub(r"<em>\1</em>", escaped)


def render(blocks: list[TextBlock]) -> str:
    """Blocks as sanitised HTML: one block a line, list items inline."""
    lines: list[str] = []
    for block in blocks:
        items = [collapse(item) for item in block.items if collapse(item)]
        if not items:
            continue
        if block.kind == "p":
            lines.append(f"<p>{inline_html(' '.join(items))}</p>")
        else:
            inner = "".join(f"<li>{inline_html(item)}</li>" for item in items)
            lines.append(f"<{block.kind}>{inner}</{block.kind}>")
    return sanitise_html("\n".join(lines))


def paragraph_blocks(paragraphs: list[str]) -> list[TextBlock]:
    """Paragraph texts as blocks: bullets and numbered runs become lists."""
    blocks: list[TextBlock] = []
    for text in paragraphs:
        bullet = _BULLET.match(text)
        if bullet and text[bullet.end() :].strip():
            _append_item(blocks, "ul", text[bullet.end() :])
        else:
            blocks.append(TextBlock("p", [text]))
    return _numbered_lists(blocks)


def _append_item(blocks: list[TextBlock], kind: str, item: str) -> None:
    if blocks and blocks[-1].kind == kind:
        blocks[-1].items.append(item)
    else:
        blocks.append(TextBlock(kind, [item]))


def _numbered_lists(blocks: list[TextBlock]) -> list[TextBlock]:
    """Two or more paragraphs in a row numbered 1., 2., … become one ordered list."""
    result: list[TextBlock] = []
    index = 0
    while index < len(blocks):
        run = _numbered_run(blocks, index)
        if len(run) >= 2:
            result.append(TextBlock("ol", run))
            index += len(run)
        else:
            result.append(blocks[index])
            index += 1
    return result


def _numbered_run(blocks: list[TextBlock], start: int) -> list[str]:
    items: list[str] = []
    for block in blocks[start:]:
        match = _NUMBERED.match(block.text) if block.kind == "p" else None
        if match is None or int(match[1]) != len(items) + 1:
            break
        items.append(block.text[match.end() :])
    return items


def cell_blocks(parts: tuple[str, ...]) -> list[TextBlock]:
    """A cell's rich text as blocks: parsed as HTML when it has tags, else by paragraph."""
    joined = " ".join(parts)
    if has_markup(joined):
        parser = _FragmentParser()
        parser.feed(joined)
        parser.close()
        return parser.finish()
    return paragraph_blocks([collapse(part) for part in parts if collapse(part)])


def cell_html(parts: tuple[str, ...]) -> str:
    return render(cell_blocks(parts))


def split_bare_list(kind: str, text: str) -> list[str]:
    """Items of a list written as bare text: ``1. a; 2. b`` or ``• a • b``."""
    if kind == "ul":
        return [item for item in _BULLET_SPLIT.split(text) if item.strip()]
    cuts: list[tuple[int, int]] = []
    for match in _NUMBER_MARKER.finditer(text):
        if int(match[1]) == len(cuts) + 1:
            cuts.append((match.start(), match.end()))
    if not cuts:
        return [text] if text.strip() else []
    items = [text[end : (cuts[i + 1][0] if i + 1 < len(cuts) else len(text))]
             for i, (_, end) in enumerate(cuts)]  # fmt: skip
    lead = text[: cuts[0][0]]
    return ([lead] if lead.strip() else []) + items


class _FragmentParser(HTMLParser):
    """Collects paragraphs and lists from an HTML-ish fragment; never raises on bad HTML."""

    _INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[TextBlock] = []
        self.buffer: list[str] = []
        self.list_kind: str | None = None
        self.items: list[str] = []
        self.in_item = False
        self.skipping = 0  # inside script or style: their text goes too

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in ("p", "div"):
            self._flush_paragraph()
        elif tag in ("ol", "ul"):
            self._flush_list()
            self._flush_paragraph()
            self.list_kind = tag
        elif tag == "li":
            self._flush_item()
            self.in_item = True
        elif tag == "br":
            self.buffer.append(" ")
        elif tag in self._INLINE:
            self.buffer.append(self._INLINE[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("p", "div"):
            self._flush_paragraph()
        elif tag in ("ol", "ul"):
            self._flush_list()
        elif tag == "li":
            self._flush_item()
        elif tag in self._INLINE:
            self.buffer.append(self._INLINE[tag])

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buffer.append(data)

    def _take(self) -> str:
        text = collapse("".join(self.buffer))
        self.buffer = []
        return text

    def _flush_item(self) -> None:
        text = self._take()
        if text and self.list_kind is not None:
            if self.in_item:
                self.items.append(text)
            else:
                self.items.extend(split_bare_list(self.list_kind, text))
        elif text:
            self.blocks.append(TextBlock("p", [text]))
        self.in_item = False

    def _flush_paragraph(self) -> None:
        if self.list_kind is not None:
            self._flush_list()
        text = self._take()
        if text:
            self.blocks.append(TextBlock("p", [text]))

    def _flush_list(self) -> None:
        if self.list_kind is None:
            return
        self._flush_item()
        items = [collapse(item) for item in self.items if collapse(item)]
        if items:
            self.blocks.append(TextBlock(self.list_kind, items))
        self.list_kind, self.items = None, []

    def finish(self) -> list[TextBlock]:
        self._flush_list()
        self._flush_paragraph()
        return self.blocks
