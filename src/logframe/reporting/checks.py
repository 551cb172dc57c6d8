"""The report's own data-quality checks, beside the domain's: whole numbers and footnotes.

They return the domain's ``Finding`` so the report lists every finding alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from logframe.domain.findings import Finding, Severity

COUNT_MISMATCH = "count-mismatch"
FOOTNOTE_MISSING = "footnote-missing"
FOOTNOTE_EMPTY = "footnote-empty"


def collect(*findings: Finding | None) -> tuple[Finding, ...]:
    """The findings that were made, dropping the checks that found nothing (None)."""
    return tuple(finding for finding in findings if finding is not None)


def check_reported_count(
    *, subject: str, computed: int | None, reported: int | None, unit: str
) -> Finding | None:
    """A reported whole number (a delay, a duration in months) must equal the computed one.

    ERROR when they differ; WARNING when one is reported but none can be computed (a date
    is missing). Nothing reported → no finding.
    """
    if reported is None or computed == reported:
        return None
    if computed is None:
        return Finding(
            code=COUNT_MISMATCH,
            severity=Severity.WARNING,
            subject=subject,
            message=f"Reported {reported} {unit}, but the dates to compute it are missing.",
            reported=Decimal(reported),
        )
    return Finding(
        code=COUNT_MISMATCH,
        severity=Severity.ERROR,
        subject=subject,
        message=f"Reported {reported} {unit}, computed {computed} {unit}.",
        computed=Decimal(computed),
        reported=Decimal(reported),
    )


def check_footnotes(*, referenced: Iterable[int], texts: Mapping[int, str]) -> tuple[Finding, ...]:
    """Every footnote mark must point at a footnote with text.

    A mark whose footnote does not exist is an ERROR; one whose footnote is blank, a WARNING.
    One finding per footnote number, in number order.
    """
    findings: list[Finding] = []
    for number in sorted(set(referenced)):
        subject = f"Footnote {number}"
        if number not in texts:
            message = "Referenced, but the project has no such footnote."
            findings.append(
                Finding(
                    code=FOOTNOTE_MISSING, severity=Severity.ERROR, subject=subject, message=message
                )
            )
        elif not texts[number].strip():
            message = "Referenced, but its text is empty."
            findings.append(
                Finding(
                    code=FOOTNOTE_EMPTY, severity=Severity.WARNING, subject=subject, message=message
                )
            )
    return tuple(findings)
