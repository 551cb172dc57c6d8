"""A project file's translations: the checks the schema cannot make, and their records.

Each translation names a text (subject, code, quarter, field) and a language. It must name
a text the project has, in a language other than the project's own, once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from logframe.domain.periods import Quarter
from logframe.domain.records import (
    RICH_TEXT_FIELDS,
    TRANSLATABLE_FIELDS,
    TextSubject,
    TranslationRecord,
)
from logframe.interchange.projectfile.errors import Problem
from logframe.richtext import sanitise_html

Node = Mapping[str, Any]
_CODED = {TextSubject.RESULT, TextSubject.INDICATOR, TextSubject.ACTIVITY, TextSubject.NARRATIVE}
_DATED = {TextSubject.PERIOD, TextSubject.NARRATIVE}


def translation_problems(
    project: Node, *, codes: Mapping[TextSubject, Collection[object]]
) -> list[Problem]:
    """The problems of ``project.translations``; ``codes`` holds the known codes per subject."""
    language = project.get("language", "en")
    quarters = {p["quarter"] for p in project.get("periods", ())}
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], str] = {}
    for i, node in enumerate(project.get("translations", ())):
        path = f"project.translations[{i}]"
        subject = TextSubject(node["subject"])
        problems += _shape(node, subject, path=path)
        if subject in _CODED and "code" in node:
            known = codes[TextSubject.RESULT if subject is TextSubject.NARRATIVE else subject]
            if node["code"] not in known:
                detail = f"unknown {subject.value} code {node['code']!r}: the project has none"
                problems.append(Problem(path=f"{path}.code", detail=detail))
        if "quarter" in node and node["quarter"] not in quarters:
            detail = f"no period {node['quarter']} in project.periods"
            problems.append(Problem(path=f"{path}.quarter", detail=detail))
        if node["language"] == language:
            detail = f"{language!r} is the project's own language: change the text itself"
            problems.append(Problem(path=f"{path}.language", detail=detail))
        key = tuple(
            str(node.get(k, "")) for k in ("subject", "quarter", "code", "field", "language")
        )
        if key in seen:
            detail = f"a second {node['language']} text for the same text (first at {seen[key]})"
            problems.append(Problem(path=path, detail=detail))
        seen.setdefault(key, path)
    return problems


def _shape(node: Node, subject: TextSubject, *, path: str) -> list[Problem]:
    problems = []
    fields = TRANSLATABLE_FIELDS[subject]
    if node["field"] not in fields:
        detail = f"a {subject.value} has no translatable field {node['field']!r}; it has: "
        problems.append(Problem(path=f"{path}.field", detail=detail + ", ".join(fields)))
    if (subject in _CODED) != ("code" in node):
        needs = "needs a code" if subject in _CODED else "takes no code"
        problems.append(Problem(path=path, detail=f"a {subject.value} translation {needs}"))
    if (subject in _DATED) != ("quarter" in node):
        needs = "needs a quarter" if subject in _DATED else "takes no quarter"
        problems.append(Problem(path=path, detail=f"a {subject.value} translation {needs}"))
    return problems


def translation_records(nodes: Collection[Node]) -> tuple[TranslationRecord, ...]:
    """The translations of a checked document, rich text sanitised, in canonical order."""
    records = (_record(node) for node in nodes)
    return tuple(sorted(records, key=TranslationRecord.key))


def _record(node: Node) -> TranslationRecord:
    text = node["text"]
    return TranslationRecord(
        subject=TextSubject(node["subject"]),
        field=node["field"],
        language=node["language"],
        text=sanitise_html(text) if node["field"] in RICH_TEXT_FIELDS else text,
        code=node.get("code", ""),
        quarter=Quarter.parse(node["quarter"]) if "quarter" in node else None,
    )
