"""The report downloads as Word, PDF and Excel: content types, file names, languages, and
the same permissions as the other downloads."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from logframe.reporting.labels import AR

pytestmark = pytest.mark.django_db

URL = "/funds/UNDG-ITF/projects/G11-23/2013Q1"
TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.fixture
def focal_point(client, make_member, loaded_project):
    client.force_login(make_member("undp", "focal_point", loaded_project, "UNDP"))
    return client


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_each_document_downloads(focal_point, fmt):
    response = focal_point.get(f"{URL}.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="G11-23-2013Q1.{fmt}"'
    assert response.content[:4] == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04")


def test_the_language_is_in_the_file_and_its_name(focal_point):
    response = focal_point.get(f"{URL}.docx?lang=ar")
    assert response["Content-Disposition"] == 'attachment; filename="G11-23-2013Q1-ar.docx"'
    assert Document(io.BytesIO(response.content)).paragraphs[1].text == AR.report_title
    book = load_workbook(io.BytesIO(focal_point.get(f"{URL}.xlsx?lang=ckb").content))
    assert book.worksheets[0].sheet_view.rightToLeft


@pytest.mark.parametrize("query", ["?lang=fr", "?lang=", "?lang=AR"])
def test_an_unknown_language_is_404(focal_point, query):
    assert focal_point.get(f"{URL}.docx{query}").status_code == 404


def test_markdown_and_csv_are_english_only(focal_point):
    assert focal_point.get(f"{URL}.md?lang=ar").status_code == 404
    assert focal_point.get(f"{URL}.csv?lang=ckb").status_code == 404


def test_the_project_page_offers_the_documents(focal_point):
    page = focal_point.get("/funds/UNDG-ITF/projects/G11-23/report/").content.decode()
    for link in (f"{URL}.docx", f"{URL}.pdf", f"{URL}.xlsx", f"{URL}.pdf?lang=ar",
                 f"{URL}.docx?lang=ckb"):  # fmt: skip
        assert f'href="{link}"' in page


def test_strangers_and_anonymous_get_no_document(client, loaded_project, django_user_model):
    response = client.get(f"{URL}.xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    stranger = django_user_model.objects.create_user("stranger", password="a-long-test-password")
    client.force_login(stranger)
    assert client.get(f"{URL}.xlsx").status_code == 404


def test_unknown_period_is_404(focal_point):
    assert focal_point.get("/funds/UNDG-ITF/projects/G11-23/2014Q3.docx").status_code == 404
