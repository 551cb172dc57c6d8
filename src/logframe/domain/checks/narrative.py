"""Rules about the narrative: participant counts, dates outside the period, repeats."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from logframe.domain.checks import rules
from logframe.domain.checks.narrative_text import (
    date_mentions,
    paragraphs,
    plain_text,
    sentences,
    words,
)
from logframe.domain.checks.provenance import NARRATIVE as NARRATIVE_FIELD
from logframe.domain.checks.provenance import NO_SOURCES, Sources
from logframe.domain.checks.wording import MONTHS
from logframe.domain.findings import Finding, Severity, _
from logframe.domain.formatting import format_count
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodRecord, ProjectRecord

NARRATIVE = "narrative"  # where: the general summary and the constraints

_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_NOUN = r"[A-Za-z][A-Za-z'\u2019-]*"
_SEX = r"females?|males?|women|men|girls|boys"
_PARTICIPANTS = re.compile(
    rf"(?<![\w,.])(?P<total>{_NUMBER})\s+(?P<noun>(?:{_NOUN}\s+){{0,5}}?{_NOUN})?\s*"
    rf"(?P<sep>[(,])\s*(?P<a>{_NUMBER})\s*(?P<sa>{_SEX})\s*(?:and|/|,|&)\s*"
    rf"(?P<b>{_NUMBER})\s*(?P<sb>{_SEX})\b\)?"
)
_FEMALE = {"female", "females", "women", "girls"}
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s*$")

_SIMILAR = 0.9  # share of the shorter paragraph's words, in order, found in the other
_MIN_WORDS = 12  # shorter paragraphs are never compared
_LONG_SENTENCE = 20  # words: a shared sentence this long is a repeat by itself
_QUOTED_WORDS = 12


def _count(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def narrative_participants(*, where: str, text: str, source: str = "") -> tuple[Finding, ...]:
    """A count of people followed by its male/female split must add up; if not, a WARNING.

    Read: "27 IHEC staff (22 male and 5 female)", "44 surveyors, 40 male and 4 female",
    "8 IHEC officials, 7 male and 1 female", "34 staff members (32 male and 2 female)",
    "498 (468 male/28 female)"; women/men and girls/boys too, in either order. A number
    right after a month ("March 2013, 40 male ...") is a year, not a count.
    """
    found: list[Finding] = []
    for match in _PARTICIPANTS.finditer(text):
        total, a, b = _count(match["total"]), _count(match["a"]), _count(match["b"])
        female_a, female_b = match["sa"] in _FEMALE, match["sb"] in _FEMALE
        if female_a == female_b or a + b == total:
            continue
        if match["noun"] is None and match["sep"] == ",":
            continue
        if _MONTH_BEFORE.search(text, 0, match.start()):
            continue
        phrase = match.group(0)
        if match["sep"] == "," and phrase.endswith(")"):
            phrase = phrase[:-1]  # a bracket closing around the sentence, not the split
        words = _(
            'The narrative counts "%(phrase)s", but %(a)s + %(b)s = %(sum)s, not %(total)s.',
            phrase=phrase,
            a=format_count(a),
            b=format_count(b),
            sum=format_count(a + b),
            total=format_count(total),
        )
        found.append(
            Finding.said(
                words,
                rule=rules.NARRATIVE_PARTICIPANTS,
                severity=Severity.WARNING,
                where=where,
                computed=a + b,
                reported=total,
                source=source,
            )
        )
    return tuple(found)


def narrative_dates(
    *, where: str, text: str, quarter: Quarter, source: str = ""
) -> tuple[Finding, ...]:
    """Dates a narrative tells of should fall in its period; when not, INFO.

    Flagged: a date, month or range that ends before the period starts ("from 4 to 8
    March 2012" in a 2013 Q1 report), and a range that lies wholly after the period
    ends ("from 5 to 8 May 2013"). Not flagged: anything that overlaps the period
    ("From 17 January to 30 April 2013"), nor a single day or month after it ("the
    20 April 2013 elections", "ready by 10th of April 2013"): reports speak of deadlines
    and plans. One finding per distinct text.
    """
    found: dict[str, Finding] = {}
    for mention in date_mentions(text):
        if mention.last < quarter.start:
            side = _("before the period began on %(day)s", day=quarter.start)
        elif mention.ranged and mention.first > quarter.end:
            side = _("wholly after the period ended on %(day)s", day=quarter.end)
        else:
            continue
        found.setdefault(
            mention.text,
            Finding.said(
                _('The narrative tells of "%(text)s", %(side)s.', text=mention.text, side=side),
                rule=rules.NARRATIVE_DATES,
                severity=Severity.INFO,
                where=where,
                source=source,
            ),
        )
    return tuple(found.values())


@dataclass(frozen=True)
class _Paragraph:
    where: str
    text: str
    words: list[str]
    unique: frozenset[str]
    long_sentences: frozenset[tuple[str, ...]]


def _paragraph(where: str, text: str) -> _Paragraph:
    said = words(text)
    long_sentences = frozenset(
        tuple(w) for s in sentences(text) if len(w := words(s)) >= _LONG_SENTENCE
    )
    return _Paragraph(
        where=where,
        text=text,
        words=said,
        unique=frozenset(said),
        long_sentences=long_sentences,
    )


def repeats(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two paragraphs' words are near-identical: at least 90 % of the shorter one's
    words stand, in the same order, in the other (``difflib``'s matching blocks)."""
    shorter = min(len(a), len(b))
    if shorter < _MIN_WORDS:
        return False
    common = sum((Counter(a) & Counter(b)).values())
    if common < _SIMILAR * shorter:  # a cheap upper bound of the in-order match
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched >= _SIMILAR * shorter


def _same(first: _Paragraph, later: _Paragraph) -> bool:
    if first.long_sentences & later.long_sentences:
        return True
    smaller = min(len(first.unique), len(later.unique))
    if smaller == 0 or len(first.unique & later.unique) < _SIMILAR * smaller:
        return False
    return repeats(first.words, later.words)


def narrative_repeated(
    *, narratives: Sequence[tuple[str, str]], sources: Sources = NO_SOURCES
) -> tuple[Finding, ...]:
    """A paragraph repeated under two outputs is a WARNING, on the later output.

    ``narratives`` are (output code, HTML) in the report's order. Near-identical means
    at least 90 % of the shorter paragraph's words (lower-cased, punctuation dropped) in
    the same order in the other, or one shared sentence of 20 words or more. Paragraphs
    of fewer than 12 words are not compared; nor are two paragraphs of the same output.
    """
    seen: list[_Paragraph] = []
    found: list[Finding] = []
    for where, html in narratives:
        mine = [_paragraph(where, text) for text in paragraphs(html)]
        for paragraph in mine:
            first = next((p for p in seen if _same(p, paragraph)), None)
            if first is not None:
                found.append(
                    _repeated(
                        first=first,
                        later=paragraph,
                        source=sources.location(where, NARRATIVE_FIELD),
                    )
                )
        seen.extend(mine)
    return tuple(found)


def _repeated(*, first: _Paragraph, later: _Paragraph, source: str) -> Finding:
    opening = later.text.split()
    quoted = " ".join(opening[:_QUOTED_WORDS])
    if len(opening) > _QUOTED_WORDS:
        quoted = f"{quoted}\N{HORIZONTAL ELLIPSIS}"
    words = _(
        'The paragraph "%(quoted)s" repeats, almost word for word, one under output %(output)s.',
        quoted=quoted,
        output=first.where,
    )
    return Finding.said(
        words,
        rule=rules.NARRATIVE_REPEATED,
        severity=Severity.WARNING,
        where=later.where,
        source=source,
    )


def narratives(*, project: ProjectRecord, period: PeriodRecord) -> list[tuple[str, str]]:
    """The period's narratives as (where, HTML): the general ones ("narrative") first,
    then each result's, in result-tree order."""
    general = [(NARRATIVE, html) for html in (period.summary, period.constraints)]
    texts = {progress.result: progress.narrative for progress in period.progress}
    per_result = [
        (result.code, texts[result.code])
        for result in project.walk_results()
        if result.code in texts
    ]
    return [(where, html) for where, html in (*general, *per_result) if html.strip()]


def check_narrative(
    *, project: ProjectRecord, period: PeriodRecord, sources: Sources
) -> tuple[Finding, ...]:
    """The narrative rules: counts and dates per narrative, then repeats across outputs."""
    texts = narratives(project=project, period=period)
    found: list[Finding] = []
    for where, html in texts:
        text, source = plain_text(html), sources.location(where, NARRATIVE_FIELD)
        found.extend(narrative_participants(where=where, text=text, source=source))
        found.extend(narrative_dates(where=where, text=text, quarter=period.quarter, source=source))
    outputs = [(where, html) for where, html in texts if where != NARRATIVE]
    found.extend(narrative_repeated(narratives=outputs, sources=sources))
    return tuple(found)
