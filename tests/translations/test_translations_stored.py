"""Translations in the database: written by the import service, read back as records."""

from __future__ import annotations

from dataclasses import replace

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.records import TextSubject, TranslationRecord
from logframe.portfolio.selectors import project_record
from logframe.portfolio.services import project_import
from logframe.translations.models import ContentTranslation, ProjectLanguage

pytestmark = pytest.mark.django_db

Q1 = Quarter.parse("2013Q1")
TITLE_AR = TranslationRecord(subject=TextSubject.PROJECT, field="title", language="ar", text="دعم")
NARRATIVE_AR = TranslationRecord(
    subject=TextSubject.NARRATIVE, field="narrative", language="ar", text="<p>تقدم</p>",
    code="1.1", quarter=Q1,
)  # fmt: skip
INDICATOR_CKB = TranslationRecord(
    subject=TextSubject.INDICATOR, field="text", language="ckb", text="ژمارە", code="1.1.8"
)


def translated(record, *translations, language="en"):
    return replace(
        record,
        language=language,
        translations=tuple(sorted(translations, key=TranslationRecord.key)),
    )


def test_a_project_with_translations_comes_back_equal(example_record):
    record = translated(example_record, TITLE_AR, NARRATIVE_AR, INDICATOR_CKB)
    project = project_import(record=record, actor=None, reason="t").project
    assert project_record(project=project) == record
    assert ContentTranslation.objects.filter(project=project).count() == 3


def test_importing_the_same_translations_again_changes_nothing(example_record):
    record = translated(example_record, TITLE_AR, NARRATIVE_AR)
    project_import(record=record, actor=None, reason="first")
    again = project_import(record=record, actor=None, reason="again")
    assert again.changes.total_changed == 0
    assert ContentTranslation.history.count() == 2


def test_a_changed_translation_keeps_its_history_with_the_reason(example_record):
    project = project_import(record=translated(example_record, TITLE_AR), actor=None, reason="a")
    changed = replace(TITLE_AR, text="دعم المفوضية")
    project_import(record=translated(example_record, changed), actor=None, reason="better words")
    row = ContentTranslation.objects.get(project=project.project)
    assert row.text == "دعم المفوضية"
    reasons = list(
        row.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons == ["a", "better words"]


def test_a_project_file_is_authoritative_for_its_translations(example_record):
    project = project_import(
        record=translated(example_record, TITLE_AR, INDICATOR_CKB), actor=None, reason="t"
    ).project
    project_import(record=translated(example_record, TITLE_AR), actor=None, reason="pruned")
    assert project_record(project=project).translations == (TITLE_AR,)
    # one quarter's report (no pruning) leaves them be
    project_import(record=example_record, actor=None, reason="one quarter", prune=False)
    assert project_record(project=project).translations == (TITLE_AR,)


def test_the_original_language_is_stored_only_when_it_is_not_english(example_record):
    project = project_import(record=example_record, actor=None, reason="t").project
    assert not ProjectLanguage.objects.exists()
    assert project_record(project=project).language == "en"
    arabic = replace(example_record, language="ar")
    project_import(record=arabic, actor=None, reason="written in Arabic")
    assert project_record(project=project).language == "ar"
    project_import(record=example_record, actor=None, reason="back to English")
    assert project_record(project=project).language == "en"


def test_a_too_long_language_tag_saves_nothing(example_record):
    bad = replace(TITLE_AR, language="ar-" + "x" * 40)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the field's own validation
        project_import(record=translated(example_record, TITLE_AR, bad), actor=None, reason="t")
    assert not ContentTranslation.objects.exists()
