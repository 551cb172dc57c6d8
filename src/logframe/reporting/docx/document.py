"""A Word document being written: A4 pages, styles, right-to-left settings, tables, pictures.

``Writer`` wraps python-docx with the few things the report needs and python-docx lacks:
paragraph and table direction (``w:bidi``, ``w:bidiVisual``), right-to-left runs in the
complex-script font, header rows that repeat on every page, cell shading, and the
"Page 3 of 9" footer made of Word fields, which Word fills in when it lays the pages out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml.etree import _Element

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Inches, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from logframe import fonts
from logframe.reporting.docx.embed import embed_fonts, needs_fonts
from logframe.reporting.docx.rich import Block, Run, rich_blocks
from logframe.reporting.labels import Labels

BLUE = RGBColor(0x0B, 0x4F, 0x8A)
MUTED = RGBColor(0x5B, 0x6B, 0x7A)
WARN = RGBColor(0xA3, 0x44, 0x00)
HEAD_FILL, BAND_FILL, STRONG_FILL, WARN_FILL = "0B4F8A", "E7F0F8", "CFE0EF", "FFF3E3"
TEXT_WIDTH_CM = 17.0
END = {False: WD_ALIGN_PARAGRAPH.RIGHT, True: WD_ALIGN_PARAGRAPH.LEFT}  # where figures align
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML
_BIDI_LANG = {"ar": "ar-IQ", "ckb": "ckb-IQ"}


@dataclass(frozen=True)
class Cell:
    """A table cell: runs of text, aligned to the end when it holds a figure, maybe shaded."""

    runs: Sequence[Run]
    number: bool = False
    fill: str = ""
    bold: bool = False


def cell(text: str, *, number: bool = False, fill: str = "", bold: bool = False) -> Cell:
    return Cell(runs=(Run(text),), number=number, fill=fill, bold=bold)


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    author: str
    keywords: str
    created: datetime


class Writer:
    def __init__(self, t: Labels) -> None:
        self.t = t
        self.doc: DocumentObject = Document()
        self._style_ids: dict[str, str] = {}
        self._page()
        self._styles()

    # The document as a whole -------------------------------------------------------------

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(2)
        if self.t.rtl:
            _insert(section._sectPr, "w:bidi", before=_AFTER_SECT_BIDI)
        self._footer()

    def _styles(self) -> None:
        defaults = self.doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        if defaults is not None and defaults.find(qn("w:rPr")) is not None:
            self._fonts(defaults.find(qn("w:rPr")))
        for name, size in (("Normal", 9.5), ("Title", 20), ("Heading 1", 13), ("Heading 2", 11),
                           ("Heading 3", 10)):  # fmt: skip
            style = self.doc.styles[name]
            rpr = style.element.get_or_add_rPr()
            self._fonts(rpr)
            _size(rpr, size)
            if name != "Normal":
                style.font.color.rgb = BLUE
        self.doc.styles["Normal"].paragraph_format.space_after = Pt(3)

    def _fonts(self, rpr: BaseOxmlElement) -> None:
        """The complex-script font (Arabic, Kurdish) is Vazirmatn; in RTL, Latin too."""
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, rfonts)
        rfonts.set(qn("w:cs"), fonts.FAMILY)
        rfonts.attrib.pop(qn("w:cstheme"), "")  # a theme font would win over w:cs
        if self.t.rtl:
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
                rfonts.set(qn(attr), fonts.FAMILY)
                rfonts.attrib.pop(qn(attr + "Theme"), "")
            lang = _insert(rpr, "w:lang", before=_AFTER_LANG)
            lang.set(qn("w:bidi"), _BIDI_LANG[self.t.lang])

    def _footer(self) -> None:
        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._direction(paragraph)
        for kind, value in (
            ("text", f"{self.t.page} "),
            ("field", "PAGE"),
            ("text", f" {self.t.page_of} "),
            ("field", "NUMPAGES"),
        ):
            if kind == "text":
                self._run(paragraph, Run(value), size=7.5, colour=MUTED)
            else:
                paragraph._p.append(_field(value))

    def properties(self, props: Properties) -> None:
        core = self.doc.core_properties
        core.title = core_property(props.title)
        core.subject = core_property(props.subject)
        core.author = core.last_modified_by = core_property(props.author)
        core.keywords = core_property(props.keywords)
        core.category = self.t.report_title
        core.language = self.t.lang
        core.comments = ""
        core.created = core.modified = props.created
        core.revision = 1

    def save(self) -> bytes:
        if needs_fonts(self.doc, rtl=self.t.rtl):
            embed_fonts(self.doc)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # Paragraphs --------------------------------------------------------------------------

    def _direction(self, paragraph: Paragraph, text: str = "") -> None:
        """Right to left in Arabic and Kurdish when the paragraph starts in Arabic script: the
        project's own English text stays left to right, its full stop last, and so does a
        figure ("96 %", not "% 96")."""
        if self.t.rtl and (_starts_arabic(text) or not text):
            _insert(paragraph._p.get_or_add_pPr(), "w:bidi", before=_AFTER_P_BIDI)

    def _run(
        self,
        paragraph: Paragraph,
        run: Run,
        *,
        size: float | None = None,
        colour: RGBColor | None = None,
        superscript: bool = False,
    ) -> None:
        made = paragraph.add_run(xml_text(run.text))
        made.bold = run.bold or None
        made.italic = run.italic or None
        if size:
            _size(made._r.get_or_add_rPr(), size)
        if colour is not None:
            made.font.color.rgb = colour
        if superscript:
            made.font.superscript = True
        if self.t.rtl and fonts.ARABIC_SCRIPT.search(run.text):
            rpr = made._r.get_or_add_rPr()
            _insert(rpr, "w:rtl", before=_AFTER_RTL)
            bold = rpr.find(qn("w:b"))
            if bold is not None and rpr.find(qn("w:bCs")) is None:
                bold.addnext(OxmlElement("w:bCs"))

    def paragraph(
        self,
        runs: Sequence[Run] | str,
        *,
        style: str | None = None,
        size: float | None = None,
        colour: RGBColor | None = None,
    ) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        if style:
            self._style(paragraph, style)
        runs = [Run(runs)] if isinstance(runs, str) else runs
        self._direction(paragraph, "".join(run.text for run in runs))
        for run in runs:
            self._run(paragraph, run, size=size, colour=colour)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        self._style(paragraph, f"Heading {level}")
        self._direction(paragraph, text)
        self._run(paragraph, Run(text))
        return paragraph

    def _style(self, paragraph: Paragraph, name: str) -> None:
        """Set the style by its id: python-docx's lookup by name costs ~5 ms a paragraph."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self._style_ids[name]

    def marks(self, paragraph: Paragraph, numbers: Sequence[int]) -> None:
        for number in numbers:
            self._run(paragraph, Run(str(number)), superscript=True, colour=BLUE)

    def rich(self, fragment: str, *, empty: str) -> None:
        blocks = rich_blocks(fragment)
        if not blocks:
            self.paragraph([Run(empty, italic=True)], colour=MUTED)
        for block in blocks:
            self._block(block)

    def _block(self, block: Block) -> None:
        style = {"ul": "List Bullet", "ol": "List Number"}.get(block.list_kind)
        if style and block.level:
            style = f"{style} {min(block.level + 1, 3)}"
        self.paragraph(block.runs, style=style)

    def bullets(self, items: Sequence[Sequence[Run]], *, level: int = 0) -> None:
        for runs in items:
            self.paragraph(runs, style="List Bullet 2" if level else "List Bullet")

    def picture(self, png: bytes, *, width_in: float, caption: str) -> None:
        self.paragraph([Run(caption, bold=True)], colour=BLUE, size=9)
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(png), width=Inches(min(width_in, 6.6)))

    # Tables ------------------------------------------------------------------------------

    def table(
        self,
        *,
        head: Sequence[Sequence[Cell]],
        rows: Sequence[Sequence[Cell]],
        widths_cm: Sequence[float],
        merges: Sequence[tuple[int, int, int, int]] = (),
    ) -> Table:
        """A table whose ``head`` rows repeat on every page; ``merges``: (row, col, row, col)
        corners of cells to merge, counted over head and body rows together."""
        all_rows = [*head, *rows]
        columns = len(widths_cm)
        table: Table = self.doc.add_table(rows=len(all_rows), cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        if self.t.rtl:
            _insert(table._tbl.tblPr, "w:bidiVisual", before=_AFTER_BIDI_VISUAL)
        cells = table._cells  # once: python-docx recomputes the grid for every cell lookup
        for index, row in enumerate(table.rows):
            properties = row._tr.get_or_add_trPr()
            _insert(properties, "w:cantSplit", before=("w:trHeight", *_AFTER_TBL_HEADER))
            if index < len(head):
                _insert(properties, "w:tblHeader", before=_AFTER_TBL_HEADER)
            for column, content in enumerate(all_rows[index]):
                target = cells[index * columns + column]
                target.width = Cm(widths_cm[column])
                self._cell(target, content, header=index < len(head))
        for top, left, bottom, right in merges:
            _merge(cells[top * columns + left], cells[bottom * columns + right])
        return table

    def _cell(self, target: _Cell, content: Cell, *, header: bool) -> None:
        paragraph = target.paragraphs[0]
        self._direction(paragraph, "".join(run.text for run in content.runs))
        paragraph.paragraph_format.space_after = Pt(0)
        if content.number:
            paragraph.alignment = END[self.t.rtl]
        fill = HEAD_FILL if header else content.fill
        if fill:
            _shade(target, fill)
        for run in content.runs:
            bold = Run(run.text, bold=run.bold or content.bold or header, italic=run.italic)
            if run.superscript:
                self._run(paragraph, run, colour=BLUE, superscript=True)
                continue
            colour = RGBColor(0xFF, 0xFF, 0xFF) if header else None
            self._run(paragraph, bold, size=8.5, colour=colour)


def xml_text(text: str) -> str:
    """The text without the control characters XML cannot hold (newline and tab stay)."""
    return _CONTROL.sub("", text)


def core_property(text: str) -> str:
    """A document property (title, subject...): Word holds at most 255 characters; a longer
    project title is cut with an ellipsis rather than failing the whole report."""
    text = xml_text(text)
    return text if len(text) <= 255 else text[:254] + "…"


def _starts_arabic(text: str) -> bool:
    """Whether the first letter of ``text`` is in Arabic script (False when it has none)."""
    letter = next((c for c in text if c.isalpha()), "")
    return bool(fonts.ARABIC_SCRIPT.match(letter))


# Word refuses elements out of the schema's order: what may follow each element we add.
_AFTER_SECT_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_P_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_BIDI_VISUAL = (
    "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing",
    "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
    "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_AFTER_SZ_CS = (
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
    "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _insert(parent: _Element, tag: str, *, before: tuple[str, ...]) -> _Element:
    """The child ``tag`` of ``parent``, added if missing before the first of ``before``."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    child = OxmlElement(tag)
    following = next((parent.find(qn(t)) for t in before if parent.find(qn(t)) is not None), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)
    return child


def _size(rpr: CT_RPr, points: float) -> None:
    """The font size for Latin (w:sz) and for Arabic script (w:szCs) alike, in half-points."""
    rpr.get_or_add_sz().set(qn("w:val"), str(round(points * 2)))
    _insert(rpr, "w:szCs", before=_AFTER_SZ_CS).set(qn("w:val"), str(round(points * 2)))


def _merge(first: _Cell, last: _Cell) -> None:
    """Merge the cells, keeping only the first one's paragraph when the others are empty."""
    merged = first.merge(last)
    for paragraph in merged.paragraphs[1:]:
        if not paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)


def _shade(target: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr = target._tc.get_or_add_tcPr()
    following = next((tcpr.find(qn(tag)) for tag in _AFTER_SHD if tcpr.find(qn(tag)) is not None),
                     None)  # fmt: skip
    if following is None:
        tcpr.append(shading)
    else:
        following.addprevious(shading)


def _field(instruction: str) -> _Element:
    """A simple Word field (PAGE, NUMPAGES) showing "1" until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "15")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field
