"""Small HTML builders. Plain text is always escaped here; rich text passes through as is."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from logframe.reporting.model import Figure

FLAG = "≠"
LEGEND = (
    f'<p class="legend"><span class="flag">{FLAG}</span>The figure computed from the recorded'
    " values differs from the figure the report stated; the stated figure is shown as"
    " “reported”. See the data-quality findings at the end.</p>"
)


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


def rich(fragment: str, *, empty: str = "Nothing reported.") -> str:
    """A sanitised rich-text fragment, inserted as it is; a note when it is blank."""
    if not fragment.strip():
        return el("p", esc(empty), class_="empty")
    return el("div", fragment, class_="rich")


def marks(numbers: Iterable[int]) -> str:
    """Footnote marks linking to the notes: <sup class="fn"><a href="#fn-3">3</a></sup>."""
    return "".join(el("sup", el("a", str(n), href=f"#fn-{n}"), class_="fn") for n in numbers)


def figure_html(figure: Figure) -> str:
    """The figure's text; when it disagrees with the reported one, a flag and both figures."""
    if figure.agrees:
        return esc(figure.text)
    return (
        f'<span class="flag" title="Differs from the reported figure">{FLAG}</span>'
        f"{esc(figure.text)}"
        f' <span class="reported">(reported {esc(figure.reported_text)})</span>'
    )


def figure_cell(figure: Figure) -> str:
    """A right-aligned table cell for a figure, shaded when it disagrees with the reported one."""
    return el("td", figure_html(figure), class_="num" if figure.agrees else "num mismatch")


def legend_if(figures: Iterable[Figure]) -> str:
    """The flag's legend, under a table that shows at least one disagreement."""
    return LEGEND if any(figure.mismatch for figure in figures) else ""


def table(
    *,
    head: Iterable[tuple[str, str]],
    rows: Iterable[str],
    class_: str = "",
    widths: Iterable[str] = (),
) -> str:
    """A table whose header row repeats on every printed page; ``head``: (label, class) pairs."""
    cols = "".join(f'<col style="width:{esc(width)}">' for width in widths)
    cells = "".join(el("th", esc(label), scope="col", class_=cls) for label, cls in head)
    parts = [
        el("colgroup", cols) if cols else "",
        el("thead", el("tr", cells)),
        el("tbody", join(rows)),
    ]
    return el("table", "".join(parts), class_=class_)


def section(*, id_: str, title: str, body: str) -> str:
    return el("section", el("h2", esc(title)) + "\n" + body, id=id_)
