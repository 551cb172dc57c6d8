"""Translations between rows and records: read for many projects at once, written in bulk.

The portfolio's readers and its import service call these, so that a project read back as
records carries its language and translations, and a project file writes them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import CharField, Value

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord, TextSubject, TranslationRecord
from logframe.translations.models import ContentTranslation, ProjectLanguage

DEFAULT_LANGUAGE = "en"
Stored = tuple[str, tuple[TranslationRecord, ...]]  # the original language, the translations


def stored_translations(*, project_ids: Collection[int]) -> dict[int, Stored]:
    """Per project id: its language and its translations in canonical order. One query:
    the language rows come in the same UNION, told apart by a blank subject."""
    blank = Value("", output_field=CharField())
    translations = ContentTranslation.objects.filter(project__in=project_ids).order_by()
    languages = (
        ProjectLanguage.objects.filter(project__in=project_ids)
        .order_by()
        .values_list("project_id", blank, blank, blank, blank, "language", blank)
    )
    rows = translations.values_list(
        "project_id", "subject", "quarter", "code", "field", "language", "text"
    ).union(languages, all=True)
    language: dict[int, str] = {}
    found: dict[int, list[TranslationRecord]] = defaultdict(list)
    for project_id, subject, quarter, code, field, lang, text in rows:
        if not subject:
            language[project_id] = lang
            continue
        found[project_id].append(
            TranslationRecord(
                subject=TextSubject(subject),
                field=field,
                language=lang,
                text=text,
                code=code,
                quarter=Quarter.parse(quarter) if quarter else None,
            )
        )
    return {
        pk: (
            language.get(pk, DEFAULT_LANGUAGE),
            tuple(sorted(found[pk], key=TranslationRecord.key)),
        )
        for pk in project_ids
    }


def kept_languages(*, original: str, kept: Iterable[str], found: Iterable[str]) -> list[str]:
    """The languages a project is kept in besides ``original``: those it was kept in, then
    those its translations are in (a file's translations add their languages)."""
    languages = list(dict.fromkeys([*kept, *sorted(set(found))]))
    return [language for language in languages if language != original]


def translation_row_key(row: ContentTranslation) -> tuple[str, str, str, str, str]:
    return (row.subject, row.quarter, row.code, row.field, row.language)


def sync_translations(*, record: ProjectRecord, project: Any, changes: Any, prune: bool) -> None:
    """Make the project's language and translations those of ``record``.

    ``changes`` is the import's ``portfolio.services.changes.Changes``: rows are written only
    when they change, in bulk, with who and why. Without ``prune`` (one quarter's report)
    nothing is deleted and the project's language is left as it is. With it, the languages
    the project is kept in gain those of the record's translations (none is taken away).
    """
    stored = ProjectLanguage.objects.filter(project=project).first()
    kept = kept_languages(
        original=record.language,
        kept=stored.kept_in if stored else (),
        found=(t.language for t in record.translations),
    )
    if prune and (stored is not None or record.language != DEFAULT_LANGUAGE or kept):
        changes.upsert(
            ProjectLanguage,
            key={"project": project},
            values={"language": record.language, "languages": " ".join(kept)},
        )
    wanted: dict[tuple[str, str, str, str, str], dict[str, Any]] = {
        t.key(): {
            "project": project,
            "subject": t.subject.value,
            "quarter": t.quarter.code if t.quarter else "",
            "code": t.code,
            "field": t.field,
            "language": t.language,
            "text": t.text,
        }
        for t in record.translations
    }
    if not wanted and not prune:
        return
    changes.sync(
        ContentTranslation,
        existing=ContentTranslation.objects.filter(project=project),
        key=translation_row_key,
        wanted=wanted,
        prune=prune,
    )
