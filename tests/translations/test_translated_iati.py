"""The IATI export writes each language of a text as its own narrative, valid by the XSD."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from logframe.domain.records import TextSubject, TranslationRecord
from logframe.interchange.iati.codelists import check_codes
from logframe.interchange.iati.export import ExportSettings, activities_document
from logframe.interchange.iati.rules import check_rules
from logframe.interchange.iati.schema import schema_violations
from tests.iati.conftest import TODAY

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SETTINGS = ExportSettings(
    reporting_org_ref="XM-DAC-41114",
    reporting_org_name="United Nations Development Programme",
    country="IQ",
    today=TODAY,
    generated=datetime(2026, 11, 28, 1, 0),
)


def _translations() -> tuple[TranslationRecord, ...]:
    found = [
        TranslationRecord(subject=TextSubject.PROJECT, field="title", language=lang, text=text)
        for lang, text in (("ar", "دعم المفوضية"), ("ckb", "پشتگیری کۆمیسیۆن"))
    ]
    found += [
        TranslationRecord(
            subject=TextSubject.PROJECT, field="description", language="ar",
            text="<p>وصف <strong>المشروع</strong></p>",
        ),
        TranslationRecord(
            subject=TextSubject.INDICATOR, field="text", language="ar", text="عدد", code="1.1.8"
        ),
        TranslationRecord(
            subject=TextSubject.RESULT, field="text", language="ckb", text="دەرئەنجام", code="1.1"
        ),
    ]  # fmt: skip
    return tuple(sorted(found, key=TranslationRecord.key))


def _activity(record):  # type: ignore[no-untyped-def]
    document = activities_document([record], SETTINGS)
    assert schema_violations(document) == []
    activity = document.getroot()[0]
    assert check_rules(activity, today=TODAY) == []
    assert check_codes(activity, export=True) == []
    return activity


def _narratives(element):  # type: ignore[no-untyped-def]
    return [(n.get(LANG), n.text) for n in element.findall("narrative")]


def test_every_language_of_a_text_is_its_own_narrative(example_record):
    record = replace(example_record, sector_code="15151", translations=_translations())
    activity = _activity(record)
    assert activity.get(LANG) == "en"
    assert _narratives(activity.find("title")) == [
        (None, example_record.title),
        ("ar", "دعم المفوضية"),
        ("ku", "پشتگیری کۆمیسیۆن"),  # Sorani (ckb) as Kurdish: IATI has ISO 639-1 only
    ]
    general = next(d for d in activity.findall("description") if d.get("type") == "1")
    assert _narratives(general)[1] == ("ar", "وصف المشروع")  # rich text as plain text
    indicator = next(
        i for i in activity.iter("indicator") if i.find("reference").get("code") == "1.1.8"
    )
    assert [lang for lang, _ in _narratives(indicator.find("title"))] == [None, "ar"]
    output = next(r for r in activity.iter("result") if r.find("indicator") is not None)
    assert output.find("title/narrative").text


def test_the_activity_declares_the_project_language(example_record):
    record = replace(example_record, sector_code="15151", language="ar")
    activity = _activity(record)
    assert activity.get(LANG) == "ar"
    assert _narratives(activity.find("title")) == [(None, example_record.title)]
