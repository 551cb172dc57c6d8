"""The report's own words in three languages: complete, and no English left in Arabic or
Kurdish."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from logframe.domain.periods import Quarter
from logframe.reporting.labels import AR, CKB, EN, LANGS, Labels, labels

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_LATIN = re.compile(r"[A-Za-z]")


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    if isinstance(value, tuple):
        return [str(v) for v in value]
    return []


@pytest.mark.parametrize("t", [AR, CKB], ids=["ar", "ckb"])
def test_arabic_and_kurdish_labels_have_no_latin_letters(t: Labels):
    left = {
        f.name: word
        for f in fields(Labels)
        if f.name != "lang"
        for word in _words(getattr(t, f.name))
        if _LATIN.search(_PLACEHOLDER.sub("", word))
    }
    assert left == {}


@pytest.mark.parametrize("t", [AR, CKB], ids=["ar", "ckb"])
def test_every_label_is_translated(t: Labels):
    same = [
        f.name
        for f in fields(Labels)
        if isinstance(getattr(t, f.name), str)
        and getattr(t, f.name) == getattr(EN, f.name)
        and _LATIN.search(getattr(EN, f.name))
    ]
    assert same == []
    assert set(t.statuses) == set(EN.statuses)
    assert set(t.groups) == set(EN.groups)
    assert set(t.severities) == set(EN.severities)


def test_placeholders_are_the_same_in_every_language():
    for f in fields(Labels):
        english = _PLACEHOLDER.findall(str(getattr(EN, f.name)))
        for t in (AR, CKB):
            assert sorted(_PLACEHOLDER.findall(str(getattr(t, f.name)))) == sorted(english), f.name


def test_languages_and_direction():
    assert LANGS == ("en", "ar", "ckb")
    assert [labels(lang).rtl for lang in LANGS] == [False, True, True]
    with pytest.raises(ValueError, match="unknown language 'fr': expected one of en, ar, ckb"):
        labels("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (EN, "01 January \u2013 31 March 2013 \u2013 1st Quarter 2013"),
        (AR, "01 كانون الثاني \u2013 31 آذار 2013 \u2013 الربع الأول 2013"),
        (CKB, "01 کانوونی دووەم \u2013 31 ئازار 2013 \u2013 چارەکی یەکەم 2013"),
    ],
)
def test_the_quarter_in_words(t: Labels, expected: str):
    assert t.period(Quarter(year=2013, number=1)) == expected


def test_dates_written_by_the_model_are_translated():
    assert AR.date("29 September 2010") == "29 أيلول 2010"
    assert CKB.date("17 October 2013") == "17 تشرینی یەکەم 2013"
    assert AR.date("") == ""
    assert AR.date("sometime in 2013") == "sometime in 2013"
