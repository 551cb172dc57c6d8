"""The project's own texts in the report's language: translated where a translation exists,
otherwise the original with a visible mark.

``localise`` gives the records the report is built from: every translatable text (see
``domain.records.TRANSLATABLE_FIELDS``) replaced by its translation into ``lang``, or kept in
the project's language and marked ``[en]`` (the original's language tag) at its start. The
mark is plain text, so it reads the same in HTML, PDF, Word, Excel and Markdown; a plain
text that falls back is wrapped in Unicode isolates of its own direction, so an English
title keeps its order inside an Arabic sentence. A translated plain text is a first-strong
isolate (FSI … PDI, as ``dir="auto"``): whatever it holds — another script, a stray bidi
control, a language the project is not kept in — cannot reorder what stands around it.
``fallback_note`` is the legend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from logframe.domain.periods import Quarter
from logframe.domain.records import (
    ActivityRecord,
    IndicatorRecord,
    PeriodRecord,
    ProjectRecord,
    ResultProgressRecord,
    ResultRecord,
    TextSubject,
)

RTL_LANGUAGES = frozenset({"ar", "ckb", "fa", "he", "ku-Arab", "ps", "ur", "yi"})
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_FIRST_BLOCK = re.compile(r"^\s*<(p|li|ul|ol)>(\s*<li>)?", re.IGNORECASE)
Key = tuple[TextSubject, str, str, str]  # subject, quarter, code, field

_LANGUAGE_NAMES = {
    "en": {"en": "English", "ar": "Arabic", "ckb": "Kurdish (Sorani)"},
    "ar": {"en": "الإنجليزية", "ar": "العربية", "ckb": "الكردية (السورانية)"},
    "ckb": {"en": "ئینگلیزی", "ar": "عەرەبی", "ckb": "کوردی (سۆرانی)"},
}
_NOTES = {
    "en": "Texts marked {mark} are not translated into {lang} yet: they are shown in the "
    "original, {original}.",
    "ar": "النصوص المعلَّمة بـ {mark} لم تُترجم بعد إلى {lang}، فهي معروضة بلغتها الأصلية: "
    "{original}.",
    "ckb": "ئەو دەقانەی بە {mark} نیشانکراون هێشتا وەرنەگێڕدراونەتە سەر {lang}، بۆیە بە "
    "زمانە ڕەسەنەکەیان پیشان دەدرێن: {original}.",
}


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def is_language_tag(text: str) -> bool:
    """Whether ``text`` is a language tag as IATI's xml:lang takes it: ar, ckb, pt-BR."""
    return len(text) <= 35 and LANGUAGE_TAG.match(text) is not None


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES or language.split("-")[0] in {"ar", "ckb", "fa", "he", "ur"}


def fallback_mark(language: str) -> str:
    """The mark before a text shown in its original language: "[en]"."""
    return f"[{language}]"


def fallback_note(*, lang: str, original: str) -> str:
    """The legend of the fallback mark, in the report's language ``lang``."""
    names = _LANGUAGE_NAMES.get(lang, _LANGUAGE_NAMES["en"])
    note = _NOTES.get(lang, _NOTES["en"])
    return note.format(
        mark=_isolated(fallback_mark(original), original),
        lang=names.get(lang, lang),
        original=names.get(original, original),
    )


@dataclass
class _Texts:
    lang: str
    original: str
    found: dict[Key, str]
    fell_back: set[Key] = field(default_factory=set)

    def plain(self, key: Key, text: str) -> str:
        if key in self.found:
            found = self.found[key]
            return f"{FSI}{found}{PDI}" if found else found
        if not text.strip():
            return text
        self.fell_back.add(key)
        return _isolated(f"{fallback_mark(self.original)} {text}", self.original)

    def rich(self, key: Key, html: str) -> str:
        if key in self.found:
            return self.found[key]
        if not html.strip():
            return html
        self.fell_back.add(key)
        mark = fallback_mark(self.original) + " "
        opening = _FIRST_BLOCK.match(html)
        if opening is None:
            return mark + html
        return html[: opening.end()] + mark + html[opening.end() :]


@dataclass(frozen=True)
class Localised:
    project: ProjectRecord
    fallbacks: int  # how many texts are shown in the original, marked

    def note(self, lang: str) -> str:
        """The legend for the marks, or "" when every text is in ``lang``."""
        return fallback_note(lang=lang, original=self.project.language) if self.fallbacks else ""


def localise(project: ProjectRecord, lang: str) -> Localised:
    """``project`` with its texts in ``lang`` (see the module's docstring)."""
    if lang == project.language:
        return Localised(project=project, fallbacks=0)
    texts = _Texts(
        lang=lang,
        original=project.language,
        found={
            (t.subject, t.quarter.code if t.quarter else "", t.code, t.field): t.text
            for t in project.translations
            if t.language == lang
        },
    )
    p = TextSubject.PROJECT
    localised = replace(
        project,
        title=texts.plain((p, "", "", "title"), project.title),
        description=texts.rich((p, "", "", "description"), project.description),
        development_goal=texts.rich((p, "", "", "development_goal"), project.development_goal),
        undaf_outcome=texts.rich((p, "", "", "undaf_outcome"), project.undaf_outcome),
        immediate_objective=texts.rich(
            (p, "", "", "immediate_objective"), project.immediate_objective
        ),
        results=tuple(_result(r, texts) for r in project.results),
        periods=tuple(_period(period, texts) for period in project.periods),
    )
    return Localised(project=localised, fallbacks=len(texts.fell_back))


def _result(result: ResultRecord, texts: _Texts) -> ResultRecord:
    return replace(
        result,
        text=texts.plain((TextSubject.RESULT, "", result.code, "text"), result.text),
        activities=tuple(_activity(a, texts) for a in result.activities),
        indicators=tuple(_indicator(i, texts) for i in result.indicators),
        children=tuple(_result(child, texts) for child in result.children),
    )


def _activity(activity: ActivityRecord, texts: _Texts) -> ActivityRecord:
    key = (TextSubject.ACTIVITY, "", activity.code, "text")
    return replace(activity, text=texts.plain(key, activity.text))


def _indicator(indicator: IndicatorRecord, texts: _Texts) -> IndicatorRecord:
    key = (TextSubject.INDICATOR, "", indicator.code, "text")
    return replace(indicator, text=texts.plain(key, indicator.text))


def _period(period: PeriodRecord, texts: _Texts) -> PeriodRecord:
    q = period.quarter.code
    return replace(
        period,
        summary=texts.rich((TextSubject.PERIOD, q, "", "summary"), period.summary),
        constraints=texts.rich((TextSubject.PERIOD, q, "", "constraints"), period.constraints),
        progress=tuple(_progress(p, period.quarter, texts) for p in period.progress),
    )


def _progress(
    progress: ResultProgressRecord, quarter: Quarter, texts: _Texts
) -> ResultProgressRecord:
    key = (TextSubject.NARRATIVE, quarter.code, progress.result, "narrative")
    return replace(progress, narrative=texts.rich(key, progress.narrative))


def _isolated(text: str, language: str) -> str:
    """``text`` as a unit of its own direction inside text of any other."""
    return f"{RLI if is_rtl(language) else LRI}{text}{PDI}"
