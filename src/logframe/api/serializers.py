"""What the API reads and answers: one serializer per shape, so the OpenAPI schema is the code.

Decimals travel as strings ("498", "13947279.5"): exact, as in the project file and the
findings. A request may give them as JSON numbers too.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from logframe.domain.measures import Measure, Status, TargetKind
from logframe.domain.records import Disaggregation, PeriodState, ResultLevel

MAX_VERSION = 2_147_483_647  # the column's range on PostgreSQL


class Number(serializers.DecimalField):
    """A decimal: a JSON number or a string in, a string without trailing zeros out."""

    def __init__(
        self, *, decimal_places: int | None = 4, max_digits: int | None = 18, **kwargs: Any
    ) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")


def Money(**kwargs: Any) -> Number:
    return Number(decimal_places=2, **kwargs)


def Percent(**kwargs: Any) -> Number:
    return Number(max_digits=9, **kwargs)


def _choices(enum: Any) -> list[str]:
    return [member.value for member in enum]


# ---- requests ---------------------------------------------------------------------------


class Strict(serializers.Serializer[Any]):
    """A request body: an object whose every key is a field of this serializer."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                known = ", ".join(self.fields)
                raise serializers.ValidationError(
                    dict.fromkeys(unknown, f"unknown field (the fields are: {known})")
                )
        return super().to_internal_value(data)


def version_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=0,
        max_value=MAX_VERSION,
        help_text="The version you read: a save based on an older one gets 409",
    )


class ValuePatch(Strict):
    """The fields given change; the others keep their stored value. ``version`` is required."""

    version = version_field()
    value = Number(help_text="The actual (a count, or a % for percentage indicators)")
    male = Number(help_text="Only for indicators split by sex")
    female = Number(help_text="Only for indicators split by sex")
    status = serializers.ChoiceField(
        choices=_choices(Status),
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="Only for milestone indicators",
    )
    estimated_pct = Percent(help_text="Estimated % complete; only for milestone indicators")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class FinancePatch(Strict):
    version = version_field()
    committed = Money(help_text="Cumulative committed funds at the end of the quarter")
    disbursed = Money(help_text="Cumulative disbursed funds at the end of the quarter")
    forecast_final_date = serializers.DateField(required=False, allow_null=True)


class NarrativePatch(Strict):
    version = version_field()
    narrative = serializers.CharField(
        allow_blank=True,
        max_length=20_000,
        help_text="Rich text: only p, ul, ol, li, strong, em and links are kept",
    )


class TokenRequest(serializers.Serializer[Any]):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})


class TokenAnswer(serializers.Serializer[Any]):
    token = serializers.CharField()


# ---- answers: projects ----------------------------------------------------------------


class ProjectSummary(serializers.Serializer[Any]):
    number = serializers.CharField()
    fund = serializers.CharField(source="fund.code")
    title = serializers.CharField()
    sector = serializers.CharField()
    sector_code = serializers.CharField()
    thematic_group = serializers.CharField()
    status = serializers.CharField()
    lead = serializers.CharField(source="lead_code", allow_null=True)
    budget = Money(help_text="The sum of the agencies' approved budgets")
    latest_period = serializers.CharField(allow_null=True)
    latest_state = serializers.CharField(
        allow_null=True, help_text="open, submitted, returned, approved"
    )


class TargetOut(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=_choices(TargetKind))
    value = Number()
    milestone = serializers.CharField()
    note = serializers.CharField()


class IndicatorOut(serializers.Serializer[Any]):
    code = serializers.CharField()
    text = serializers.CharField()
    measure = serializers.ChoiceField(choices=_choices(Measure))
    unit = serializers.CharField()
    disaggregation = serializers.ChoiceField(choices=_choices(Disaggregation))
    baseline = Number()
    baseline_text = serializers.CharField()
    target = TargetOut()
    target_text = serializers.CharField(help_text="The target as the report printed it")
    cumulative = serializers.BooleanField()


class ResultOut(serializers.Serializer[Any]):
    code = serializers.CharField()
    level = serializers.ChoiceField(choices=_choices(ResultLevel))
    text = serializers.CharField()
    lead = serializers.CharField(help_text="The responsible agency's code")
    partners = serializers.ListField(child=serializers.CharField())
    indicators = IndicatorOut(many=True)


class OutputOut(ResultOut):
    """An output under a JP output: the tree is two levels deep."""


class JointOutputOut(ResultOut):
    children = OutputOut(many=True, help_text="The outputs under this JP output")


class ParticipationOut(serializers.Serializer[Any]):
    organisation = serializers.CharField()
    role = serializers.CharField()
    approved_budget = Money()


class PeriodBrief(serializers.Serializer[Any]):
    period = serializers.CharField(source="quarter.code")
    state = serializers.ChoiceField(choices=_choices(PeriodState))


