"""The Translations screen: GET shows every text beside its version in one language; POST
saves the changed ones through ``translations.entry`` (all or nothing). The Languages
screen beside it sets the project's original language and the others it is kept in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from logframe.accounts.access import project_and_access
from logframe.domain.content import is_rtl
from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.portfolio.selectors import project_record
from logframe.reporting.labels import LANGS
from logframe.translations.entry import (
    TextKey,
    check_language,
    parse_field_name,
    rights_of,
    translations_save,
)
from logframe.translations.languages import (
    NOT_YOURS,
    project_languages,
    project_languages_set,
    split_languages,
)
from logframe.web.translations.screen import sections

OFFERED = ("ar", "ckb", "en")  # the languages of the interface and the documents


@login_required
def project_translations(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    project, access = project_and_access(user=request.user, fund_code=fund, number=number)
    record = project_record(project=project)
    source = request.POST if request.method == "POST" else request.GET
    offered = [lang for lang in OFFERED if lang != record.language]
    kept = project_languages(project=project).kept_in
    offered += sorted(({t.language for t in record.translations} | set(kept)) - set(offered))
    language = source.get("lang") or offered[0]
    periods = list(project.periods.all())
    quarter = _quarter(source.get("period"), [p.as_quarter() for p in periods])
    context = {
        "project": project,
        "record": record,
        "periods": periods,
        "selected": quarter.code if quarter else "",
        "languages": offered,
        "language": language,
        "language_rtl": is_rtl(language),
        "language_dir": _direction(language, known=(record.language, *kept, *OFFERED)),
        "original_rtl": is_rtl(record.language),
        "kept_in": kept,
        "report_language": language in LANGS,
        "may_enter": access.can_edit_anything,
    }
    try:
        check_language(language, original_language=record.language)
    except ValidationError as error:
        context |= {"language_error": " ".join(error.messages), "sections": []}
        return render(request, "web/translations/project_translations.html", context, status=400)
    allowed = rights_of(access, project=project)
    if request.method != "POST":
        context["sections"] = sections(record, quarter=quarter, language=language, allowed=allowed)
        return render(request, "web/translations/project_translations.html", context)
    posted = {k: request.POST.get(k, "") for k in request.POST if k.startswith("t:")}
    texts: dict[TextKey, str] = {}
    shown = sections(record, quarter=quarter, language=language, allowed=allowed)
    current = {r.name: r.value for s in shown for r in s.rows}
    for name, value in posted.items():
        key = parse_field_name(name)
        if key is None:
            return _invalid(request, context, record, quarter, allowed, posted,
                            {name: _("unknown text")})  # fmt: skip
        if value.strip() != current.get(name, "").strip():  # only what the person changed
            texts[key] = value
    try:
        result = translations_save(
            project=project, access=access, original_language=record.language,
            language=language, texts=texts, actor=request.user,
            reason=request.POST.get("reason", ""),
        )  # fmt: skip
    except ValidationError as error:
        return _invalid(request, context, record, quarter, allowed, posted, _errors(error))
    messages.success(
        request,
        _("%(saved)d translations saved, %(deleted)d removed.")
        % {"saved": result.saved, "deleted": result.deleted},
    )
    query = urlencode({"lang": language, **({"period": quarter.code} if quarter else {})})
    url = reverse("project-translations", args=[project.fund.code, project.number])
    return redirect(f"{url}?{query}")


def _invalid(
    request: HttpRequest,
    context: dict[str, Any],
    record: ProjectRecord,
    quarter: Quarter | None,
    allowed: Callable[[TextKey], bool],
    posted: dict[str, str],
    errors: dict[str, str],
) -> HttpResponse:
    """The screen again, with what was typed and the errors beside their texts: 400."""
    context |= {
        "sections": sections(
            record,
            quarter=quarter,
            language=context["language"],
            allowed=allowed,
            posted=posted,
            errors=errors,
        ),
        "errors": errors,
        "reason": request.POST.get("reason", ""),
    }
    return render(request, "web/translations/project_translations.html", context, status=400)


def _direction(language: str, *, known: tuple[str, ...]) -> str:
    """A translation's direction: its language's; "auto" (the text's first strong letter)
    for a language the project is not kept in, whose direction we do not assume."""
    if is_rtl(language):
        return "rtl"
    return "ltr" if language in known else "auto"


def _errors(error: ValidationError) -> dict[str, str]:
    if hasattr(error, "error_dict"):
        return {name: " ".join(texts) for name, texts in error.message_dict.items()}
    return {"__all__": " ".join(error.messages)}


def _quarter(text: str | None, quarters: list[Quarter]) -> Quarter | None:
    if text:
        try:
            wanted = Quarter.parse(text)
        except ValueError:
            wanted = None
        if wanted in quarters:
            return wanted
    return quarters[-1] if quarters else None


@login_required
def project_languages_screen(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    """The project's original language and the others it is kept in: shown to whoever may
    see the project, changed by the project manager or the fund administrator."""
    project, access = project_and_access(user=request.user, fund_code=fund, number=number)
    stored = project_languages(project=project)
    context: dict[str, Any] = {
        "project": project,
        "stored": stored,
        "may_change": access.is_manager,
        "offered": [(code, name) for code, name in settings.LANGUAGES],
        "original": stored.original,
        "kept": list(stored.kept_in),
        "others": " ".join(t for t in stored.kept_in if t not in dict(settings.LANGUAGES)),
        "errors": {},
    }
    if request.method != "POST":
        return render(request, "web/translations/project_languages.html", context)
    if not access.is_manager:
        raise PermissionDenied(_(NOT_YOURS))
    original = request.POST.get("original", "").strip()
    kept = request.POST.getlist("languages") + split_languages(request.POST.get("others", ""))
    try:
        project_languages_set(
            project=project, access=access, original=original, kept_in=kept,
            actor=request.user, reason=request.POST.get("reason", ""),
        )  # fmt: skip
    except ValidationError as error:
        context |= {
            "errors": _errors(error), "original": original, "kept": kept,
            "others": request.POST.get("others", ""), "reason": request.POST.get("reason", ""),
        }  # fmt: skip
        return render(request, "web/translations/project_languages.html", context, status=400)
    messages.success(request, _("The project's languages are saved."))
    return redirect("project-languages", project.fund.code, project.number)
