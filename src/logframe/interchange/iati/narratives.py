"""An activity's narratives in other languages than its own, as the record's translations.

The activity's language is its ``xml:lang`` (else the file's, else English). A narrative
without ``xml:lang``, or in the activity's language, is the original (the reader's record
holds it); every other one becomes a ``TranslationRecord`` of the text it belongs to — the
title, the descriptions (mapped to our fields as the reader maps the originals), each
result's and each indicator's title. A narrative whose ``xml:lang`` is not a language tag,
or whose text is the original's, is not a translation and is skipped; of two narratives of
one text in the same language, the first is kept.

Read from the children the reader has already grouped, and one loop over each result's.
"""

from __future__ import annotations

import html
from dataclasses import replace

from lxml import etree

from logframe.domain.content import is_language_tag
from logframe.domain.records import ProjectRecord, ResultRecord, TextSubject, TranslationRecord
from logframe.interchange.iati import codes
from logframe.interchange.iati.elements import NARRATIVE, XML_LANG
from logframe.textclean import strip_bidi_controls

DEFAULT_LANGUAGE = "en"
Children = dict[str, list[etree._Element]]
Texts = dict[tuple[TextSubject, str, str, str], str]  # (subject, code, field, language) → text


def activity_language(activity: etree._Element) -> str:
    """The activity's own language: its ``xml:lang``, else its file's, else English."""
    own = (activity.get(XML_LANG) or "").strip()
    parent = activity.getparent()
    inherited = (parent.get(XML_LANG) or "").strip() if parent is not None else ""
    for language in (own, inherited):
        if is_language_tag(language):
            return language
    return DEFAULT_LANGUAGE


def with_translations(
    record: ProjectRecord, activity: etree._Element, parts: Children
) -> ProjectRecord:
    """``record`` with its language and the translations its narratives hold."""
    language = activity_language(activity)
    texts: Texts = {}
    for element in parts.get("title", ())[:1]:
        _plain(texts, element, language, TextSubject.PROJECT, "", "title")
    _descriptions(texts, parts.get("description", []), language)
    for result, element in zip(record.results, parts.get("result", ()), strict=False):
        _result(texts, result, element, language)
    if not texts and language == record.language:
        return record
    originals = _originals(record)
    translations = [
        TranslationRecord(subject=subject, field=field, language=lang, text=text, code=code)
        for (subject, code, field, lang), text in texts.items()
        if text and text != originals.get((subject, code, field))
    ]
    return replace(
        record,
        language=language,
        translations=tuple(sorted(translations, key=TranslationRecord.key)),
    )


def _result(texts: Texts, result: ResultRecord, element: etree._Element, language: str) -> None:
    """The result's title and its indicators' titles: one loop over the result's children
    (indicators in the reader's order, so each meets its record)."""
    indicators = iter(result.indicators)
    titled = False
    for child in element:
        if child.tag == "title" and not titled:
            titled = True
            _plain(texts, child, language, TextSubject.RESULT, result.code, "text")
        elif child.tag == "indicator":
            indicator = next(indicators, None)
            title = next((c for c in child if c.tag == "title"), None)
            if indicator is not None and title is not None:
                _plain(texts, title, language, TextSubject.INDICATOR, indicator.code, "text")


def _narratives(element: etree._Element, language: str) -> list[tuple[str, str]]:
    """The element's narratives in other languages: (language, text as written)."""
    found = []
    for child in element:
        if child.tag != NARRATIVE:
            continue
        lang = (child.get(XML_LANG) or language).strip()
        if lang != language and is_language_tag(lang):
            found.append((lang, strip_bidi_controls(child.text or "")))
    return found


def _plain(
    texts: Texts, element: etree._Element, language: str, subject: TextSubject, code: str,
    field: str,
) -> None:  # fmt: skip
    for lang, text in _narratives(element, language):
        texts.setdefault((subject, code, field, lang), " ".join(text.split()))


def _descriptions(texts: Texts, elements: list[etree._Element], language: str) -> None:
    """As the reader: types 1 and 3 the description, the first and second objectives (2)
    the immediate objective and the development goal, other (4) the UNDAF outcome."""
    by_type: dict[str, list[etree._Element]] = {}
    for element in elements:
        by_type.setdefault(element.get("type") or "1", []).append(element)
    objectives = by_type.get(codes.OBJECTIVES, [])
    fields = (
        ("description", by_type.get("1", []) + by_type.get("3", [])),
        ("immediate_objective", objectives[:1]),
        ("development_goal", objectives[1:2]),
        ("undaf_outcome", by_type.get(codes.OTHER, [])),
    )
    for field, group in fields:
        joined: dict[str, str] = {}
        for element in group:
            seen: set[str] = set()
            for lang, text in _narratives(element, language):
                if lang not in seen:  # the first narrative of a language, as the reader
                    seen.add(lang)
                    joined[lang] = joined.get(lang, "") + _paragraphs(text)
        for lang, markup in joined.items():
            texts.setdefault((TextSubject.PROJECT, "", field, lang), markup)


def _paragraphs(text: str) -> str:
    """A narrative as HTML paragraphs, one per line of text (as ``elements.paragraphs``)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


def _originals(record: ProjectRecord) -> dict[tuple[TextSubject, str, str], str]:
    p = TextSubject.PROJECT
    found = {
        (p, "", "title"): record.title,
        (p, "", "description"): record.description,
        (p, "", "immediate_objective"): record.immediate_objective,
        (p, "", "development_goal"): record.development_goal,
        (p, "", "undaf_outcome"): record.undaf_outcome,
    }
    for result in record.walk_results():
        found[(TextSubject.RESULT, result.code, "text")] = result.text
        for indicator in result.indicators:
            found[(TextSubject.INDICATOR, indicator.code, "text")] = indicator.text
    return found
