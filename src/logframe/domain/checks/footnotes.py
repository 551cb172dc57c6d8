"""Rules about footnotes: every mark must point at a footnote that exists and has text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from logframe.domain.checks import rules
from logframe.domain.findings import Finding, Param, Severity, _, listed
from logframe.domain.records import ProjectRecord

FOOTNOTES = "footnotes"  # where: the report's notes


def check_footnote(
    *, number: int, marked_at: Sequence[Param], texts: Mapping[int, str], source: str = ""
) -> Finding | None:
    """A marked footnote must exist (else ERROR, ``footnote-missing``) and have text (else
    WARNING, ``footnote-empty``). ``marked_at`` names the places the mark stands after.
    """
    at = listed(marked_at)
    if number not in texts:
        return Finding.said(
            _(
                "Footnote %(number)s is marked after %(at)s, but the project has no such note.",
                number=number,
                at=at,
            ),
            rule=rules.FOOTNOTE_MISSING,
            severity=Severity.ERROR,
            where=FOOTNOTES,
            source=source,
        )
    if not texts[number].strip():
        return Finding.said(
            _(
                "Footnote %(number)s is marked after %(at)s, but its text is empty.",
                number=number,
                at=at,
            ),
            rule=rules.FOOTNOTE_EMPTY,
            severity=Severity.WARNING,
            where=FOOTNOTES,
            source=source,
        )
    return None


def footnote_marks(project: ProjectRecord) -> dict[int, list[Param]]:
    """Every footnote number marked in the project, and where: "indicator 1.1.8", ...

    Indicators before activities, each in document order.
    """
    marks: dict[int, list[Param]] = {}
    results = project.walk_results()
    for result in results:
        for indicator in result.indicators:
            for mark in indicator.footnotes:
                marks.setdefault(mark.number, []).append(
                    _("indicator %(code)s", code=indicator.code)
                )
    for result in results:
        for activity in result.activities:
            for mark in activity.footnotes:
                marks.setdefault(mark.number, []).append(_("activity %(code)s", code=activity.code))
    return marks


def check_footnotes(project: ProjectRecord) -> tuple[Finding, ...]:
    """One finding at most per footnote number, in number order."""
    texts = {footnote.number: footnote.text for footnote in project.footnotes}
    marks = footnote_marks(project)
    found = (
        check_footnote(number=number, marked_at=list(dict.fromkeys(marks[number])), texts=texts)
        for number in sorted(marks)
    )
    return tuple(f for f in found if f is not None)