class ProjectDetail(serializers.Serializer[Any]):
    number = serializers.CharField()
    fund = serializers.CharField(source="fund.code")
    fund_name = serializers.CharField(source="fund.name")
    currency = serializers.CharField(source="fund.currency")
    title = serializers.CharField()
    description = serializers.CharField(help_text="Sanitised HTML")
    sector = serializers.CharField()
    sector_code = serializers.CharField()
    thematic_group = serializers.CharField()
    line_ministry = serializers.CharField()
    location = serializers.CharField()
    approval_date = serializers.DateField(allow_null=True)
    start_date = serializers.DateField(allow_null=True)
    planned_end_date = serializers.DateField(allow_null=True)
    revised_end_date = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    development_goal = serializers.CharField()
    undaf_outcome = serializers.CharField()
    immediate_objective = serializers.CharField()
    participations = ParticipationOut(many=True)
    results = JointOutputOut(many=True, help_text="JP outputs → outputs → indicators")
    periods = PeriodBrief(many=True)


# ---- answers: a quarter ---------------------------------------------------------------


class SnapshotOut(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    event = serializers.CharField()
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField(allow_null=True)
    note = serializers.CharField()


class PeriodOut(serializers.Serializer[Any]):
    period = serializers.CharField(source="code")
    # a field named like an attribute of Field: DRF's metaclass takes it off the class
    label = serializers.CharField()  # type: ignore[assignment]
    state = serializers.ChoiceField(choices=_choices(PeriodState))
    version = serializers.IntegerField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    submitted_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    approved_by = serializers.CharField(allow_null=True)
    review_comment = serializers.CharField()
    snapshots = SnapshotOut(many=True, help_text="The quarter as submitted or approved")


class ValueOut(serializers.Serializer[Any]):
    indicator = serializers.CharField()
    output = serializers.CharField()
    text = serializers.CharField()
    measure = serializers.ChoiceField(choices=_choices(Measure))
    disaggregation = serializers.ChoiceField(choices=_choices(Disaggregation))
    target = serializers.CharField(help_text='The target as shown: "19", "80 %", "Yes"')
    value = Number()
    male = Number()
    female = Number()
    status = serializers.CharField(allow_null=True)
    estimated_pct = Percent()
    comment = serializers.CharField()
    actual_text = serializers.CharField(help_text="The actual as shown in the report")
    computed_pct = Number(
        decimal_places=None,
        max_digits=None,
        help_text="% of planned by the fund's rules, unrounded; null when there is none",
    )
    computed_pct_text = serializers.CharField(help_text='Rounded as in the report: "41.9 %"')
    reported_pct = Percent(help_text="The % an imported report claimed")
    version = serializers.IntegerField(help_text="0 when nothing is stored yet")


class FindingOut(serializers.Serializer[Any]):
    rule = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning", "info"])
    where = serializers.CharField()
    message = serializers.CharField()
    computed = serializers.CharField(allow_null=True)
    reported = serializers.CharField(allow_null=True)
    source = serializers.CharField()  # type: ignore[assignment]  # a field, as ``label`` above


class FinanceOut(serializers.Serializer[Any]):
    organisation = serializers.CharField()
    role = serializers.CharField()
    approved_budget = Money()
    committed = Money()
    disbursed = Money()
    forecast_final_date = serializers.DateField(allow_null=True)
    committed_pct_text = serializers.CharField(help_text="Committed % of the budget, rounded")
    disbursed_pct_text = serializers.CharField(help_text="Disbursed % of the budget, rounded")
    version = serializers.IntegerField()


class NarrativeOut(serializers.Serializer[Any]):
    output = serializers.CharField()
    text = serializers.CharField()
    narrative = serializers.CharField(help_text="Sanitised HTML")
    version = serializers.IntegerField()


class PageLinks(serializers.Serializer[Any]):
    """A page of a list (``?page=``, ``?page_size=``): how many in all, and the links."""

    count = serializers.IntegerField(help_text="How many in the whole list")
    next = serializers.URLField(allow_null=True, help_text="The next page; null on the last")
    previous = serializers.URLField(allow_null=True, help_text="null on the first page")


class QuarterHead(PageLinks):
    """A page of a list under a quarter: which quarter, then the page."""

    project = serializers.CharField()
    fund = serializers.CharField()
    period = serializers.CharField()
    state = serializers.ChoiceField(choices=_choices(PeriodState))


class ValueList(QuarterHead):
    results = ValueOut(many=True)


class FindingList(QuarterHead):
    results = FindingOut(many=True)


class FinanceList(QuarterHead):
    results = FinanceOut(many=True)


class NarrativeList(QuarterHead):
    results = NarrativeOut(many=True)


class PeriodList(PageLinks):
    results = PeriodOut(many=True)


class ErrorDetail(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="not_found, invalid, stale_version, quarter_locked…")
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.CharField())  # type: ignore[assignment]


class ErrorOut(serializers.Serializer[Any]):
    error = ErrorDetail()
