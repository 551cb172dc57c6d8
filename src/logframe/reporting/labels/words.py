"""The shape of the report's words in one language: ``Labels``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from logframe.domain.periods import Quarter

Lang = Literal["en", "ar", "ckb"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DASH = "\u2013"
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Labels:
    lang: Lang
    rtl: bool
    months: tuple[str, ...]
    quarters: tuple[str, str, str, str]  # "1st Quarter" … "4th Quarter"
    report_title: str
    states: dict[str, str]  # open/submitted/returned → "Draft", …
    statuses: dict[str, str]  # "Initiated" (the domain's status word) → translated
    groups: dict[str, str]  # BeneficiaryGroup value → "Men", …
    jp_output: str
    output: str
    lead_agency: str
    project_number: str
    period_updated: str
    participants: str
    thematic_group: str
    sector: str
    line_ministry: str
    title: str
    location: str
    project_cost: str
    total_budget: str
    duration: str
    months_unit: str
    key_dates: str
    approval: str
    start: str
    completion: str
    revised_completion: str
    description: str
    goal_section: str
    development_goal: str
    undaf: str
    immediate_objective: str
    outputs_section: str
    outputs: str
    activities: str
    procurement: str
    procurement_plan: str
    procurement_progress: str
    none_recorded: str
    finance_section: str
    organisation: str
    approved: str  # "Approved ({currency})"
    committed: str
    disbursed: str
    amount: str  # "Amount ({currency})"
    pct_of_approved: str
    forecast_final_date: str
    delay_months: str
    total: str
    beneficiaries_section: str
    beneficiaries_number: str
    pct_of_planned_status: str
    target_of: str  # "{group} (Target: {target})"
    quantitative_section: str
    quantitative_column: str
    target: str
    actual: str
    pct_of_planned: str
    male: str
    female: str
    qualitative_section: str
    constraints_section: str
    no_constraints: str
    nothing_reported: str
    notes_section: str
    no_text: str
    evidence_section: str
    indicator: str
    document: str
    evidence_description: str
    kind: str
    size: str
    findings_section: str
    no_findings: str
    findings_summary: str  # "{total} … {errors} … {warnings} … {notes}"
    severity: str
    where: str
    finding: str
    severities: dict[str, str]
    source: str
    reported: str  # "reported"
    differs: str
    legend: str
    colophon: str  # "{number}, {period}"
    page: str  # "Page {page} of {pages}" (CSS counters / Word fields fill them)
    page_of: str
    charts_section: str
    chart_progress: str
    chart_progress_axis: str
    chart_finance: str
    chart_finance_axis: str
    chart_time: str
    chart_time_axis: str
    time_elapsed: str
    approved_budget: str
    no_figures: str
    code: str
    value: str
    status: str
    computed_pct: str
    reported_pct: str
    sheet_indicators: str
    sheet_finance: str
    sheet_beneficiaries: str
    group: str
    note: str
    reported_amount: str
    not_available: str  # "n/a"
    lead: str  # "UNDP (lead), UNOPS"

    def month(self, number: int) -> str:
        return self.months[number - 1]

    def period(self, quarter: Quarter) -> str:
        """ "01 January - 31 March 2013 - 1st Quarter 2013" in this language (en dashes)."""
        start, end = quarter.start, quarter.end
        first = f"{start.day:02d} {self.month(start.month)}"
        last = f"{end.day:02d} {self.month(end.month)} {end.year}"
        return f"{first} {DASH} {last} {DASH} {self.quarters[quarter.number - 1]} {quarter.year}"

    def date(self, text: str) -> str:
        """A date the model wrote in English ("29 September 2010") in this language."""
        parts = text.split(" ")
        if len(parts) != 3 or parts[1] not in ENGLISH_MONTHS:
            return text
        return f"{parts[0]} {self.month(ENGLISH_MONTHS.index(parts[1]) + 1)} {parts[2]}"

    def result(self, *, jp: bool, code: str) -> str:
        return f"{self.jp_output if jp else self.output} {code}"

    def status_word(self, word: str) -> str:
        """A status or milestone word the model wrote in English, or "n/a", in this language."""
        if word == "n/a":  # the domain's NOT_AVAILABLE
            return self.not_available
        return self.statuses.get(word, word)
