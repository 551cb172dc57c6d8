"""The shapes of the manager's lines (beneficiaries, the quarter's texts), the workflow's
requests, evidence and snapshots: the rest of the API's serializers (``serializers.py``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from logframe.api.serializers import (
    Number,
    PeriodOut,
    QuarterHead,
    SnapshotOut,
    Strict,
    version_field,
)
from logframe.domain.beneficiaries import BeneficiaryGroup

# ---- beneficiaries ----------------------------------------------------------------------


class BeneficiaryPatch(Strict):
    version = version_field()
    target = Number(decimal_places=2, help_text="People planned to be reached")
    actual = Number(decimal_places=2, help_text="People reached by the end of the quarter")


class BeneficiaryOut(serializers.Serializer[Any]):
    group = serializers.ChoiceField(choices=[g.value for g in BeneficiaryGroup])
    # a field named like an attribute of Field: DRF's metaclass takes it off the class
    label = serializers.CharField()  # type: ignore[assignment]
    target = Number()
    actual = Number()
    applicable = serializers.BooleanField(help_text="false: n/a in the report")
    note = serializers.CharField()
    computed_pct = Number(
        decimal_places=None,
        max_digits=None,
        help_text="actual / target * 100, unrounded and not capped; null when there is none",
    )
    computed_pct_text = serializers.CharField(help_text='As the report prints it: "99.2 %"')
    reported_pct = Number(help_text="The % an imported report claimed")
    version = serializers.IntegerField(help_text="0 when nothing is stored yet")


class BeneficiaryList(QuarterHead):
    results = BeneficiaryOut(many=True)


# ---- the quarter's texts ------------------------------------------------------------------


def _rich(what: str) -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=50_000,
        help_text=f"{what}; rich text: only p, ul, ol, li, strong, em and links are kept",
    )


class TextsPatch(Strict):
    version = serializers.IntegerField(
        min_value=0,
        max_value=2_147_483_647,
        help_text="The quarter's version you read (GET …/texts/ or the quarter)",
    )
    summary = _rich("The general part of the qualitative achievements")
    constraints = _rich("Constraints, delays and lessons learnt")
    procurement = _rich("Progress of the procurement plan in the quarter")


class TextsOut(serializers.Serializer[Any]):
    project = serializers.CharField()
    period = serializers.CharField()
    state = serializers.CharField()
    summary = serializers.CharField(help_text="Sanitised HTML")
    constraints = serializers.CharField(help_text="Sanitised HTML")
    procurement = serializers.CharField(help_text="Sanitised HTML")
    version = serializers.IntegerField(help_text="The quarter's version")


# ---- the workflow -------------------------------------------------------------------------


class TransitionRequest(Strict):
    version = serializers.IntegerField(
        min_value=0,
        max_value=2_147_483_647,
        required=False,
        help_text="The quarter's version you read: if it moved since, 409 (optional)",
    )


class ReturnRequest(TransitionRequest):
    comment = serializers.CharField(
        max_length=5000, allow_blank=True, help_text="What must change before approval"
    )


class ReopenRequest(TransitionRequest):
    reason = serializers.CharField(
        max_length=5000, allow_blank=True, help_text="Why the approved quarter is reopened"
    )


class OpenNextRequest(Strict):
    """No fields: the next quarter is the one after the latest."""


class TransitionOut(PeriodOut):
    """The quarter after the move."""


# ---- evidence -----------------------------------------------------------------------------


class EvidenceUpload(Strict):
    file = serializers.FileField(help_text="PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT")
    description = serializers.CharField(required=False, allow_blank=True, max_length=300)


class EvidenceOut(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    indicator = serializers.CharField()
    name = serializers.CharField(help_text="The file name as uploaded, cleaned")
    content_type = serializers.CharField(help_text="What the file's content says it is")
    size = serializers.IntegerField(help_text="Bytes")
    sha256 = serializers.CharField()
    description = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    uploaded_by = serializers.CharField(allow_null=True)
    download = serializers.CharField(help_text="The address of the file (access-checked)")


class EvidenceList(QuarterHead):
    indicator = serializers.CharField()
    results = EvidenceOut(many=True)


# ---- snapshots ----------------------------------------------------------------------------


class SnapshotList(QuarterHead):
    results = SnapshotOut(many=True)
