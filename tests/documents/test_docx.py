"""The report as Word: opened with python-docx, its headings, tables, figures, properties
and, in Arabic, its right-to-left settings read back."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from lxml import etree

from logframe import fonts
from logframe.reporting.docx import render_docx
from logframe.reporting.docx.embed import deobfuscate
from logframe.reporting.labels import AR, CKB, EN
from logframe.reporting.model import ReportModel

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def english(seed: ReportModel, created: datetime) -> DocumentObject:
    return Document(io.BytesIO(render_docx(seed, "en", created=created)))


@pytest.fixture(scope="module")
def arabic(seed: ReportModel, created: datetime) -> DocumentObject:
    return Document(io.BytesIO(render_docx(seed, "ar", created=created)))


def _headings(doc: DocumentObject, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _cells(doc: DocumentObject) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in table.rows] for table in doc.tables]


def _footer_text(doc: DocumentObject) -> str:
    return "".join(t.text or "" for t in doc.sections[0].footer.paragraphs[0]._p.iter(f"{W}t"))


def _table_with(doc: DocumentObject, heading: str) -> list[list[str]]:
    return next(t for t in _cells(doc) if t[0][0] == heading)


def test_sections_are_word_headings_in_the_seed_order(english: DocumentObject):
    assert _headings(english, 1) == [
        EN.goal_section,
        EN.outputs_section,
        EN.charts_section,
        EN.finance_section,
        EN.beneficiaries_section,
        EN.quantitative_section,
        EN.qualitative_section,
        EN.constraints_section,
        EN.notes_section,
        EN.findings_section,
    ]
    assert english.paragraphs[1].style.name == "Title"
    assert "Output 1.1: IHEC has improved institutional transparency and accountability" in (
        _headings(english, 2)
    )


def test_every_indicator_with_its_figures(english: DocumentObject, codes: list[str]):
    table = _table_with(english, EN.quantitative_column)
    rows = {row[0].split(" ")[0]: row for row in table[1:]}
    assert set(codes) <= set(rows)
    assert rows["1.1.9"][2] == "498 (468 male / 28 female)"
    assert rows["1.1.8"][1:] == ["19", "13", "68 %"]
    assert rows["1.1.8"][0].endswith("legal framework2")  # footnote mark 2 after the text
    assert rows["3.1.4"][3] == "≠ 10 % (reported 5 %)"
    assert rows["3.1.10"][3] == "≠ 100 % (reported 101 %)"
    outputs = [row for row in table if row[0].startswith("Output 1.1 (UNDP)")]
    assert outputs[0][0] == outputs[0][2]  # the output's title spans the first three columns
    assert outputs[0][3] == "56 %"


def test_finance_and_beneficiaries(english: DocumentObject):
    finance = _table_with(english, EN.organisation)
    assert finance[1][2:4] == ["Amount (USD)", "% of approved"]
    assert finance[2][:4] == ["UNDP", "13,947,279.00", "5,848,841.07", "≠ 41.9 % (reported 41 %)"]
    assert finance[4][:6] == ["Total", "24,861,991.00", "12,824,814.81", "51.6 %",
                              "12,311,346.93", "49.5 %"]  # fmt: skip
    people = _table_with(english, EN.beneficiaries_section)
    assert people[1] == ["Men (Target: 1,471)", "1,459", "99 %"]


def test_header_rows_repeat_and_rows_do_not_split(english: DocumentObject):
    for table in english.tables[1:]:
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert first.find(f"{W}trPr/{W}cantSplit") is not None


def test_properties_page_numbers_and_charts(
    english: DocumentObject, seed: ReportModel, created: datetime
):
    core = english.core_properties
    assert core.title.startswith("G11-23 2013Q1 progress report: Institutional Development")
    assert core.author == seed.header.fund_name
    assert core.created == created
    assert core.keywords == "G11-23, 2013Q1"
    section = english.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]._p
    instructions = [f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")]
    assert [i.split()[0] for i in instructions] == ["PAGE", "NUMPAGES"]
    assert _footer_text(english) == "Page 1 of 1"  # Word fills in the fields
    assert len(english.inline_shapes) == 3


def test_arabic_runs_right_to_left_in_vazirmatn(arabic: DocumentObject):
    assert _headings(arabic, 1)[0] == AR.goal_section
    assert arabic.sections[0]._sectPr.find(f"{W}bidi") is not None
    title = arabic.paragraphs[1]
    assert title.text == AR.report_title
    assert title._p.find(f"{W}pPr/{W}bidi") is not None
    assert title.runs[0]._r.find(f"{W}rPr/{W}rtl") is not None
    fonts = arabic.styles["Normal"].element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}cs") == "Vazirmatn"
    assert all(t._tbl.find(f"{W}tblPr/{W}bidiVisual") is not None for t in arabic.tables)


def test_arabic_labels_figures_and_codes(arabic: DocumentObject, codes: list[str]):
    table = _table_with(arabic, AR.quantitative_column)
    assert table[0] == [AR.quantitative_column, AR.target, AR.actual, AR.pct_of_planned]
    rows = {row[0].split(" ")[0]: row for row in table[1:]}
    assert set(codes) <= set(rows)
    assert rows["1.1.9"][2] == "498 (468 ذكور / 28 إناث)"
    assert rows["3.1.4"][3] == "≠ 10 % (المُبلَّغ عنه 5 %)"
    assert rows["1.1.1"][1:3] == ["نعم", "بدأ"]
    # the project's English text stays a left-to-right paragraph, its full stop last
    english_text = next(p for p in arabic.paragraphs if p.text.startswith("This programme"))
    assert english_text._p.find(f"{W}pPr/{W}bidi") is None
    assert _footer_text(arabic) == "الصفحة 1 من 1"


def test_kurdish_headings(seed: ReportModel, created: datetime):
    doc = Document(io.BytesIO(render_docx(seed, "ckb", created=created)))
    assert _headings(doc, 1)[:2] == [CKB.goal_section, CKB.outputs_section]


def test_text_that_xml_cannot_hold_is_dropped_not_fatal(seed: ReportModel, created: datetime):
    odd = replace(seed, header=replace(seed.header, title="Bell\x07 and\x00 form feed\x0c"))
    doc = Document(io.BytesIO(render_docx(odd, "en", created=created)))
    facts = _cells(doc)[0]
    assert [row[1] for row in facts if row[0] == EN.title] == ["Bell and form feed"]


# The schema's order of the properties the renderer writes (ECMA-376 part 1, 17.3 and 17.4):
# Word declares a file with properties out of this order unreadable.
ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint"
    " noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u"
    " effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
    " suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct"
    " topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind"
    " contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment"
    " textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW"
    " jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
    " tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection"
    " tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc"
    " pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi"
    " rtlGutter docGrid printerSettings",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_properties_are_in_the_order_word_requires(seed: ReportModel, created: datetime, lang):
    import zipfile

    from lxml import etree

    data = render_docx(seed, lang, created=created)
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            root = etree.fromstring(archive.read(part))
            for name, order in ORDER.items():
                rank = {tag: i for i, tag in enumerate(order.split())}
                rank.setdefault("footerReference", rank.get("headerReference", 0))
                for element in root.iter(f"{W}{name}"):
                    tags = [etree.QName(child).localname for child in element]
                    ranks = [rank.get(tag, -1) for tag in tags]
                    if -1 in ranks or ranks != sorted(ranks):
                        problems.append(f"{part} {name}: {tags}")
    assert problems == []


FONTS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _package(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_an_arabic_script_report_carries_vazirmatn_embedded_as_word_does(
    seed: ReportModel, created: datetime, lang: str
):
    """The font travels with the document: each weight obfuscated with the key the font
    table names (ECMA-376 §17.8.1), the settings saying so, the content type declared."""
    data = render_docx(seed, lang, created=created)
    parts = _package(data)
    table = etree.fromstring(parts["word/fontTable.xml"])
    (font,) = [f for f in table.iterfind(f"{W}font") if f.get(f"{W}name") == fonts.FAMILY]
    rels = etree.fromstring(parts["word/_rels/fontTable.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for tag, original in (("embedRegular", fonts.REGULAR), ("embedBold", fonts.BOLD)):
        embedded = font.find(f"{W}{tag}")
        assert embedded is not None, tag
        stored = parts["word/" + targets[embedded.get(FONTS)]]
        assert stored[:32] != original.read_bytes()[:32]  # obfuscated
        assert deobfuscate(stored, embedded.get(f"{W}fontKey")) == original.read_bytes()
    settings = etree.fromstring(parts["word/settings.xml"])
    assert settings.find(f"{W}embedTrueTypeFonts") is not None
    assert (
        b"application/vnd.openxmlformats-officedocument.obfuscatedFont"
        in parts["[Content_Types].xml"]
    )
    assert _package(render_docx(seed, lang, created=created)) == parts  # the key: the font's
    Document(io.BytesIO(data))  # still opens


def test_a_latin_only_english_report_stays_small(english: DocumentObject, seed, created):
    data = render_docx(seed, "en", created=created)
    assert not any(name.endswith(".odttf") for name in _package(data))


def test_an_english_report_with_arabic_text_carries_the_font(seed: ReportModel, created):
    header = replace(seed.header, title="دعم المفوضية العليا المستقلة للانتخابات")
    arabic_title = replace(seed, header=header)
    names = _package(render_docx(arabic_title, "en", created=created))
    assert "word/fonts/Vazirmatn-Regular.odttf" in names
