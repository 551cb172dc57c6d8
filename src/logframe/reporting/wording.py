"""The model's words in the report's language: the model writes English ("Output 1.1",
"Men (Target: 1,471)", "498 (468 male / 28 female)"); these give them in ``Labels``' language
from the parts the model keeps beside them. Every renderer uses them, so the HTML, PDF,
Word and Excel reports say the same thing."""

from __future__ import annotations

from logframe.domain.formatting import format_count
from logframe.domain.periods import Quarter
from logframe.domain.records import ResultLevel
from logframe.reporting.labels import EN, Labels
from logframe.reporting.model import (
    BeneficiaryRow,
    Figure,
    FinanceRow,
    Header,
    IndicatorRow,
    Narrative,
    ResultLine,
)


def period_text(header: Header, t: Labels) -> str:
    """The quarter as the seed writes it, in English; built from the code in other languages."""
    return header.period_label if t is EN else t.period(Quarter.parse(header.period_code))


def result_label(result: ResultLine, t: Labels) -> str:
    """ "Output 1.1" as the model wrote it in English; in other languages from level and code."""
    if t is EN:
        return result.label
    return t.result(jp=result.level is ResultLevel.JP_OUTPUT, code=result.code)


def narrative_heading(n: Narrative, t: Labels) -> str:
    """ "Output 1.1: …" as the model wrote it; in other languages the word translated."""
    if t is EN:
        return n.heading
    word, _, rest = n.heading.partition(f" {n.code}")
    if word not in (EN.jp_output, EN.output):
        return n.heading
    return f"{t.result(jp=word == EN.jp_output, code=n.code)}{rest}"


def beneficiary_label(row: BeneficiaryRow, t: Labels) -> str:
    """ "Men (Target: 1,471)": the model's English label, or built from the group."""
    if t is EN or row.group not in t.groups:
        return row.label
    group = t.groups[row.group]
    if row.target is None:
        return group
    return t.target_of.format(group=group, target=format_count(row.target))


def actual_text(row: IndicatorRow, t: Labels) -> str:
    """The actual as the model wrote it; in other languages, its words translated."""
    f = row.figures
    if t is EN or f is None:
        return row.actual
    sexes = ((f.male, t.male), (f.female, t.female))
    split = " / ".join(f"{format_count(n)} {word}" for n, word in sexes if n is not None)
    main = t.status_word(f.main)
    text = f"{main} ({split})" if main and split else main or split
    return text or row.actual


def target_text(row: IndicatorRow, t: Labels) -> str:
    return t.status_word(row.target)


def finance_label(row: FinanceRow, t: Labels) -> str:
    return t.total if row.is_total else row.label


def figure_text(figure: Figure, t: Labels) -> str:
    """The figure as one line: "10 %", or "≠ 10 % (reported 5 %)" when they differ."""
    text = t.status_word(figure.text)
    if figure.agrees:
        return text
    return f"≠ {text} ({t.reported} {figure.reported_text})"


def responsible_text(result: ResultLine, t: Labels) -> str:
    """ "UNDP (lead), UNOPS" with "lead" in this language."""
    return result.responsible.replace(f"({EN.lead})", f"({t.lead})")


def count_text(text: str, t: Labels) -> str:
    """A count the model wrote ("1,459", or "n/a") in this language."""
    return t.status_word(text)
