"""A project of a fund, the organisations taking part, its procurement plan and footnotes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.records import ProjectStatus, Role
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
        ordering = ["project", "position"]
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
        ordering = ["project", "position"]

    def __str__(self) -> str:
        return self.text


class Footnote(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="footnote_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} footnote {self.number}"
