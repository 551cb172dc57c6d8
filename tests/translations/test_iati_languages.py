"""IATI import: narratives in other languages than the activity's come in as the project's
translations, its languages are set, and export → import → export keeps every language."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from logframe.interchange.iati.load import import_iati_file
from logframe.interchange.iati.publish import export_bytes, records_to_export
from logframe.interchange.iati.read import read_activities
from logframe.portfolio import models as m
from logframe.translations.models import ContentTranslation, ProjectLanguage
from tests.iati.conftest import WORLD_BANK, WRI
from tests.translations.test_translated_iati import SETTINGS

SAMPLE = Path(__file__).parent / "samples" / "multilingual-activities.xml"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _stored(project: m.Project) -> set[tuple[str, str, str, str, str]]:
    return set(
        ContentTranslation.objects.filter(project=project).values_list(
            "subject", "code", "field", "language", "text"
        )
    )


def test_the_reader_gives_each_other_language_as_a_translation():
    english, arabic = [a.record for a in read_activities(SAMPLE, languages=True)]
    assert english.language == "en"
    assert {(t.subject.value, t.code, t.field, t.language) for t in english.translations} == {
        ("project", "", "title", "fr"),
        ("project", "", "title", "es"),
        ("project", "", "description", "fr"),
        ("project", "", "immediate_objective", "fr"),
        ("result", "1", "text", "fr"),
        ("result", "1", "text", "ar"),
        ("indicator", "1.1", "text", "ar"),  # "not a tag" is no language: skipped
    }
    assert english.title == "Activity title"  # the original stays the activity's language
    assert arabic.language == "ar"
    assert arabic.title == "دعم المفوضية العليا المستقلة للانتخابات"
    titles = {t.language: t.text for t in arabic.translations if t.field == "title"}
    assert titles == {
        "en": "Support to the Independent High Electoral Commission",
        "ckb": "پشتگیری کۆمیسیۆنی باڵای سەربەخۆی هەڵبژاردنەکان",
    }
    description = next(t for t in arabic.translations if t.field == "description")
    assert description.text == "<p>The project's description</p>"


@pytest.mark.parametrize("path", [WORLD_BANK, WRI], ids=lambda p: p.name)
def test_a_real_file_in_one_language_has_no_translations(path: Path):
    """The World Bank's narratives all say xml:lang="en", the activity's own language."""
    assert all(not a.record.translations for a in read_activities(path, languages=True))
    assert {a.record.language for a in read_activities(path, languages=True)} == {"en"}


@pytest.mark.django_db
def test_the_import_stores_translations_and_the_projects_languages():
    import_iati_file(SAMPLE)
    english = m.Project.objects.get(number="ABC123-XYZ")
    arabic = m.Project.objects.get(number="AA-AAA-123456789-AR1")
    assert ("indicator", "1.1", "text", "ar", "عنوان المؤشر") in _stored(english)
    assert ("result", "1", "text", "fr", "Titre du résultat") in _stored(english)
    languages = ProjectLanguage.objects.get(project=english)
    assert (languages.language, languages.kept_in) == ("en", ("ar", "es", "fr"))
    languages = ProjectLanguage.objects.get(project=arabic)
    assert (languages.language, languages.kept_in) == ("ar", ("ckb", "en"))
    row = ContentTranslation.objects.get(project=arabic, field="title", language="en")
    assert row.history.get().history_change_reason == f"import-iati {SAMPLE}"


def _narratives(document: bytes) -> list[list[tuple[str, str | None, str]]]:
    """Per activity: every narrative of the texts we keep, as (path, language, text)."""
    root = etree.fromstring(document)
    found = []
    for activity in root:
        own = activity.get(LANG)
        found.append(
            sorted(
                (
                    root.getroottree().getpath(n.getparent()).split("/", 3)[-1],
                    n.get(LANG) or own,
                    n.text or "",
                )
                for n in activity.iter("narrative")
                if n.getparent().tag == "title" or n.getparent().tag == "description"
            )
        )
    return found


@pytest.mark.django_db
def test_export_import_export_keeps_every_narrative_language(tmp_path: Path):
    import_iati_file(SAMPLE)
    first = export_bytes(records_to_export(project=None, fund="AA-AAA-123456789"), SETTINGS)
    path = tmp_path / "first.xml"
    path.write_bytes(first)
    m.Fund.objects.create(code="AGAIN", name="Again", currency="USD")
    import_iati_file(path, fund="AGAIN")
    second = export_bytes(records_to_export(project=None, fund="AGAIN"), SETTINGS)
    before, after = _narratives(first), _narratives(second)
    assert after == before
    languages = {lang for activity in after for _, lang, _ in activity}
    assert languages == {"en", "fr", "es", "ar", "ku"}  # Sorani is written as IATI's Kurdish
