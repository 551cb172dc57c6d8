"""A person's translations of a project's texts: the one write path for the web screen.

Who may translate a text is who may write it (``workflow.rights``): the project manager the
project's own texts and the quarter's summary and constraints, an output's agencies its
title, indicators, activities and narratives. A save is all or nothing: one text refused,
too long or in a language the project cannot take, and nothing is saved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from logframe.accounts.access import ProjectAccess, require_editable
from logframe.domain.records import RICH_TEXT_FIELDS, TRANSLATABLE_FIELDS, TextSubject
from logframe.portfolio import models as m
from logframe.portfolio.services.changes import Changes
from logframe.richtext import sanitise_html
from logframe.translations.models import ContentTranslation
from logframe.translations.stored import translation_row_key
from logframe.workflow.rights import require_narrative_right, require_texts_right

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
MAX_TEXT = 20_000
# bidi embeddings, overrides and isolates: stripped, so no text can reorder what follows it
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@dataclass(frozen=True)
class TextKey:
    """Which text: the subject, its quarter code ("" if none), its code, the field."""

    subject: TextSubject
    quarter: str
    code: str
    field: str


@dataclass(frozen=True)
class SaveResult:
    saved: int
    deleted: int


def clean_text(key: TextKey, text: str) -> str:
    """The text as stored: rich text sanitised, bidi controls stripped, spaces trimmed."""
    text = unicodedata.normalize("NFC", text.translate(_BIDI_CONTROLS)).strip()
    if key.field in RICH_TEXT_FIELDS and text:
        text = sanitise_html(text if text.startswith("<") else _paragraphs(text))
    return text


def _paragraphs(text: str) -> str:
    """Plain text typed into a rich-text box: paragraphs at blank lines, breaks at newlines."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return "".join("<p>" + escape(b).replace("\n", "<br>") + "</p>" for b in blocks)


@transaction.atomic
def translations_save(
    *,
    project: m.Project,
    access: ProjectAccess,
    original_language: str,
    language: str,
    texts: dict[TextKey, str],
    actor: Any,
    reason: str,
) -> SaveResult:
    """Set the ``language`` version of each text of ``texts`` (blank: remove it).

    Raises PermissionDenied for a text the person may not write, ValidationError naming
    the text for bad input; either way nothing is saved.
    """
    check_language(language, original_language=original_language)
    if not reason.strip():
        raise ValidationError({"reason": "say why: the reason goes into the history"})
    results = dict(project.results.values_list("code", "pk"))
    owners = _owners(project)
    periods = {p.code: p for p in project.periods.all()}
    quarters = set(periods)
    cleaned: dict[TextKey, str] = {}
    for key, text in texts.items():
        if (key.subject in (TextSubject.PERIOD, TextSubject.NARRATIVE)) != (
            key.quarter in quarters
        ):
            raise ValidationError({_name(key): "no such quarter for this text"})
        _require_right(access, key, results, owners)
        cleaned[key] = clean_text(key, text)
        if len(cleaned[key]) > MAX_TEXT:
            raise ValidationError({_name(key): f"at most {MAX_TEXT} characters"})
    for code in sorted({k.quarter for k in cleaned if k.quarter}):
        require_editable(periods[code])  # a submitted or approved quarter's texts are locked
    existing = ContentTranslation.objects.filter(project=project, language=language)
    changes = Changes(actor=actor, reason=reason.strip())
    wanted = {
        (k.subject.value, k.quarter, k.code, k.field, language): {
            "project": project, "subject": k.subject.value, "quarter": k.quarter,
            "code": k.code, "field": k.field, "language": language, "text": text,
        }
        for k, text in cleaned.items() if text
    }  # fmt: skip
    asked = {(k.subject.value, k.quarter, k.code, k.field, language) for k in cleaned}
    rows = list(existing)
    changes.sync(ContentTranslation, existing=rows, key=translation_row_key, wanted=wanted,
                 prune=False)  # fmt: skip
    removed = [r for r in rows if translation_row_key(r) in asked - wanted.keys()]
    changes.delete(removed)
    return SaveResult(saved=changes.total_changed - len(removed), deleted=len(removed))


def check_language(language: str, *, original_language: str) -> None:
    if not LANGUAGE_TAG.match(language) or len(language) > 35:
        raise ValidationError({"language": f"{language!r} is not a language tag such as ar or ckb"})
    if language == original_language:
        raise ValidationError(
            {"language": f"{language} is the project's own language: edit the texts themselves"}
        )


def rights_of(access: ProjectAccess, *, project: m.Project) -> Callable[[TextKey], bool]:
    """A function telling, for any text of ``project``, whether the person may translate it
    (two queries, whatever the number of texts asked about)."""
    results = dict(project.results.values_list("code", "pk"))
    owners = _owners(project)

    def allowed(key: TextKey) -> bool:
        try:
            _require_right(access, key, results, owners)
        except (PermissionDenied, ValidationError):
            return False
        return True

    return allowed


def _owners(project: m.Project) -> dict[tuple[TextSubject, str], str]:
    """The result code each indicator and activity belongs to (one query)."""
    indicators = m.Indicator.objects.filter(result__project=project).values_list(
        "code", "result__code"
    )
    activities = m.Activity.objects.filter(result__project=project).values_list(
        "code", "result__code"
    )
    owners: dict[tuple[TextSubject, str], str] = {}
    for code, result in indicators:
        owners[(TextSubject.INDICATOR, code)] = result
    for code, result in activities:
        owners[(TextSubject.ACTIVITY, code)] = result
    return owners


def _require_right(
    access: ProjectAccess,
    key: TextKey,
    results: dict[str, int],
    owners: dict[tuple[TextSubject, str], str],
) -> None:
    if key.field not in TRANSLATABLE_FIELDS[key.subject]:
        raise ValidationError({_name(key): "no such text"})
    if key.subject in (TextSubject.PROJECT, TextSubject.PERIOD):
        if key.subject is TextSubject.PERIOD:
            require_texts_right(access)
        elif not access.can_edit_period_texts:
            raise PermissionDenied("only the project manager translates the project's own texts")
        return
    result_code = key.code
    if key.subject in (TextSubject.INDICATOR, TextSubject.ACTIVITY):
        result_code = owners.get((key.subject, key.code), "")
    if result_code not in results:
        raise ValidationError({_name(key): f"the project has no {key.subject.value} {key.code}"})
    result = m.Result(pk=results[result_code], code=result_code)
    if key.subject is TextSubject.NARRATIVE:
        require_narrative_right(access, result)
    elif not access.can_edit_result(result.pk):
        raise PermissionDenied(f"you may not translate the texts of output {result_code}")


def _name(key: TextKey) -> str:
    """The form field of a text: "t:indicator::1.1.8:text"."""
    return field_name(key)


def field_name(key: TextKey) -> str:
    return ":".join(("t", key.subject.value, key.quarter, key.code, key.field))


def parse_field_name(name: str) -> TextKey | None:
    parts = name.split(":")
    if len(parts) != 5 or parts[0] != "t" or parts[1] not in {s.value for s in TextSubject}:
        return None
    return TextKey(subject=TextSubject(parts[1]), quarter=parts[2], code=parts[3], field=parts[4])
