"""The differences between two snapshots of a quarter: pure, over project-file documents.

A snapshot's document is a project file (docs/project-file.md). Both documents are
flattened into *things* — the project, each organisation, output, indicator, activity,
footnote, the quarter, each value, finance line, beneficiary group, output progress and
source cell — named by their natural keys (values by indicator, finance by
organisation, beneficiaries by group, progress by result, results and indicators by
code), each with its fields as text. Then things are matched by name: a thing in one
document only was added or removed; a thing in both lists each field that differs.
Lists of plain values (partners, the procurement plan) compare as one field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Fields = dict[str, str]
Things = dict[str, Fields]  # "Indicator 1.1.9 value, 2013Q1" → field → text

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    """One difference: where (a thing), which field, before and after, and what happened."""

    where: str
    field: str  # "" for a thing added or removed as a whole
    before: str
    after: str
    kind: str  # "added", "removed" or "changed"


def snapshot_diff(old_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> list[Change]:
    """What changed from ``old_doc`` to ``new_doc``, in the order of the newer document."""
    old, new = things(old_doc), things(new_doc)
    changes: list[Change] = []
    for where in [*new, *(w for w in old if w not in new)]:
        if where not in old:
            changes.append(Change(where, "", "", _summary(new[where]), ADDED))
        elif where not in new:
            changes.append(Change(where, "", _summary(old[where]), "", REMOVED))
        else:
            before, after = old[where], new[where]
            changes += [
                Change(where, field, before.get(field, ""), after.get(field, ""), CHANGED)
                for field in [*after, *(f for f in before if f not in after)]
                if before.get(field, "") != after.get(field, "")
            ]
    return changes


def things(document: Mapping[str, Any]) -> Things:
    """Every thing a project document holds, by name, with its fields flattened to text."""
    project = document.get("project", {})
    found: Things = {}
    found["Project"] = _fields(
        project,
        skip={"organisations", "participations", "results", "footnotes", "periods"},
    )
    for org in project.get("organisations", []):
        found[f"Organisation {org.get('code')}"] = _fields(org)
    for part in project.get("participations", []):
        found[f"Participation {part.get('organisation')}"] = _fields(part, skip={"organisation"})
    for note in project.get("footnotes", []):
        found[f"Footnote {note.get('number')}"] = _fields(note, skip={"number"})
    for name, fields in _results(project.get("results", []), parent=""):
        found[name] = fields
    for period in project.get("periods", []):
        found.update(_period(period))
    return found


def _results(results: list[Mapping[str, Any]], *, parent: str) -> Iterator[tuple[str, Fields]]:
    for result in results:
        code = str(result.get("code", ""))
        level = "JP output" if result.get("level") == "jp_output" else "Output"
        fields = _fields(result, skip={"code", "indicators", "activities", "children"})
        yield f"{level} {code}", ({"parent": parent} if parent else {}) | fields
        for indicator in result.get("indicators", []):
            yield (
                f"Indicator {indicator.get('code')}",
                {"output": code} | _fields(indicator, skip={"code"}),
            )
        for activity in result.get("activities", []):
            yield (
                f"Activity {activity.get('code')}",
                {"output": code} | _fields(activity, skip={"code"}),
            )
        yield from _results(result.get("children", []), parent=code)


def _period(period: Mapping[str, Any]) -> Things:
    quarter = str(period.get("quarter", ""))
    found: Things = {
        f"Quarter {quarter}": _fields(
            period,
            skip={"quarter", "values", "finance", "beneficiaries", "progress", "sources"},
        )
    }
    lines = (
        ("values", "indicator", "Indicator {} value"),
        ("finance", "organisation", "Finance {}"),
        ("beneficiaries", "group", "Beneficiaries {}"),
        ("progress", "result", "Output {} progress"),
    )
    for key, natural, label in lines:
        for item in period.get(key, []):
            name = f"{label.format(item.get(natural))}, {quarter}"
            found[name] = _fields(item, skip={natural})
    seen: dict[str, int] = {}
    for cell in period.get("sources", []):
        base = f"Source cell {cell.get('where')} {cell.get('field')}, {quarter}"
        seen[base] = seen.get(base, 0) + 1
        name = base if seen[base] == 1 else f"{base} ({seen[base]})"
        found[name] = _fields(cell, skip={"where", "field"})
    return found


def _fields(node: Mapping[str, Any], *, skip: frozenset[str] | set[str] = frozenset()) -> Fields:
    """A node's fields as text, nested objects flattened with dotted names."""
    flat: Fields = {}
    for key, value in node.items():
        if key in skip:
            continue
        if isinstance(value, Mapping):
            flat |= {f"{key}.{sub}": text for sub, text in _fields(value).items()}
        else:
            flat[key] = _text(value)
    return flat


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_item(v) for v in value)
    return str(value)


def _item(value: Any) -> str:
    if isinstance(value, Mapping):
        return " ".join(_text(v) for v in value.values())
    return _text(value)


def _summary(fields: Fields) -> str:
    return "; ".join(f"{field}: {text}" for field, text in fields.items() if text)
