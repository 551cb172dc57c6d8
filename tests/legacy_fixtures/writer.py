"""Write a project record as a legacy quarterly progress report in the UNDG ITF template.

Two forms of the same report, for the record's single period:

- ``write_txt``: the text extract, laid out exactly like the seed
  (``examples/itf-g11-23/itf-g11-23-2013q1-progress-report.txt``): tab-separated table rows,
  the HTML-ish cells, ``**bold**`` and ``*italic*``, ``- `` bullets, superscript footnote marks
  (unicode ¹ ² ³ ⁴ …) and, at page breaks, a blank line, the footnotes whose marks came before,
  and a blank line; a table row or a paragraph that a page break cuts is printed in two parts.
- ``write_docx``: the same report as a Word document (python-docx) with real tables. What the
  Word form does differently is listed in README.md ("The Word form").

What the record does not say — how a figure was spaced ("41 %" or "41%"), where pages break,
where a footnote mark stands inside a text — is a ``Layout``; the default is a plain report.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.formatting import format_amount
from logframe.domain.records import (
    BeneficiaryRecord,
    FinanceRecord,
    FootnoteMark,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    PeriodRecord,
    ProjectRecord,
    ResultLevel,
    ResultRecord,
    Role,
)

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
EN_DASH = "\u2013"
BULLET = "\u2022"
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# What the Word form's paragraphs are styled as (a style name of python-docx's template, or
# the one style this module adds, "Footnote Text").
DOCX_STYLES = {
    "title": "Title",
    "field": "Normal",
    "heading": "Heading 1",
    "label": "Normal",  # its runs are bold
    "output": "Heading 2",
    "body": "Normal",
    "bullet": "List Bullet",
}
FOOTNOTE_STYLE = "Footnote Text"
DOCX_DATE = datetime(2013, 1, 1, 0, 0, 0)  # every date in the Word file's properties and zip

_MARKS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_INLINE = re.compile(rf"(\*\*[^*]+\*\*|\*[^*]+\*|[{SUPERSCRIPT_DIGITS}]+)")
_BENEFICIARY_LABELS = {
    BeneficiaryGroup.MEN: "Men",
    BeneficiaryGroup.WOMEN: "Women",
    BeneficiaryGroup.CHILDREN: "Children",
    BeneficiaryGroup.IDPS: "IDPs",
    BeneficiaryGroup.OTHERS: "Others",
    BeneficiaryGroup.INDIRECT: "Indirect beneficiaries",
    BeneficiaryGroup.EMPLOYMENT: "Employment generation (men/women)",
}


@dataclass(frozen=True)
class PageBreak:
    """Where a page of the original ended, which the text extract shows.

    ``where``: ``"activities"`` (the Activities cell), ``"table"`` (the quantitative table),
    ``"summary"``, ``"constraints"`` or ``"progress:<output code>"`` (a narrative).
    ``item``: in the Activities cell, the code of the activity before the break; in the table,
    the key of the row (an indicator code, or ``"output:<code>"``); in a narrative, the number
    of the block (paragraph or bullet, from 1).
    ``words``: cut the row's first cell, or the block, after this many words (the rest is
    printed after the break); None: the break falls after the row or block.
    """

    where: str
    item: str
    words: int | None = None


@dataclass(frozen=True)
class Layout:
    """How a report is laid out where the record does not say.

    - ``first_output_quirk``: the seed's first output row: "Output 1 / UNDP\\t\\t\\t56 %" (the
      JP output's number, the first output's %) then "1.1 IHEC has …\\t\\t\\t".
    - ``single_output_as_jp``: a JP output with a single output does not list it in the Outputs
      cell, and its qualitative heading is "Output 3: <the output's text>" (as the seed does).
    - ``spaced_pcts``: the figures printed "41 %" rather than "41%": "output:<code>",
      "finance:<agency or total>:committed" / ":disbursed", "beneficiary:<group>".
      (An indicator's % is printed as its ``reported_pct_text``.)
    - ``dotted_codes``: codes printed with a full stop ("1.1.8. Number of …"), as activity and
      as indicator.
    - ``mark_after``: "activity:<code>" or "indicator:<code>" → the word after which the text's
      footnote mark stands (default: at the end of the text).
    - ``table_texts``: output code → the wording the quantitative table and the qualitative
      heading use, when it differs from the record's (the Outputs cell's).
    - ``activities_run_in``: how many leading parts of the Activities cell (parts are cut by
      page breaks) are written run-in ("<p>1.1.1 a; 1.1.2 b;</p>"); later parts have one
      ``<p>`` per activity.
    - ``page_breaks``: see ``PageBreak``.
    - ``footnote_line_breaks``: footnote number → the text before which its printed text
      breaks onto a second line.
    """

    first_output_quirk: bool = False
    single_output_as_jp: bool = True
    spaced_pcts: frozenset[str] = frozenset()
    dotted_codes: frozenset[str] = frozenset()
    mark_after: Mapping[str, str] = field(default_factory=dict)
    table_texts: Mapping[str, str] = field(default_factory=dict)
    activities_run_in: int = 1
    page_breaks: tuple[PageBreak, ...] = ()
    footnote_line_breaks: Mapping[int, str] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# The report as a sequence of paragraphs and tables, shared by both forms


@dataclass(frozen=True)
class _Para:
    text: str  # inline: **bold**, *italic*, superscript marks
    style: str  # a key of DOCX_STYLES
    parts: tuple[str, ...] = ()  # the text extract's pieces when a page break cuts it
    break_after: bool = False


@dataclass(frozen=True)
class _Cell:
    paragraphs: tuple[str, ...]
    span: int = 1


@dataclass(frozen=True)
class _Row:
    cells: tuple[_Cell, ...]
    parts: tuple[tuple[str, ...], ...] = ()  # the text extract's lines when a page break cuts it
    break_after: bool = False


@dataclass(frozen=True)
class _Table:
    columns: int
    rows: tuple[_Row, ...]


_Element = _Para | _Table


def superscript(number: int) -> str:
    """A footnote mark as the text extract prints it: 3 → "³", 12 → "¹²"."""
    return "".join(SUPERSCRIPT_DIGITS[int(digit)] for digit in str(number))


def _unsuperscript(marks: str) -> str:
    return "".join(str(SUPERSCRIPT_DIGITS.index(mark)) for mark in marks)


def report_date(day: date) -> str:
    """A date as the template writes it: "17 October 2013"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def spaced_thousands(amount: Decimal) -> str:
    """The seed's budget figures: 24861991 → "24, 861, 991"."""
    if amount != amount.to_integral_value():
        raise ValueError(f"A budget in the header is a whole number, not {amount}.")
    return f"{int(amount):,}".replace(",", ", ")


