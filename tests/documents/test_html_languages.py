"""The HTML report in Arabic (the PDF's body): labels, direction, English text kept in order."""

from __future__ import annotations

from logframe.reporting.html import render_html, render_html_body
from logframe.reporting.labels import AR
from logframe.reporting.model import ReportModel


def test_arabic_report_runs_right_to_left(seed: ReportModel):
    page = render_html(seed, "ar")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert '<main class="report" lang="ar" dir="rtl">' in page
    assert f"<h2>{AR.finance_section}</h2>" in page
    assert '.report[dir="rtl"]' in page  # the right-to-left styles come with it


def test_english_paragraphs_stay_left_to_right(seed: ReportModel):
    body = render_html_body(seed, "ar")
    assert '<p dir="ltr">\u2068This programme has been jointly developed' in body
    assert f'<th scope="row">{AR.description}</th>' in body  # Arabic: the report's direction


def test_english_is_unchanged(seed: ReportModel):
    body = render_html_body(seed)
    assert body.startswith('<div class="report">')
    assert 'dir="' not in body
    assert "\u2068" not in body
