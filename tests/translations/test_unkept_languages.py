"""Text in a language the project does not have: a report or template in a language the
project is not kept in is the original, marked, never an error and never a missing text; a
translation stored under a language the project's list does not name (put straight in the
database, with markup and a stray bidi override) is shown escaped and isolated — in the
HTML report, the Word report and the Translations screen."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from logframe.domain.content import FSI, LRI, PDI
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.reporting.assemble import render_project_file
from logframe.translations.models import ContentTranslation, ProjectLanguage

pytestmark = pytest.mark.django_db

Q1 = Quarter.parse("2013Q1")
RLO = "\u202e"
HOSTILE = f'<script>alert("x")</script> {RLO}دەرئەنجام'
REPORT = "/funds/UNDG-ITF/projects/G11-23/2013Q1.{fmt}?lang={lang}"
SCREEN = "/funds/UNDG-ITF/projects/G11-23/translations/"


@pytest.fixture
def kept_in_arabic(loaded_project):
    """A project kept in Arabic only, with a Kurdish text nobody listed."""
    ProjectLanguage.objects.create(project=loaded_project, language="en", languages="ar")
    ContentTranslation.objects.create(
        project=loaded_project, subject="indicator", code="1.1.8", field="text",
        language="ckb", text=HOSTILE,
    )  # fmt: skip
    return loaded_project


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def _indicator_texts(project: m.Project) -> list[str]:
    return list(m.Indicator.objects.filter(result__project=project).values_list("text", flat=True))


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "xlsx"])
def test_a_report_in_a_language_the_project_is_not_kept_in(client, manager, loaded_project, fmt):
    ProjectLanguage.objects.create(project=loaded_project, language="en", languages="ar")
    client.force_login(manager)
    response = client.get(REPORT.format(fmt=fmt, lang="ckb"))
    assert response.status_code == 200
    assert response.content


def test_every_text_of_an_unkept_language_report_is_there_marked(loaded_project):
    ProjectLanguage.objects.create(project=loaded_project, language="en", languages="ar")
    html = render_project_file(project=loaded_project, quarter=Q1, fmt="html", lang="ckb")
    text = html.decode() if isinstance(html, bytes) else html
    for indicator in _indicator_texts(loaded_project):
        first_words = " ".join(indicator.split()[:4])
        assert f"[en] {first_words}" in _unescaped(text), indicator
    assert "[en]" in text


def test_an_unlisted_translation_is_escaped_and_isolated_in_html(kept_in_arabic):
    html = render_project_file(project=kept_in_arabic, quarter=Q1, fmt="html", lang="ckb")
    text = html.decode() if isinstance(html, bytes) else html
    assert "<script>" not in text
    start = text.index("&lt;script&gt;alert(")  # escaped: text, not markup
    end = text.index(RLO + "دەرئەنجام", start) + len(RLO + "دەرئەنجام")
    assert text[end] == PDI  # closed before anything else: the RLO is held


def test_an_unlisted_translation_is_plain_isolated_text_in_word(kept_in_arabic):
    data = render_project_file(project=kept_in_arabic, quarter=Q1, fmt="docx", lang="ckb")
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    # text, not markup; the override held inside its isolate
    assert any(f"{FSI}{HOSTILE}{PDI}" in cell for cell in cells)
    xml = document.element.xml
    assert "<script>" not in xml


def test_the_translations_screen_shows_it_escaped_in_its_own_direction(
    client, manager, kept_in_arabic
):
    client.force_login(manager)
    page = client.get(SCREEN + "?lang=ckb").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert '<option value="ckb"' in page
    page = client.get(SCREEN + "?lang=tr").content.decode()  # neither kept nor offered
    assert 'lang="tr" dir="auto"' in page


def test_a_rich_translation_put_in_the_database_is_sanitised_on_the_screen(
    client, make_member, loaded_project
):
    viewer = make_member("viewer", "viewer", loaded_project, fund_wide=True)
    ContentTranslation.objects.create(
        project=loaded_project, subject="period", quarter="2013Q1", field="summary",
        language="ar", text='<p onclick="x()">ملخص</p><img src=x onerror="alert(1)">',
    )  # fmt: skip
    client.force_login(viewer)
    page = client.get(SCREEN + "?lang=ar&period=2013Q1").content.decode()
    assert "<p>ملخص</p>" in page  # shown, read-only, as the allow-list keeps it
    assert "onerror" not in page
    assert "onclick" not in page


def _unescaped(html: str) -> str:
    """The HTML's text with entities and tags left as they are, isolates removed."""
    return re.sub(f"[{LRI}{FSI}{PDI}\u2067]", "", html).replace("&#x27;", "'").replace("&amp;", "&")
