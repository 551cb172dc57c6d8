"""The result tree (JP outputs → outputs), key activities and indicators with their targets."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.measures import Measure, TargetKind
from logframe.domain.records import Disaggregation, MarkPlace, ResultLevel
from logframe.portfolio.models.fields import choices_of, value_field
from logframe.portfolio.models.organisations import Organisation
from logframe.portfolio.models.projects import Footnote, Project


class Result(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    level = models.CharField(max_length=20, choices=choices_of(ResultLevel))
    code = models.CharField(max_length=20, help_text='e.g. "1" or "1.1"')
    text = models.TextField()
    lead = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partners = models.ManyToManyField(Organisation, blank=True, related_name="+")
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        ordering = ["project_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="result_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Activity(models.Model):
    """A key activity planned under an output (the report's "Activities" list)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(max_length=20)
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result_id", "position"]
        verbose_name_plural = "activities"
        constraints = [
            models.UniqueConstraint(fields=["result", "code"], name="activity_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Indicator(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=20, help_text='e.g. "1.1.8"')
    text = models.TextField()
    measure = models.CharField(max_length=20, choices=choices_of(Measure))
    unit = models.CharField(max_length=60, blank=True)
    disaggregation = models.CharField(
        max_length=20, choices=choices_of(Disaggregation), default=Disaggregation.NONE
    )
    baseline = value_field("baseline")
    baseline_text = models.CharField(max_length=200, blank=True)
    target_kind = models.CharField(max_length=20, choices=choices_of(TargetKind))
    target_value = value_field("target")
    target_milestone = models.CharField(
        max_length=60, blank=True, help_text='Milestone target word, e.g. "Yes" or "All"'
    )
    target_note = models.CharField(max_length=300, blank=True, help_text='e.g. "by IHEC"')
    target_text = models.CharField(max_length=300, blank=True, help_text="As printed")
    cumulative = models.BooleanField(default=True)
    published = models.JSONField(
        default=dict,
        blank=True,
        help_text="Baselines and result periods as an IATI file published them",
    )
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["result", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(target_kind="number") | models.Q(target_value__isnull=False),
                name="indicator_number_target_has_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class FootnoteMark(models.Model):
    """A footnote referenced after an indicator's text, target or actual, or an activity."""

    footnote = models.ForeignKey(Footnote, on_delete=models.CASCADE, related_name="marks")
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="footnote_marks"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="footnote_marks"
    )
    place = models.CharField(max_length=10, choices=choices_of(MarkPlace), default=MarkPlace.TEXT)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indicator__isnull=True) ^ models.Q(activity__isnull=True),
                name="footnote_mark_on_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"mark {self.footnote.number}"
