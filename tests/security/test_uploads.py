"""Malicious files: script disguised as an image in evidence, a Word zip bomb and an
entity bomb inside a Word file given to import-report; refused, nothing saved."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logframe.cli.main import main

pytestmark = pytest.mark.django_db

SEED_DOCX = "tests/legacy_fixtures/files/itf-g11-23-2013q1.docx"
DISGUISED = {
    "photo.png": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    "list.pdf": b"<html><script>alert(1)</script></html>",
    "scan.jpg": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows program
}


@pytest.mark.parametrize("name", sorted(DISGUISED))
def test_evidence_is_sniffed_by_content(client, users, loaded_project, name):
    """Not what its name says: refused, or kept as the plain text it is and served so no
    browser runs it (text/plain, nosniff, as an attachment)."""
    from logframe.portfolio.models import Evidence, Indicator

    indicator = Indicator.objects.get(result__project=loaded_project, code="1.1.9")
    client.force_login(users["manager"])
    upload = SimpleUploadedFile(name, DISGUISED[name], content_type="image/png")
    client.post(
        "/funds/UNDG-ITF/projects/G11-23/2013Q1/entry/values/1.1.9/evidence/",
        {f"e{indicator.pk}-file": upload},
    )
    stored = Evidence.objects.first()
    if DISGUISED[name].startswith(b"MZ"):
        assert stored is None
        return
    assert stored is not None
    assert stored.content_type.startswith("text/plain")
    served = client.get(f"/funds/UNDG-ITF/projects/G11-23/evidence/{stored.pk}/")
    assert served["Content-Type"].startswith("text/plain")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"].startswith("attachment")


def _docx_with(document_xml: bytes) -> bytes:
    source = zipfile.ZipFile(SEED_DOCX)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.namelist():
            data = document_xml if item == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    return out.getvalue()


BOMB = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&c;&e;</w:t></w:r></w:p></w:body></w:document>")  # fmt: skip


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_docx_with(b"<" + b"a" * 10 + b">" + b" " * 300_000_000), id="zip-bomb"),
        pytest.param(_docx_with(BOMB), id="entities-and-xxe"),
    ],
)
def test_a_hostile_word_file_is_refused_and_saves_nothing(tmp_path, capsys, content):
    from logframe.portfolio.models import Project

    path = tmp_path / "report.docx"
    path.write_bytes(content)
    assert main(["import-report", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}: refused:" in err
    assert "root:" not in err  # /etc/passwd never read
    assert not Project.objects.exists()
