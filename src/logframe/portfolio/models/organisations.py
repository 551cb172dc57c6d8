"""Organisations (agencies, ministries, donors) and the funds they take part in."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.conventions import Conventions, RollupRule
from logframe.domain.measures import Status
from logframe.domain.records import OrganisationKind
from logframe.portfolio.models.fields import choices_of, percent_field


class Organisation(models.Model):
    code = models.CharField(max_length=40, unique=True, help_text="Short code, e.g. UNDP")
    name = models.CharField(max_length=300)
    kind = models.CharField(
        max_length=20, choices=choices_of(OrganisationKind), default=OrganisationKind.UN_AGENCY
    )
    iati_ref = models.CharField("IATI organisation ref", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Fund(models.Model):
    """A multi-partner trust fund and its reporting conventions (how figures are computed)."""

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=300)
    administrative_agent = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    currency = models.CharField(max_length=3, default="USD")
    indicator_decimals = models.PositiveSmallIntegerField(
        default=0, help_text="Decimals shown for indicator and output %"
    )
    finance_decimals = models.PositiveSmallIntegerField(
        default=1, help_text="Decimals shown for % of approved budget"
    )
    beneficiary_decimals = models.PositiveSmallIntegerField(default=0)
    cap_at_100 = models.BooleanField("cap % of planned at 100", default=True)
    rollup = models.CharField(max_length=20, choices=choices_of(RollupRule), default="mean")
    score_percentage_indicators = models.BooleanField(
        default=False,
        help_text="Give percentage indicators (e.g. % satisfied) a % of planned",
    )
    pct_not_yet_initiated = percent_field("default % for 'Not yet initiated'")
    pct_initiated = percent_field("default % for 'Initiated'")
    pct_partially = percent_field("default % for 'Partially'")
    pct_completed = percent_field("default % for 'Completed'", default=Decimal(100))
    report_due_days = models.PositiveSmallIntegerField(
        default=30, help_text="A quarter's report is due this many days after the quarter ends"
    )
    reminder_days = models.PositiveSmallIntegerField(
        default=7, help_text="Remind focal points with empty lines this many days before"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def conventions(self) -> Conventions:
        return Conventions(
            indicator_decimals=self.indicator_decimals,
            finance_decimals=self.finance_decimals,
            beneficiary_decimals=self.beneficiary_decimals,
            cap_at_100=self.cap_at_100,
            rollup=RollupRule(self.rollup),
            score_percentage_indicators=self.score_percentage_indicators,
            status_pct={
                Status.NOT_YET_INITIATED: self.pct_not_yet_initiated,
                Status.INITIATED: self.pct_initiated,
                Status.PARTIALLY: self.pct_partially,
                Status.COMPLETED: self.pct_completed,
            },
        )

    def set_conventions(self, conventions: Conventions) -> None:
        self.indicator_decimals = conventions.indicator_decimals
        self.finance_decimals = conventions.finance_decimals
        self.beneficiary_decimals = conventions.beneficiary_decimals
        self.cap_at_100 = conventions.cap_at_100
        self.rollup = conventions.rollup.value
        self.score_percentage_indicators = conventions.score_percentage_indicators
        pct = conventions.status_pct
        self.pct_not_yet_initiated = pct.get(Status.NOT_YET_INITIATED)
        self.pct_initiated = pct.get(Status.INITIATED)
        self.pct_partially = pct.get(Status.PARTIALLY)
        self.pct_completed = pct.get(Status.COMPLETED)
