"""The report as PDF: its text extracted by poppler, its pages counted and numbered, a page
rendered to an image to catch blank pages, its fonts and charts found inside."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pdf_reading import pdf_text
from PIL import Image
from pypdf import PdfReader

from logframe.reporting.labels import AR, EN


def test_sections_indicators_and_figures(pdf_files: dict[str, Path], codes: list[str]):
    text = pdf_text(pdf_files["en"])
    flat = " ".join(text.split())
    positions = [
        flat.index(title)
        for title in (EN.report_title, EN.goal_section, EN.outputs_section, EN.charts_section,
                      EN.finance_section, EN.quantitative_section, EN.qualitative_section,
                      EN.constraints_section, EN.findings_section)
    ]  # fmt: skip
    assert positions == sorted(positions)
    missing = [
        code for code in codes if not re.search(rf"(?<![\d.]){re.escape(code)}(?![\d])", flat)
    ]
    assert missing == []
    for figure in (
        "13,947,279.00",
        "5,848,841.07",
        "41.9 %",
        "(reported 41 %)",
        "51.6 %",
        "498 (468 male / 28 female)",
        "(reported 101 %)",
        "Men (Target: 1,471)",
    ):
        assert figure in flat, figure  # fmt: skip


def test_every_page_is_numbered_page_of_pages(pdf_files: dict[str, Path]):
    reader = PdfReader(pdf_files["en"])
    pages = len(reader.pages)
    assert pages > 5
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in pdf_text(pdf_files["en"], page=number)


def test_properties_fonts_and_charts(pdf_files: dict[str, Path]):
    reader = PdfReader(pdf_files["en"])
    assert reader.metadata.title.startswith("G11-23 2013Q1 progress report: Institutional")
    assert reader.metadata.author == "United Nations Development Group Iraq Trust Fund"
    assert round(reader.pages[0].mediabox.width) == 595  # A4: 210 mm in points
    charts = {image.data for page in reader.pages for image in page.images}
    assert len(charts) == 3  # WeasyPrint shares one resource dictionary across the pages


def test_the_first_pages_are_not_blank(pdf_files: dict[str, Path], tmp_path: Path):
    for lang, path in pdf_files.items():
        prefix = tmp_path / lang
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(path), str(prefix)],
            check=True,
        )
        for png in sorted(tmp_path.glob(f"{lang}-*.png")):
            grey = Image.open(png).convert("L")
            dark = sum(grey.histogram()[:200])
            assert dark / (grey.width * grey.height) > 0.01, png.name


_BIDI_MARKS = re.compile("[\u2066-\u2069\u202a-\u202e]")


def _as_extracted(label: str) -> str:
    """poppler gives a lam-alef ligature back as alef, lam: "الأول" comes out as "األول"."""
    for alef in "اأإآ":
        label = label.replace("ل" + alef, alef + "ل")
    return label


def test_arabic_labels_come_in_the_order_of_the_report(pdf_files: dict[str, Path]):
    flat = " ".join(_BIDI_MARKS.sub("", pdf_text(pdf_files["ar"])).split())
    titles = (AR.report_title, AR.project_number, AR.participants, AR.total_budget,
              AR.goal_section, AR.outputs_section, AR.charts_section, AR.finance_section,
              AR.beneficiaries_section, AR.quantitative_section, AR.qualitative_section,
              AR.constraints_section, AR.findings_section)  # fmt: skip
    found, at = [], 0
    for title in titles:
        at = flat.find(_as_extracted(title), at)
        found.append(title if at >= 0 else f"missing: {title}")
    assert found == list(titles)
    assert "ذكور" in flat
    assert "إناث" in flat
    for english in ("Quarterly Progress Report", "Data-Quality Findings", "Financial Status"):
        assert english not in flat
    pages = len(PdfReader(pdf_files["ar"]).pages)
    first = " ".join(_BIDI_MARKS.sub("", pdf_text(pdf_files["ar"], page=1)).split())
    # "الصفحة 1 من 14", which poppler gives in the order the glyphs stand on the page
    assert re.search(rf"{pages}\s*{AR.page_of}\s*1\s*{AR.page}(?!\S)", first)


def test_arabic_report_keeps_every_indicator_code(pdf_files: dict[str, Path], codes: list[str]):
    flat = " ".join(_BIDI_MARKS.sub("", pdf_text(pdf_files["ar"])).split())
    assert [code for code in codes if code not in flat] == []


def test_arabic_is_set_in_the_vendored_vazirmatn(pdf_files: dict[str, Path]):
    reader = PdfReader(pdf_files["ar"])
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages[:2]
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Vazirmatn" in name for name in fonts), fonts
