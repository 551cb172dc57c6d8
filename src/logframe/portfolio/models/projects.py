"""A project of a fund, the organisations taking part, its procurement plan and footnotes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.records import (
    BudgetStatus,
    BudgetType,
    ProjectStatus,
    Role,
    TransactionType,
)
from logframe.portfolio.models.fields import choices_of, money_field
from logframe.portfolio.models.organisations import Fund, Organisation


class Project(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="projects")
    number = models.CharField(max_length=40, help_text="The fund's project number, e.g. G11-23")
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, help_text="Sanitised HTML")
    sector = models.CharField(max_length=200, blank=True)
    sector_code = models.CharField("DAC sector code", max_length=5, blank=True)
    thematic_group = models.CharField(max_length=200, blank=True, help_text="e.g. the PWG")
    line_ministry = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    location = models.CharField(max_length=500, blank=True)
    approval_date = models.DateField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    planned_end_date = models.DateField(null=True, blank=True)
    revised_end_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=choices_of(ProjectStatus), default=ProjectStatus.ONGOING
    )
    development_goal = models.TextField(blank=True)
    undaf_outcome = models.TextField("UNDAF outcome", blank=True)
    immediate_objective = models.TextField(blank=True)
    reported_total_budget = money_field("total budget as reported")
    reported_duration_months = models.PositiveSmallIntegerField(null=True, blank=True)
    iati_identifier = models.CharField(
        "IATI identifier", max_length=200, blank=True, help_text="As published, when imported"
    )
    recipient_country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, e.g. IQ"
    )
    organisations: models.ManyToManyField[Organisation, Participation] = models.ManyToManyField(
        Organisation, through="Participation", related_name="projects"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund__code", "number"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "number"], name="project_number_unique_in_fund")
        ]

    def __str__(self) -> str:
        return self.number


class Participation(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    role = models.CharField(max_length=30, choices=choices_of(Role), default=Role.PARTICIPATING)
    approved_budget = money_field("approved budget")
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="participation_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(approved_budget__gte=0) | models.Q(approved_budget=None),
                name="participation_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.organisation} ({self.role})"


class ProcurementItem(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="procurement_plan")
    text = models.CharField(max_length=500)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["project_id", "position"]

    def __str__(self) -> str:
        return self.text


class Footnote(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="footnote_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} footnote {self.number}"


class Budget(models.Model):
    """A budget for a span of at most a year, as an IATI file published it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    type = models.CharField(
        max_length=20, choices=choices_of(BudgetType), default=BudgetType.ORIGINAL
    )
    status = models.CharField(
        max_length=20, choices=choices_of(BudgetStatus), default=BudgetStatus.INDICATIVE
    )
    period_start = models.DateField()
    period_end = models.DateField()
    value = money_field("value")
    currency = models.CharField(max_length=3, blank=True, help_text="Blank: the fund's")
    value_date = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="budget_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} budget {self.period_start} to {self.period_end}"


class Transaction(models.Model):
    """One financial flow on a date (commitment, disbursement, …), as IATI publishes it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transactions")
    type = models.CharField(max_length=30, choices=choices_of(TransactionType))
    transaction_date = models.DateField()
    value = money_field("value")
    currency = models.CharField(max_length=3, blank=True, help_text="Blank: the fund's")
    value_date = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    provider_ref = models.CharField(max_length=200, blank=True)
    provider_name = models.CharField(max_length=500, blank=True)
    receiver_ref = models.CharField(max_length=200, blank=True)
    receiver_name = models.CharField(max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "position"]

    def __str__(self) -> str:
        return f"{self.project} {self.type} {self.transaction_date}"
