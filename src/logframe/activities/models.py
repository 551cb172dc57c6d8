"""The register's tables: places, groups of kinds, activities, their files, and the rules
that bind an indicator to the register. Data and invariants only; the writes are in
``services``, the reads in ``selectors``."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.domain.register.kinds import ActivityStatus, ActivityType
from logframe.portfolio import models as m

TYPE_LABELS = {
    ActivityType.TRAINING: _("Training"),
    ActivityType.WORKSHOP: _("Workshop"),
    ActivityType.STUDY_VISIT: _("Study visit"),
    ActivityType.SEMINAR: _("Seminar"),
    ActivityType.ROUNDTABLE: _("Roundtable"),
    ActivityType.LESSONS_LEARNED: _("Lessons-learned event"),
    ActivityType.CONFERENCE: _("Conference"),
    ActivityType.MEETING: _("Meeting"),
    ActivityType.SURVEY: _("Survey"),
    ActivityType.OTHER: _("Other"),
}
STATUS_LABELS = {
    ActivityStatus.PROPOSED: _("Proposed"),
    ActivityStatus.CONFIRMED: _("Confirmed"),
    ActivityStatus.REJECTED: _("Rejected"),
}
KIND_LABELS = {
    RuleKind.ACTIVITIES: _("Number of activities"),
    RuleKind.PARTICIPANTS: _("Participants (total, by sex)"),
    RuleKind.MALE: _("Male participants"),
    RuleKind.FEMALE: _("Female participants"),
    # xgettext:no-python-format
    RuleKind.SATISFIED_PCT: _("% of respondents satisfied"),
}
SCOPE_LABELS = {
    RuleScope.CUMULATIVE: _("Cumulative (since the project began)"),
    RuleScope.PERIOD: _("In the quarter"),
}
VERSION_HELP = "Raised by every save; an edit based on an older version is refused"


class Place(models.Model):
    """An administrative area: Iraq's governorates (OCHA P-codes) and areas loaded from CSV."""

    code = models.CharField(max_length=40, unique=True, help_text="P-code, e.g. IQG08")
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2, e.g. IQ")
    level = models.PositiveSmallIntegerField(default=1, help_text="1: governorate, 2: district")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    aliases = models.CharField(max_length=400, blank=True, help_text="other names, by ';'")
    iso_code = models.CharField(max_length=10, blank=True, help_text="ISO 3166-2, e.g. IQ-BG")

    class Meta:
        ordering = ["country", "level", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityGroup(models.Model):
    """A named group of kinds, such as the seed's "capacity building activity"."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    types = models.JSONField(default=list, help_text='kinds of activity, e.g. ["training"]')
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """One training, workshop, meeting or survey, registered in one quarter of a project."""

    period = models.ForeignKey(m.ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(
        m.Result, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    type = models.CharField(max_length=20, choices=list(TYPE_LABELS.items()))
    title = models.CharField(max_length=300)
    start = models.DateField()
    end = models.DateField()
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="activities"
    )
    place_text = models.CharField(
        max_length=200, blank=True, help_text="a place outside the reference data, e.g. abroad"
    )
    organisers = models.CharField(max_length=300, blank=True)
    male = models.PositiveIntegerField(null=True, blank=True)
    female = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    by_institution = models.JSONField(
        default=list, blank=True, help_text='participants by institution: [["IHEC", 20], ...]'
    )
    respondents = models.PositiveIntegerField(null=True, blank=True)
    satisfied = models.PositiveIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=list(STATUS_LABELS.items()), default=ActivityStatus.CONFIRMED.value
    )
    source = models.TextField(blank=True, help_text="the sentence it was read from")
    version = models.PositiveIntegerField(default=0, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_id", "start", "end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="activity_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%d %b %Y})"

    @property
    def key(self) -> str:
        return f"#{self.pk}"

    @property
    def place_name(self) -> str:
        return self.place.name if self.place else self.place_text


def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under a random name: the person's file name is kept only as data."""
    return f"activities/{instance.activity.period_id}/{secrets.token_hex(16)}"


class Attachment(models.Model):
    """A file about an activity: its attendance list, agenda, photos, survey forms."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
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
        ordering = ["activity_id", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


class IndicatorRule(models.Model):
    """An indicator whose value is computed from the register (its output's activities)."""

    indicator = models.OneToOneField(
        m.Indicator, on_delete=models.CASCADE, related_name="register_rule"
    )
    kind = models.CharField(max_length=20, choices=list(KIND_LABELS.items()))
    scope = models.CharField(
        max_length=20, choices=list(SCOPE_LABELS.items()), default=RuleScope.CUMULATIVE.value
    )
    group = models.ForeignKey(
        ActivityGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    types = models.JSONField(
        default=list, blank=True, help_text="kinds counted, when no group is named; [] for all"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id"]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.kind}"


class Override(models.Model):
    """A person's value for a bound indicator in a quarter, kept instead of the computed one."""

    rule = models.ForeignKey(IndicatorRule, on_delete=models.CASCADE, related_name="overrides")
    period = models.ForeignKey(m.ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["rule_id", "period_id"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "period"], name="override_once_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.rule} in {self.period}"
