"""Translations in the project file: read, checked, written back the same (pure, no database)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.records import TextSubject, TranslationRecord
from logframe.interchange.projectfile import (
    ProjectFileError,
    parse_project_document,
    project_document,
)

TRANSLATIONS: list[dict[str, Any]] = [
    {"subject": "indicator", "field": "text", "language": "ar", "text": "عدد الموظفين",
     "code": "1.1.8"},
    {"subject": "narrative", "field": "narrative", "language": "ar", "text": "<p>تقدم</p>",
     "code": "1.1", "quarter": "2013Q1"},
    {"subject": "period", "field": "summary", "language": "ckb", "text": "<p>کورتە</p>",
     "quarter": "2013Q1"},
    {"subject": "project", "field": "title", "language": "ar", "text": "دعم المفوضية"},
    {"subject": "project", "field": "title", "language": "ckb", "text": "پشتگیری کۆمیسیۆن"},
    {"subject": "result", "field": "text", "language": "ar", "text": "المخرج", "code": "1.1"},
]  # fmt: skip


@pytest.fixture
def document(example_path) -> dict[str, Any]:
    import json

    loaded: dict[str, Any] = json.loads(example_path.read_text(encoding="utf-8"))
    return loaded


def with_translations(document: dict[str, Any], translations: list[dict[str, Any]]) -> dict:
    changed = copy.deepcopy(document)
    changed["project"]["translations"] = copy.deepcopy(translations)
    return changed


def test_translations_are_read_as_records_in_canonical_order(document):
    record = parse_project_document(with_translations(document, TRANSLATIONS), source="t.json")
    assert record.language == "en"
    assert [t.key() for t in record.translations] == sorted(t.key() for t in record.translations)
    narrative = next(t for t in record.translations if t.subject is TextSubject.NARRATIVE)
    assert narrative == TranslationRecord(
        subject=TextSubject.NARRATIVE, field="narrative", language="ar", text="<p>تقدم</p>",
        code="1.1", quarter=Quarter.parse("2013Q1"),
    )  # fmt: skip


def test_a_canonical_file_with_translations_is_written_back_the_same(document):
    record = parse_project_document(with_translations(document, TRANSLATIONS), source="t.json")
    written = project_document(record)
    again = parse_project_document(written, source="again.json")
    assert again == record
    assert project_document(again) == written
    assert written["project"]["translations"][0]["subject"] == "indicator"


def test_the_original_language_is_kept_and_defaults_to_english(document):
    changed = copy.deepcopy(document)
    changed["project"]["language"] = "ar"
    record = parse_project_document(changed, source="t.json")
    assert record.language == "ar"
    assert project_document(record)["project"]["language"] == "ar"
    assert (
        "language" not in project_document(parse_project_document(document, source="t"))["project"]
    )


def test_rich_text_translations_are_sanitised(document):
    bad = [{"subject": "period", "field": "summary", "language": "ar", "quarter": "2013Q1",
            "text": "<p>نص<script>alert(1)</script></p>"}]  # fmt: skip
    record = parse_project_document(with_translations(document, bad), source="t.json")
    assert record.translations[0].text == "<p>نص</p>"


@pytest.mark.parametrize(
    ("translation", "path", "words"),
    [
        ({"subject": "indicator", "field": "text", "language": "ar", "text": "x", "code": "9.9.9"},
         "project.translations[0].code", "unknown indicator code '9.9.9'"),
        ({"subject": "project", "field": "title", "language": "en", "text": "x"},
         "project.translations[0].language", "the project's own language"),
        ({"subject": "project", "field": "text", "language": "ar", "text": "x"},
         "project.translations[0].field", "no translatable field 'text'"),
        ({"subject": "narrative", "field": "narrative", "language": "ar", "text": "x",
          "code": "1.1"},
         "project.translations[0]", "needs a quarter"),
        ({"subject": "period", "field": "summary", "language": "ar", "text": "x",
          "quarter": "2019Q1"},
         "project.translations[0].quarter", "no period 2019Q1"),
        ({"subject": "project", "field": "title", "language": "Arabic", "text": "x"},
         "project.translations[0].language", "does not match"),
        ({"subject": "project", "field": "title", "language": "ar", "text": ""},
         "project.translations[0].text", "should be non-empty"),
    ],
)  # fmt: skip
def test_a_bad_translation_is_named_by_its_path(document, translation, path, words):
    with pytest.raises(ProjectFileError) as caught:
        parse_project_document(with_translations(document, [translation]), source="t.json")
    message = str(caught.value)
    assert message.startswith(f"t.json: {path}: ") or f"t.json: {path}:" in message
    assert words in message


def test_a_second_text_in_the_same_language_is_refused(document):
    twice = [TRANSLATIONS[3], {**TRANSLATIONS[3], "text": "آخر"}]
    with pytest.raises(ProjectFileError, match=r"translations\[1\]: a second ar text"):
        parse_project_document(with_translations(document, twice), source="t.json")
