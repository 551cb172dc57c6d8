"""Adding, editing, confirming and rejecting activities; attaching their files.

The same rights as an indicator's values: an activity under an output is for the agencies
that hold the output (and the manager); one without an output is the manager's. The
quarter must be open; a save names the version it was based on. After each change the
indicators bound to the output's register are written again (``computed``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from logframe.accounts.access import ProjectAccess, project_access, require_editable
from logframe.activities import models as a
from logframe.activities.services.computed import computed_values_write
from logframe.domain.register.kinds import ActivityStatus, ActivityType
from logframe.portfolio import models as m
from logframe.textclean import strip_bidi_controls
from logframe.workflow.errors import EntryError
from logframe.workflow.evidence import ACCEPTED, clean_file_name, sniff
from logframe.workflow.locking import locked_row, save_audited

WEB = "entered on the web"


@dataclass(frozen=True)
class ActivityInput:
    """An activity as a person enters it (already parsed: dates are dates, counts ints)."""

    type: ActivityType
    title: str
    start: date
    end: date
    output: m.Result | None = None
    place: a.Place | None = None
    place_text: str = ""
    organisers: str = ""
    male: int | None = None
    female: int | None = None
    total: int | None = None
    by_institution: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    respondents: int | None = None
    satisfied: int | None = None
    notes: str = ""


def _access(actor: Any, period: m.ReportingPeriod, access: ProjectAccess | None) -> ProjectAccess:
    return access if access is not None else project_access(user=actor, project=period.project)


def require_register_right(access: ProjectAccess, output: m.Result | None) -> None:
    if output is None:
        if not access.can_edit_period_texts:
            raise PermissionDenied(_("only the project manager registers activities of no output"))
    elif not access.can_edit_result(output.pk):
        raise PermissionDenied(
            _("you may not register activities of output %(code)s") % {"code": output.code}
        )


def check_input(data: ActivityInput, *, period: m.ReportingPeriod) -> None:
    """EntryError with a message per field for what cannot be saved."""
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("give the activity a title")
    if data.end < data.start:
        errors["end"] = _("the end date is before the start date")
    if data.output is not None and data.output.project_id != period.project_id:
        errors["output"] = _("this output is not one of the project's")
    for name in ("male", "female", "total", "respondents", "satisfied"):
        number = getattr(data, name)
        if number is not None and number < 0:
            errors[name] = _("a number of people cannot be negative")
    if any(n < 0 for _name, n in data.by_institution):
        errors["by_institution"] = _("a number of people cannot be negative")
    split = (data.male or 0) + (data.female or 0)
    if data.total is not None and "total" not in errors and split > data.total:
        errors["male"] = _(
            "male + female = %(split)s is more than the total %(total)s: correct the total "
            "or the split"
        ) % {"split": split, "total": data.total}
    if (data.satisfied or 0) > (data.respondents or 0) and "satisfied" not in errors:
        errors["satisfied"] = _("more people satisfied than answered the survey")
    if errors:
        raise EntryError(errors)


def _fill(row: a.Activity, data: ActivityInput) -> None:
    row.type, row.title = data.type.value, " ".join(strip_bidi_controls(data.title).split())
    row.start, row.end, row.output = data.start, data.end, data.output
    row.place, row.place_text = data.place, strip_bidi_controls(data.place_text).strip()
    row.organisers = strip_bidi_controls(data.organisers).strip()
    row.notes = strip_bidi_controls(data.notes).strip()
    row.male, row.female, row.respondents, row.satisfied = (
        data.male, data.female, data.respondents, data.satisfied
    )  # fmt: skip
    has_split = data.male is not None or data.female is not None
    row.total = data.total if data.total is not None or not has_split else split_total(data)
    row.by_institution = [[name, n] for name, n in data.by_institution]


def split_total(data: ActivityInput) -> int:
    return (data.male or 0) + (data.female or 0)


@transaction.atomic
def activity_create(
    *,
    period: m.ReportingPeriod,
    data: ActivityInput,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> a.Activity:
    """Register an activity (confirmed: a person entered it) in the quarter."""
    rights = _access(actor, period, access)
    require_register_right(rights, data.output)
    require_editable(period)
    check_input(data, period=period)
    row = a.Activity(period=period, status=ActivityStatus.CONFIRMED.value)
    _fill(row, data)
    save_audited(row, actor=actor, reason=reason)
    computed_values_write(period=period, outputs={data.output}, actor=actor, access=rights)
    return row


@transaction.atomic
def activity_update(
    *,
    activity: a.Activity,
    data: ActivityInput,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> a.Activity:
    """Change an activity; refused when foreign, locked or edited by someone meanwhile."""
    period = activity.period
    rights = _access(actor, period, access)
    require_register_right(rights, activity.output)
    require_register_right(rights, data.output)
    require_editable(period)
    check_input(data, period=period)
    row = locked_row(a.Activity, key={"pk": activity.pk}, expected_version=expected_version)
    assert row is not None
    before = row.output
    _fill(row, data)
    save_audited(row, actor=actor, reason=reason)
    computed_values_write(period=period, outputs={before, data.output}, actor=actor, access=rights)
    return row


@transaction.atomic
def activity_decide(
    *,
    activity: a.Activity,
    status: ActivityStatus,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> a.Activity:
    """Confirm or reject an activity (a proposed one, usually); computed values follow."""
    period = activity.period
    rights = _access(actor, period, access)
    require_register_right(rights, activity.output)
    require_editable(period)
    row = locked_row(a.Activity, key={"pk": activity.pk}, expected_version=expected_version)
    assert row is not None
    if status == ActivityStatus.PROPOSED:
        raise EntryError({"status": _("an activity is confirmed or rejected, not proposed")})
    row.status = status.value
    verb = "confirmed" if status == ActivityStatus.CONFIRMED else "rejected"
    save_audited(row, actor=actor, reason=f"{verb}: {reason}")
    computed_values_write(period=period, outputs={row.output}, actor=actor, access=rights)
    return row


@transaction.atomic
def attachment_add(
    *,
    activity: a.Activity,
    upload: UploadedFile,
    description: str,
    actor: Any,
    access: ProjectAccess | None = None,
) -> a.Attachment:
    """Attach a file (attendance list, agenda…), checked like evidence: by its content."""
    period = activity.period
    require_register_right(_access(actor, period, access), activity.output)
    require_editable(period)
    size, limit = upload.size or 0, int(settings.EVIDENCE_MAX_BYTES)
    if size == 0:
        raise EntryError({"file": _("the file is empty")})
    if size > limit:
        raise EntryError({"file": _("the file is larger than %(mb)s MB") % {"mb": limit // 2**20}})
    kind = sniff(upload, name=upload.name or "")
    if kind is None:
        raise EntryError(
            {"file": _("this kind of file is not accepted; accepted: %(k)s") % {"k": ACCEPTED}}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    row = a.Attachment(
        activity=activity,
        name=clean_file_name(upload.name or "", kind=kind),
        content_type=kind.content_type,
        size=size,
        sha256=digest.hexdigest(),
        description=" ".join(description.split())[:300],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    row.file.save("attachment", upload, save=False)
    try:
        row._history_user = actor  # type: ignore[attr-defined]
        row._change_reason = f"file for activity {activity.key}"  # type: ignore[attr-defined]
        row.save()
    except Exception:
        row.file.delete(save=False)
        raise
    return row