def _cell(*paragraphs: str, span: int = 1) -> _Cell:
    return _Cell(paragraphs=paragraphs, span=span)


def _row(*texts: str) -> _Row:
    return _Row(cells=tuple(_cell(text) for text in texts))


def _split_words(text: str, words: int) -> tuple[str, str]:
    """``text`` cut after ``words`` words (at a single space), both pieces kept exactly."""
    spaces = [index for index, char in enumerate(text) if char == " "]
    if not 0 < words <= len(spaces):
        raise ValueError(f"Cannot cut {text[:40]!r}… after {words} words.")
    at = spaces[words - 1]
    return text[:at], text[at + 1 :]


class _Blocks(HTMLParser):
    """Sanitised HTML → blocks ("p" or "li", inline text with ** and *)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._kind: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li"):
            self._kind, self._text = ("p" if tag == "p" else "li"), ""
        elif tag in ("strong", "b"):
            self._text += "**"
        elif tag in ("em", "i"):
            self._text += "*"
        elif tag == "br":
            self._text += " "

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li") and self._kind is not None:
            self.blocks.append((self._kind, self._text))
            self._kind = None
        elif tag in ("strong", "b"):
            self._text += "**"
        elif tag in ("em", "i"):
            self._text += "*"

    def handle_data(self, data: str) -> None:
        if self._kind is not None:
            self._text += data
        elif data.strip():
            self.blocks.append(("p", data.strip()))


def html_blocks(html: str) -> list[tuple[str, str]]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


_LIST_TAGS = re.compile(r"<(/?)(ol|ul|li)>")


def literal_html(html: str) -> str:
    """A rich text as the template's cells hold it: the markup itself, on one line.

    Lists get the web form's ``style="list-style-type: none"`` and are numbered ("1. ") or
    bulleted ("• ") in the text; a list item is followed by a space; ``</ol>`` disappears.
    """
    kinds: list[str] = []
    counters: list[int] = []

    def replace(match: re.Match[str]) -> str:
        closing, tag = match.group(1), match.group(2)
        if tag in ("ol", "ul"):
            if closing:
                kinds.pop()
                counters.pop()
                return ""
            kinds.append(tag)
            counters.append(0)
            return f'<{tag} style="list-style-type: none"> '
        if closing:
            return " "
        counters[-1] += 1
        return f"{counters[-1]}. " if kinds[-1] == "ol" else f"{BULLET} "

    return _LIST_TAGS.sub(replace, html.replace("\n", " "))


class _Builder:
    def __init__(self, record: ProjectRecord, layout: Layout) -> None:
        if len(record.periods) != 1:
            raise ValueError(f"A report is for one period; the record has {len(record.periods)}.")
        self.record = record
        self.layout = layout
        self.period: PeriodRecord = record.periods[0]
        self.values: dict[str, IndicatorValueRecord] = {v.indicator: v for v in self.period.values}
        self.progress = {p.result: p for p in self.period.progress}
        self.breaks = {(b.where, b.item): b for b in layout.page_breaks}
        self.used: set[tuple[str, str]] = set()
        for result in record.results:
            if result.level is not ResultLevel.JP_OUTPUT or not result.children:
                raise ValueError(f"Result {result.code}: the template has JP outputs on top.")

    # -- helpers

    def page_break(self, where: str, item: str) -> PageBreak | None:
        found = self.breaks.get((where, item))
        if found is not None:
            self.used.add((where, item))
        return found

    def pct(self, value: Decimal | None, key: str) -> str:
        if value is None:
            return ""
        return f"{value:f}" + (" %" if key in self.layout.spaced_pcts else "%")

    def code(self, code: str) -> str:
        return f"{code}." if code in self.layout.dotted_codes else code

    def marked(
        self, text: str, marks: Sequence[FootnoteMark], place: MarkPlace, key: str, glue: str
    ) -> str:
        numbers = [mark.number for mark in marks if mark.place is place]
        if not numbers:
            return text
        if len(numbers) > 1:
            raise ValueError(f"{key}: one footnote mark per place, please.")
        mark = glue + superscript(numbers[0])
        anchor = self.layout.mark_after.get(key)
        if anchor is None:
            return text + mark
        at = re.search(rf"\b{re.escape(anchor)}\b", text)
        if at is None:
            raise ValueError(f"{key}: {anchor!r} is not in {text!r}.")
        return text[: at.end()] + mark + text[at.end() :]

    def outputs(self) -> Iterator[tuple[ResultRecord, ResultRecord]]:
        for jp in self.record.results:
            for output in jp.children:
                yield jp, output

    def heading_code(self, jp: ResultRecord, output: ResultRecord) -> str:
        alone = self.layout.single_output_as_jp and len(jp.children) == 1
        return jp.code if alone else output.code

    def agencies(self, result: ResultRecord) -> str:
        if not result.lead:
            return ""
        if not result.partners:
            return result.lead
        return f"{result.lead} lead w {', '.join(result.partners)}"

    # -- the report, top to bottom

    def build(self) -> list[_Element]:
        elements: list[_Element] = [
            *self.header(),
            *self.goals(),
            self.outputs_table(),
            *self.finance_tables(),
            self.beneficiaries_table(),
            self.quantitative_table(),
            *self.qualitative(),
        ]
        unused = set(self.breaks) - self.used
        if unused:
            raise ValueError(f"Page breaks that match nothing in the report: {sorted(unused)}")
        return elements

    def header(self) -> list[_Element]:
        record = self.record
        names = {org.code: org.name for org in record.organisations}
        agencies = ", ".join(
            p.organisation + (" (lead agency)" if p.role is Role.LEAD else "")
            for p in record.participations
            if p.role in (Role.LEAD, Role.PARTICIPATING)
        )
        ministry = record.line_ministry
        ministry_text = f"{names.get(ministry, ministry)} ({ministry})" if ministry else ""
        budgets = " ".join(
            f"{p.organisation}: USD {spaced_thousands(p.approved_budget)}"
            for p in record.participations
            if p.approved_budget is not None
        )
        total = record.reported_total_budget
        cost = f"Total ITF Budget: USD {spaced_thousands(total) if total is not None else ''}"
        duration = record.reported_duration_months
        dates = (record.approval_date, record.start_date, record.planned_end_date)
        approval, start, end = (report_date(d) if d else "" for d in dates)
        return [
            _Para(record.fund.name, "title"),
            _Para(f"Project #: {record.number}", "field"),
            _Para(f"Date and Quarter Updated: {self.period.quarter.label()}", "field"),
            _Para(
                f"Participating UN Organisation: {agencies} **PWG: {record.thematic_group}"
                f" - Sector: {record.sector}**",
                "field",
            ),
            _Para(
                f"Government of Iraq {EN_DASH} Responsible Line Ministry: {ministry_text}", "field"
            ),
            _Table(
                columns=6,
                rows=(
                    _Row(cells=(_cell("Title"), _cell(record.title, span=5))),
                    _Row(cells=(_cell("Geo. Location"), _cell(record.location, span=5))),
                    _Row(cells=(_cell("Project Cost"), _cell(f"{cost} {budgets}", span=5))),
                    _Row(
                        cells=(
                            _cell("Duration"),
                            _cell(f"{duration} months" if duration is not None else "", span=5),
                        )
                    ),
                    _row(
                        "Approval Date (SC)",
                        approval,
                        "Starting Date",
                        start,
                        "Completion Date",
                        end,
                    ),
                    _Row(
                        cells=(
                            _cell("Project Description"),
                            _cell(literal_html(record.description), span=5),
                        )
                    ),
                ),
            ),
        ]

    def goals(self) -> list[_Element]:
        record = self.record
        elements: list[_Element] = [
            _Para("Development Goal and Immediate Objectives", "heading"),
            _Para("Development goal:", "label"),
            *self.narrative("development_goal", record.development_goal),
        ]
        undaf = html_blocks(record.undaf_outcome)
        if len(undaf) > 1 and not undaf[0][1].startswith("Outcome"):
            elements.append(_Para(f"UNDAF ({undaf[0][1]}):", "label"))
            undaf = undaf[1:]
        else:
            elements.append(_Para("UNDAF:", "label"))
        elements += [_Para(text, "bullet" if kind == "li" else "body") for kind, text in undaf]
        elements.append(_Para("The programme\u2019s immediate objective is:", "label"))
        elements += self.narrative("immediate_objective", record.immediate_objective)
        return elements

    def narrative(self, where: str, html: str) -> list[_Para]:
        paras = []
        for number, (kind, text) in enumerate(html_blocks(html), start=1):
            style = "bullet" if kind == "li" else "body"
            found = self.page_break(where, str(number))
            if found is None:
                paras.append(_Para(text, style))
            elif found.words is None:
                paras.append(_Para(text, style, break_after=True))
            else:
                paras.append(_Para(text, style, parts=_split_words(text, found.words)))
        return paras

    def outputs_table(self) -> _Table:
        outputs_cell = []
        for jp in self.record.results:
            outputs_cell.append(f"<p>JP Output {jp.code}: {jp.text}</p>")
            if not (self.layout.single_output_as_jp and len(jp.children) == 1):
                listed = " ".join(f"Output {o.code}: {o.text}" for o in jp.children)
                outputs_cell.append(f"<p>{listed}</p>")
        procurement = "<p>Procurement planned under the project:</p>"
        if self.record.procurement_plan:
            items = "".join(f" {BULLET} {item}" for item in self.record.procurement_plan)
            procurement += f' <ul style="list-style-type: none">{items}'
        parts = self.activity_parts()
        activities = _Row(
            cells=(_cell("Activities"), _cell(*parts)),
            parts=tuple(("Activities" if n == 0 else "", part) for n, part in enumerate(parts))
            if len(parts) > 1
            else (),
        )
        return _Table(
            columns=2,
            rows=(
                _Row(cells=(_cell("Outputs, Key activities and Procurement", span=2),)),
                _row("Outputs", " ".join(outputs_cell)),
                activities,
                _row("Procurement", procurement),
            ),
        )

    def activity_parts(self) -> list[str]:
        entries: list[list[str]] = [[]]
        for jp in self.record.results:
            activities = [a for output in jp.children for a in output.activities]
            for number, activity in enumerate(activities, start=1):
                stop = "." if number == len(activities) else ";"
                text = self.marked(
                    activity.text,
                    activity.footnotes,
                    MarkPlace.TEXT,
                    f"activity:{activity.code}",
                    glue="",
                )
                entries[-1].append(f"{self.code(activity.code)} {text}{stop}")
                if self.page_break("activities", activity.code) is not None:
                    entries.append([])
        if not entries[-1]:
            entries.pop()
        parts = []
        for number, part in enumerate(entries):
            if number < self.layout.activities_run_in:
                parts.append("<p>" + " ".join(part) + "</p>")
            else:
                parts.append(" ".join(f"<p>{entry}</p>" for entry in part))
        return parts

    def finance_tables(self) -> list[_Element]:
        tables: list[_Element] = []
        for line in self.period.finance:
            tables.append(_Table(columns=4, rows=self.finance_rows(line)))
        period = self.period
        total = _Table(
            columns=4,
            rows=(
                self.money_row(
                    "Funds Committed (total)",
                    period.reported_committed_total,
                    period.reported_committed_pct,
                    "finance:total:committed",
                ),
                self.money_row(
                    "Funds Disbursed (total)",
                    period.reported_disbursed_total,
                    period.reported_disbursed_pct,
                    "finance:total:disbursed",
                ),
            ),
        )
        return [*tables, total]

    def money_row(self, label: str, amount: Decimal | None, pct: Decimal | None, key: str) -> _Row:
        money = format_amount(amount) if amount is not None else ""
        return _row(label, money, "% of approved", self.pct(pct, key))

    def finance_rows(self, line: FinanceRecord) -> tuple[_Row, ...]:
        org = line.organisation
        forecast = report_date(line.forecast_final_date) if line.forecast_final_date else ""
        delay = "" if line.reported_delay_months is None else str(line.reported_delay_months)
        return (
            self.money_row(
                f"Funds Committed ({org})",
                line.committed,
                line.reported_committed_pct,
                f"finance:{org}:committed",
            ),
            self.money_row(
                f"Funds Disbursed ({org})",
                line.disbursed,
                line.reported_disbursed_pct,
                f"finance:{org}:disbursed",
            ),
            _row("Forecast final date", forecast, "Delay (months)", delay),
        )

    def beneficiaries_table(self) -> _Table:
        rows = [
            _row("Direct Beneficiaries", "Number of Beneficiaries", "% of planned (current status)")
        ]
        by_group = {b.group: b for b in self.period.beneficiaries}
        for group, label in _BENEFICIARY_LABELS.items():
            rows.append(self.beneficiary_row(label, by_group.get(group), group))
        return _Table(columns=3, rows=tuple(rows))

    def beneficiary_row(
        self, label: str, figure: BeneficiaryRecord | None, group: BeneficiaryGroup
    ) -> _Row:
        if figure is None or not figure.applicable:
            note = figure.note if figure is not None and figure.note else "n/a"
            return _row(label, note, "n/a")
        if figure.target is not None:
            label = f"{label} (Target: {int(figure.target):,})"
        actual = f"{int(figure.actual):,}" if figure.actual is not None else ""
        return _row(label, actual, self.pct(figure.reported_pct, f"beneficiary:{group.value}"))

    def quantitative_table(self) -> _Table:
        rows = [_row("Quantitative achievements against objectives and results", "Target",
                     "Actual", "% of planned")]  # fmt: skip
        for number, (jp, output) in enumerate(self.outputs()):
            progress = self.progress.get(output.code)
            pct = self.pct(progress.reported_pct if progress else None, f"output:{output.code}")
            text = self.layout.table_texts.get(output.code, output.text)
            agencies = self.agencies(output)
            if number == 0 and self.layout.first_output_quirk:
                rows.append(_row(f"Output {jp.code} / {agencies}", "", "", pct))
                first, pct = f"{output.code} {text}", ""
            elif agencies:
                first = f"Output {output.code} / {agencies} {text}"
            else:
                first = f"Output {output.code} {text}"
            rows.append(self.table_row(f"output:{output.code}", (first, "", "", pct)))
            for indicator in output.indicators:
                rows.append(self.indicator_row(indicator))
        return _Table(columns=4, rows=tuple(rows))

    def indicator_row(self, indicator: IndicatorRecord) -> _Row:
        code, marks = indicator.code, indicator.footnotes
        text = self.marked(indicator.text, marks, MarkPlace.TEXT, f"indicator:{code}", " ")
        target = self.marked(indicator.target_text, marks, MarkPlace.TARGET, code, " ")
        value = self.values.get(code)
        actual, pct = "", ""
        if value is not None:
            actual = self.marked(value.actual_text, marks, MarkPlace.ACTUAL, code, " ")
            pct = value.reported_pct_text or self.pct(value.reported_pct, "")
        return self.table_row(code, (f"{self.code(code)} {text}", target, actual, pct))

    def table_row(self, key: str, texts: tuple[str, str, str, str]) -> _Row:
        cells = tuple(_cell(text) for text in texts)
        found = self.page_break("table", key)
        if found is None:
            return _Row(cells=cells)
        if found.words is None:
            return _Row(cells=cells, break_after=True)
        first, rest = _split_words(texts[0], found.words)
        actual, actual_rest = texts[2], ""
        if " (" in actual:
            actual, actual_rest = actual.split(" (", 1)
            actual_rest = "(" + actual_rest
        parts = ((first, texts[1], actual, texts[3]), (rest, "", actual_rest, ""))
        return _Row(cells=cells, parts=parts)

    def qualitative(self) -> list[_Element]:
        elements: list[_Element] = [
            _Para("Qualitative achievements against objectives and results", "heading"),
            *self.narrative("summary", self.period.summary),
        ]
        for jp, output in self.outputs():
            text = self.layout.table_texts.get(output.code, output.text)
            elements.append(_Para(f"Output {self.heading_code(jp, output)}: {text}", "output"))
            progress = self.progress.get(output.code)
            if progress is not None:
                elements += self.narrative(f"progress:{output.code}", progress.narrative)
        elements.append(
            _Para("Main implementation constraints & challenges (2-3 sentences)", "heading")
        )
        elements += self.narrative("constraints", self.period.constraints)
        return elements


# ---------------------------------------------------------------------------------------------
# The text extract


@dataclass(frozen=True)
class _Rendered:
    text: str
    footnotes_after: dict[int, list[int]]  # element index → footnotes printed at its breaks


def _footnote_lines(number: int, text: str, layout: Layout) -> list[str]:
    printed = f"{superscript(number)} {text}"
    cut = layout.footnote_line_breaks.get(number)
    if cut is not None:
        if f" {cut}" not in printed:
            raise ValueError(f"Footnote {number}: {cut!r} is not in its text.")
        printed = printed.replace(f" {cut}", f"\n{cut}", 1)
    return printed.split("\n")


def _render_txt(elements: Sequence[_Element], record: ProjectRecord, layout: Layout) -> _Rendered:
    footnotes = {footnote.number: footnote.text for footnote in record.footnotes}
    lines = ["", ""]
    pending: list[int] = []
    seen: set[int] = set()
    after: dict[int, list[int]] = {}

    def emit(line: str) -> None:
        lines.append(line)
        for found in _MARKS.finditer(line):
            number = int(_unsuperscript(found.group()))
            if number not in seen:
                seen.add(number)
                pending.append(number)

    def page_break(index: int) -> None:
        lines.append("")
        printed = [number for number in pending if footnotes.get(number)]
        for number in printed:
            lines.extend(_footnote_lines(number, footnotes[number], layout))
        if printed:
            lines.append("")
        after.setdefault(index, []).extend(printed)
        pending.clear()

    previous_bullet = False
    for index, element in enumerate(elements):
        if isinstance(element, _Para):
            bullet = element.style == "bullet"
            if not (bullet and previous_bullet) and lines[-1] != "":
                lines.append("")
            for number, part in enumerate(element.parts or (element.text,)):
                if number:
                    page_break(index)
                emit(f"- {part}" if bullet and number == 0 else part)
            previous_bullet = bullet and not element.parts
            if element.break_after:
                page_break(index)
            continue
        if lines[-1] != "":
            lines.append("")
        for row in element.rows:
            pieces = row.parts or (tuple(_cell_text(cell) for cell in row.cells),)
            for number, piece in enumerate(pieces):
                if number:
                    page_break(index)
                emit("\t".join(piece))
            if row.break_after:
                page_break(index)
        previous_bullet = False
    if any(footnotes.get(number) for number in pending):
        page_break(len(elements) - 1)
    while lines and lines[-1] == "":
        lines.pop()
    return _Rendered(text="\n".join(lines), footnotes_after=after)


def _cell_text(cell: _Cell) -> str:
    return " ".join(cell.paragraphs) + "\t" * (cell.span - 1)


def render_txt(record: ProjectRecord, layout: Layout | None = None) -> str:
    """The text extract of the record's report, as a string (no final newline, like the seed)."""
    layout = layout or Layout()
    return _render_txt(_Builder(record, layout).build(), record, layout).text


