"""Through the command line: a project file with translations loaded, dumped back the same,
and reported in Arabic with its translations and its marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from logframe.cli.main import main

pytestmark = pytest.mark.django_db

TRANSLATIONS = [
    {"subject": "indicator", "field": "text", "language": "ar", "text": "عدد الأنشطة",
     "code": "1.1.8"},
    {"subject": "project", "field": "title", "language": "ar", "text": "دعم المفوضية"},
    {"subject": "project", "field": "title", "language": "ckb", "text": "پشتگیری کۆمیسیۆن"},
]  # fmt: skip


@pytest.fixture
def translated_file(example_path: Path, tmp_path: Path) -> Path:
    document = json.loads(example_path.read_text(encoding="utf-8"))
    document["project"]["translations"] = TRANSLATIONS
    path = tmp_path / "project.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def test_load_dump_and_report_in_arabic(translated_file: Path, tmp_path: Path) -> None:
    assert main(["load", str(translated_file)]) == 0
    dumped = tmp_path / "dumped.json"
    assert main(["dump", "G11-23", "--out", str(dumped)]) == 0
    assert dumped.read_text(encoding="utf-8") == translated_file.read_text(encoding="utf-8")
    html = tmp_path / "report-ar.html"
    assert main(["report", "G11-23", "--period", "2013Q1", "--lang", "ar", "--out", str(html)]) == 0
    text = html.read_text(encoding="utf-8")
    assert "دعم المفوضية" in text
    assert "عدد الأنشطة" in text
    assert "[en]" in text
    kurdish = tmp_path / "report-ckb.html"
    assert (
        main(["report", "G11-23", "--period", "2013Q1", "--lang", "ckb", "--out", str(kurdish)])
        == 0
    )
    assert "پشتگیری کۆمیسیۆن" in kurdish.read_text(encoding="utf-8")
