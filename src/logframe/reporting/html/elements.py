"""Small HTML builders. Plain text is always escaped here; rich text passes through as is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from logframe.reporting.html.style import COLUMN_WIDTHS
from logframe.reporting.labels import EN, Labels
from logframe.reporting.model import Figure
from logframe.richtext import sanitise_html

FLAG = "≠"


def legend(t: Labels = EN) -> str:
    return f'<p class="legend"><span class="flag">{FLAG}</span>{escape(t.legend)}</p>'


LEGEND = legend()


def esc(text: str) -> str:
    """Plain text as HTML: every <, >, &, and quote escaped."""
    return escape(text, quote=True)


def el(tag: str, content: str = "", **attrs: str) -> str:
    """``<tag attrs>content</tag>``; ``content`` must already be HTML. ``class_`` → class."""
    rendered = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for name, value in attrs.items()
        if value
    )
    return f"<{tag}{rendered}>{content}</{tag}>"


def join(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)


# isolates: a run of text laid out in its own direction (left to right; its first letter's)
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
_BLOCK_OPEN = re.compile(r"(<(?:p|li)\b[^>]*>)")
_BLOCK_CLOSE = re.compile(r"(</(?:p|li)>)")


def data(text: str, t: Labels) -> str:
    """The project's own text (often English) as HTML; isolated inside right-to-left text,
    so its punctuation stays where it belongs ("standards." and not ".standards")."""
    return f"{FSI}{esc(text)}{PDI}" if t.rtl and text else esc(text)


def rich(fragment: str, *, empty: str = "Nothing reported.", t: Labels = EN) -> str:
    """A rich-text fragment, sanitised again here (a row written by anything but the
    services, a restored backup, must not put script in a report); a note when blank."""
    fragment = sanitise_html(fragment)
    if not fragment.strip():
        return el("p", esc(empty), class_="empty")
    if t.rtl:
        fragment = _BLOCK_CLOSE.sub(PDI + r"\1", _BLOCK_OPEN.sub(r"\1" + FSI, fragment))
        if not _BLOCK_OPEN.search(fragment):
            fragment = FSI + fragment + PDI
    return el("div", fragment, class_="rich")


def ltr(text: str, t: Labels, class_: str = "") -> str:
    """A code or number, kept left to right inside right-to-left text (1.1.8, 13,947,279.00)."""
    if t.rtl:  # <bdi> for browsers, the isolate characters for WeasyPrint
        return el("bdi", f"{LRI}{esc(text)}{PDI}", dir="ltr", class_=class_)
    return el("span", esc(text), class_=class_) if class_ else esc(text)


def marks(numbers: Iterable[int]) -> str:
    """Footnote marks linking to the notes: <sup class="fn"><a href="#fn-3">3</a></sup>."""
    return "".join(el("sup", el("a", str(n), href=f"#fn-{n}"), class_="fn") for n in numbers)


def figure_html(figure: Figure, t: Labels = EN) -> str:
    """The figure's text; when it disagrees with the reported one, a flag and both figures."""
    text = _figure_text(t.status_word(figure.text), t)
    if figure.agrees:
        return text
    return (
        f'<span class="flag" title="{esc(t.differs)}">{FLAG}</span>{text}'
        f' <span class="reported">({esc(t.reported)} {_figure_text(figure.reported_text, t)})'
        "</span>"
    )


def _figure_text(text: str, t: Labels) -> str:
    return el("bdi", f"{LRI}{esc(text)}{PDI}", dir="ltr") if t.rtl and text else esc(text)


def figure_cell(figure: Figure, t: Labels = EN) -> str:
    """A right-aligned table cell for a figure, shaded when it disagrees with the reported one."""
    return el("td", figure_html(figure, t), class_="num" if figure.agrees else "num mismatch")


def legend_if(figures: Iterable[Figure], t: Labels = EN) -> str:
    """The flag's legend, under a table that shows at least one disagreement."""
    return legend(t) if any(figure.mismatch for figure in figures) else ""


def table(
    *,
    head: Iterable[tuple[str, str]],
    rows: Iterable[str],
    class_: str = "",
    widths: Iterable[str] = (),
) -> str:
    """A table whose header row repeats on every printed page; ``head``: (label, class) pairs."""
    cols = "".join(col(width) for width in widths)
    cells = "".join(el("th", esc(label), scope="col", class_=cls) for label, cls in head)
    parts = [
        el("colgroup", cols) if cols else "",
        el("thead", el("tr", cells)),
        el("tbody", join(rows)),
    ]
    return el("table", "".join(parts), class_=class_)


def col(width: str) -> str:
    """``<col>`` of a width in % (``"36%"``), as one of ``COLUMN_WIDTHS``' classes."""
    percent = int(width.removesuffix("%"))
    if percent not in COLUMN_WIDTHS:
        raise ValueError(f"column width {width} has no class: add it to COLUMN_WIDTHS")
    return f'<col class="w{percent}">'


def section(*, id_: str, title: str, body: str) -> str:
    return el("section", el("h2", esc(title)) + "\n" + body, id=id_)
