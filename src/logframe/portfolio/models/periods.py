"""A project's reporting quarter and everything reported in it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Status
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState
from logframe.portfolio.models.fields import choices_of, money_field, percent_field, value_field
from logframe.portfolio.models.projects import Participation, Project
from logframe.portfolio.models.results import Indicator, Result

VERSION_HELP = "Raised by every save; an edit based on an older version is refused"


class ReportingPeriod(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="periods")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=20, choices=choices_of(PeriodState), default="open")
    summary = models.TextField(blank=True, help_text="Qualitative achievements: general part")
    constraints = models.TextField(blank=True, help_text="Implementation constraints & challenges")
    procurement = models.TextField(blank=True, help_text="Procurement progress in the quarter")
    reported_committed_total = money_field("total committed as reported")
    reported_disbursed_total = money_field("total disbursed as reported")
    reported_committed_pct = percent_field("total committed % as reported")
    reported_disbursed_pct = percent_field("total disbursed % as reported")
    review_comment = models.TextField(blank=True, help_text="The reviewer's comments on return")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "quarter"], name="period_unique_per_project"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="period_quarter_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.code}"

    @property
    def code(self) -> str:
        return self.as_quarter().code

    def as_quarter(self) -> Quarter:
        return Quarter(year=self.year, number=self.quarter)


class IndicatorValue(models.Model):
    """An indicator's actual in a quarter (cumulative or per period), and what was claimed."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = value_field("value")
    male = value_field("male")
    female = value_field("female")
    status = models.CharField(max_length=20, choices=choices_of(Status), blank=True)
    estimated_pct = percent_field("estimated % complete")
    actual_text = models.CharField(max_length=300, blank=True, help_text="As printed")
    comment = models.TextField(blank=True)
    reported_pct = percent_field("% of planned as reported")
    reported_pct_text = models.CharField(max_length=40, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="File and line, or cell")
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_id", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["period", "indicator"], name="value_unique"),
            models.CheckConstraint(
                condition=models.Q(male__gte=0) | models.Q(male=None), name="value_male_not_neg"
            ),
            models.CheckConstraint(
                condition=models.Q(female__gte=0) | models.Q(female=None),
                name="value_female_not_neg",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} in {self.period}"


class IndicatorValuePart(models.Model):
    """One part of a multi-part actual, e.g. "95 (Test 1)" of "95 (Test 1) / 98 (Test 2)"."""

    indicator_value = models.ForeignKey(
        IndicatorValue, on_delete=models.CASCADE, related_name="parts"
    )
    label = models.CharField(max_length=100)
    value = models.DecimalField(max_digits=18, decimal_places=4)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_value_id", "position"]

    def __str__(self) -> str:
        return f"{self.value} ({self.label})"


class FinancialStatus(models.Model):
    """An agency's cumulative committed and disbursed funds at the end of a quarter."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="finance")
    participation = models.ForeignKey(Participation, on_delete=models.CASCADE)
    committed = money_field("committed (cumulative)")
    disbursed = money_field("disbursed (cumulative)")
    forecast_final_date = models.DateField(null=True, blank=True)
    reported_committed_pct = percent_field("committed % as reported")
    reported_disbursed_pct = percent_field("disbursed % as reported")
    reported_delay_months = models.SmallIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_id", "participation__position"]
        verbose_name_plural = "financial statuses"
        constraints = [
            models.UniqueConstraint(fields=["period", "participation"], name="finance_unique"),
            models.CheckConstraint(
                condition=models.Q(committed__gte=0) | models.Q(committed=None),
                name="finance_committed_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(disbursed__gte=0) | models.Q(disbursed=None),
                name="finance_disbursed_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation.organisation} in {self.period}"


class BeneficiaryFigure(models.Model):
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="beneficiaries"
    )
    group = models.CharField(max_length=20, choices=choices_of(BeneficiaryGroup))
    target = value_field("target")
    actual = value_field("actual")
    applicable = models.BooleanField(default=True)
    note = models.TextField(blank=True)
    reported_pct = percent_field("% of planned as reported")
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["period", "group"], name="beneficiary_group_unique")
        ]

    def __str__(self) -> str:
        return f"{self.group} in {self.period}"


class ResultProgress(models.Model):
    """Per result and quarter: the narrative of achievements and the % the report claimed."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="progress")
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="progress")
    narrative = models.TextField(blank=True, help_text="Sanitised HTML")
    reported_pct = percent_field("% of planned as reported")
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_id", "result__position"]
        verbose_name_plural = "result progress"
        constraints = [models.UniqueConstraint(fields=["period", "result"], name="progress_unique")]

    def __str__(self) -> str:
        return f"{self.result.code} in {self.period}"


class SourceCell(models.Model):
    """A cell of an imported file, exactly as it stood and where; understood or not."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="sources")
    where = models.CharField(max_length=60, help_text='e.g. "1.1.9", "UNDP", "header"')
    field = models.CharField(max_length=60, help_text='e.g. "actual", "committed_pct"')
    text = models.TextField(blank=True)
    location = models.CharField(max_length=300, help_text="File and line, or table/row/column")
    understood = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["period_id", "position"]

    def __str__(self) -> str:
        return f"{self.where} {self.field}: {self.text[:40]}"


class PeriodSnapshot(models.Model):
    """The whole project as it stood when a quarter was submitted or approved: immutable.

    ``document`` is a project file (docs/project-file.md) holding this one period, so the
    report as submitted can always be produced again and two snapshots compared.
    """

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="snapshots")
    number = models.PositiveIntegerField()
    event = models.CharField(max_length=20)  # submitted, approved, reopened
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    document = models.JSONField()
    checksum = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="SHA-256 of the document in canonical JSON, written when the snapshot is taken",
    )

    class Meta:
        ordering = ["period_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="snapshot_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.period} snapshot {self.number} ({self.event})"


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under a random name: the user's file name is kept only as data."""
    import secrets

    return f"evidence/{instance.indicator_value.period_id}/{secrets.token_hex(16)}"


class Evidence(models.Model):
    """A means of verification attached to a value: an attendance list, a decree, a photo."""

    indicator_value = models.ForeignKey(
        IndicatorValue, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=evidence_path, max_length=300)
    name = models.CharField(max_length=200, help_text="The file name as uploaded (sanitised)")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.CharField(max_length=300, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_value_id", "uploaded_at"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder e-mail sent, so the same one is not sent twice on a day."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)  # "lines-empty", "submitted"
    sent_on = models.DateField()

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "user", "kind", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.user} on {self.sent_on}"