def write_txt(record: ProjectRecord, path: Path, layout: Layout | None = None) -> None:
    """Write the text extract (UTF-8, "\\n" line ends, no final newline — as the seed)."""
    path.write_text(render_txt(record, layout), encoding="utf-8", newline="\n")


# ---------------------------------------------------------------------------------------------
# The Word document


def _add_runs(paragraph, text: str, *, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if len(piece) > 4 and piece.startswith("**") and piece.endswith("**"):
            run = paragraph.add_run(piece[2:-2])
            run.bold = True
        elif len(piece) > 2 and piece.startswith("*") and piece.endswith("*"):
            run = paragraph.add_run(piece[1:-1])
            run.italic = True
        elif piece[0] in SUPERSCRIPT_DIGITS:
            run = paragraph.add_run(_unsuperscript(piece))
            run.font.superscript = True
        else:
            run = paragraph.add_run(piece)
        if bold:
            run.bold = True


def _docx_table(document, table: _Table) -> None:  # type: ignore[no-untyped-def]
    grid = document.add_table(rows=len(table.rows), cols=table.columns)
    grid.style = "Table Grid"
    for row, spec in zip(grid.rows, table.rows, strict=True):
        column = 0
        for cell in spec.cells:
            target = row.cells[column]
            if cell.span > 1:
                target = target.merge(row.cells[column + cell.span - 1])
            for number, text in enumerate(cell.paragraphs):
                paragraph = target.paragraphs[0] if number == 0 else target.add_paragraph()
                _add_runs(paragraph, text)
            column += cell.span
        if column != table.columns:
            raise ValueError(f"A row fills {column} of {table.columns} columns.")


def _docx_footnote(document, number: int, text: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = document.add_paragraph(style=FOOTNOTE_STYLE)
    mark = paragraph.add_run(str(number))
    mark.font.superscript = True
    paragraph.add_run(f" {text}")


def _normalised_zip(data: bytes) -> bytes:
    """The same package with fixed member dates, so that regenerating gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=DOCX_DATE.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def render_docx(record: ProjectRecord, layout: Layout | None = None) -> bytes:
    """The Word form of the record's report, as the bytes of a .docx file."""
    layout = layout or Layout()
    elements = _Builder(record, layout).build()
    rendered = _render_txt(elements, record, layout)
    footnotes = {footnote.number: footnote.text for footnote in record.footnotes}
    document = docx.Document()
    properties = document.core_properties
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.title = f"{record.number} progress report {record.periods[0].quarter.code}"
    properties.created = properties.modified = properties.last_printed = DOCX_DATE
    properties.revision = 1
    style = document.styles.add_style(FOOTNOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(8)
    for index, element in enumerate(elements):
        if isinstance(element, _Para):
            paragraph = document.add_paragraph(style=DOCX_STYLES[element.style])
            _add_runs(paragraph, element.text, bold=element.style == "label")
        else:
            _docx_table(document, element)
        for number in rendered.footnotes_after.get(index, ()):
            _docx_footnote(document, number, footnotes[number])
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised_zip(buffer.getvalue())


def write_docx(record: ProjectRecord, path: Path, layout: Layout | None = None) -> None:
    """Write the Word form (see README.md, "The Word form")."""
    path.write_bytes(render_docx(record, layout))
