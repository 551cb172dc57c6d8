"""The result tree: JP outputs and outputs with their activities and indicators.

An output's text comes from the framework table's Outputs cell; an output that only the
quantitative table names (the seed's 3.1) takes the text of its output row there. The
responsible agencies and the reported % come from the quantitative table's output rows.
Activities and indicators belong to the output of their code's first two parts; an output or
JP output implied only by codes has an empty text. Results are in code order (1, 1.1, 1.2, 2…).

A narrative heading names its result by text first — the result whose text is the heading's
text (the seed's "Output 3: IHEC has improved technological capacities…" is the text of output
3.1) — and by code otherwise. A heading that names no result is kept in the summary, with its
paragraphs, and reported as an unread cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from logframe.domain.records import (
    ActivityRecord,
    FootnoteMark,
    IndicatorRecord,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    SourceCell,
)
from logframe.interchange.legacy.framework import Framework
from logframe.interchange.legacy.marks import split_marks
from logframe.interchange.legacy.narrative import Qualitative, html_of
from logframe.interchange.legacy.quantitative import OutputRow, Quantitative
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import words_key


def _order(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def _prefix(code: str) -> str:
    return ".".join(code.split(".")[:2])


@dataclass
class _Node:
    code: str
    text: str = ""
    row: OutputRow | None = None
    activities: list[ActivityRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)


def _nodes(framework: Framework, quantitative: Quantitative) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}

    def node(code: str) -> _Node:
        if "." in code:
            node(code.split(".")[0])
        return nodes.setdefault(code, _Node(code))

    for item in framework.outputs:
        found = node(item.code)
        found.text = found.text or item.text
    for row in quantitative.outputs:
        found = node(row.code)
        found.text = found.text or row.text
        found.row = found.row or row
    seen: set[str] = set()
    for activity in framework.activities:
        if activity.code not in seen:
            seen.add(activity.code)
            marks = tuple(FootnoteMark(n) for n in dict.fromkeys(activity.marks))
            node(_prefix(activity.code)).activities.append(
                ActivityRecord(activity.code, activity.text, marks)
            )
    for indicator in quantitative.indicators:
        node(_prefix(indicator.record.code)).indicators.append(indicator.record)
    return nodes


def _record(node: _Node, children: tuple[ResultRecord, ...]) -> ResultRecord:
    row = node.row
    return ResultRecord(
        code=node.code,
        text=node.text,
        level=ResultLevel.OUTPUT if "." in node.code else ResultLevel.JP_OUTPUT,
        lead=row.lead if row else "",
        partners=row.partners if row else (),
        activities=tuple(node.activities),
        indicators=tuple(node.indicators),
        children=children,
    )


def build_results(framework: Framework, quantitative: Quantitative) -> tuple[ResultRecord, ...]:
    """The result tree, JP outputs at the top."""
    nodes = _nodes(framework, quantitative)
    top = sorted((code for code in nodes if "." not in code), key=_order)
    return tuple(
        _record(
            nodes[code],
            tuple(
                _record(nodes[child], ())
                for child in sorted(nodes, key=_order)
                if "." in child and child.split(".")[0] == code
            ),
        )
        for code in top
    )


def _walk(results: Iterable[ResultRecord]) -> list[ResultRecord]:
    found: list[ResultRecord] = []
    for result in results:
        found.append(result)
        found.extend(_walk(result.children))
    return found


def _named(code: str, text: str, results: list[ResultRecord]) -> str | None:
    key = words_key(split_marks(text)[0])
    same_text = [r for r in results if key and words_key(split_marks(r.text)[0]) == key]
    if same_text:
        same_text.sort(key=lambda r: (r.code != code, not r.code.startswith(code + ".")))
        return same_text[0].code
    return code if any(r.code == code for r in results) else None


@dataclass
class Progress:
    records: tuple[ResultProgressRecord, ...]
    summary: str


def build_progress(
    results: tuple[ResultRecord, ...],
    quantitative: Quantitative,
    qualitative: Qualitative,
    log: SourceLog,
) -> Progress:
    """Narrative and reported % per result (in tree order), and the summary."""
    walked = _walk(results)
    narratives: dict[str, list[str]] = {}
    summary = qualitative.summary.texts()
    for narrative in qualitative.outputs:
        code = _named(narrative.code, narrative.heading, walked)
        if code is None:
            heading = f"Output {narrative.code}: {narrative.heading}".strip(" :")
            summary.extend([heading, *narrative.paragraphs.texts()])
            log.cells.append(
                SourceCell("qualitative", "heading", heading, narrative.location, False)
            )
            continue
        narratives.setdefault(code, []).extend(narrative.paragraphs.texts())
    pcts: dict[str, Decimal | None] = {}
    for row in quantitative.outputs:
        if pcts.get(row.code) is None:
            pcts[row.code] = row.pct
    records = tuple(
        ResultProgressRecord(r.code, html_of(narratives.get(r.code, [])), pcts.get(r.code))
        for r in walked
        if r.code in narratives or pcts.get(r.code) is not None
    )
    return Progress(records, html_of(summary))
