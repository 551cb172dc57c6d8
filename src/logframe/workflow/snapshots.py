"""Immutable snapshots of a quarter: the project file of the project with that one period.

Each snapshot stores the SHA-256 of its document (``document_checksum``) when it is taken;
``logframe verify`` recomputes it, and database triggers (migration 0009) refuse an UPDATE
of a snapshot's document, checksum, quarter, number or event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from django.db.models import Max

from logframe.interchange.projectfile import project_document
from logframe.portfolio import models as m
from logframe.portfolio.selectors import project_record


def canonical_json(document: Any) -> str:
    """The document as canonical JSON: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_checksum(document: Any) -> str:
    """SHA-256 (hex) of the document's canonical JSON in UTF-8."""
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def snapshot_take(
    *, period: m.ReportingPeriod, event: str, actor: Any, note: str = ""
) -> m.PeriodSnapshot:
    """Keep the project as it stands, with only this quarter, as a project-file document,
    with its checksum."""
    record = project_record(project=period.project)
    quarter = period.as_quarter()
    kept = replace(record, periods=tuple(p for p in record.periods if p.quarter == quarter))
    # The document as the database gives it back (a JSON round trip), so the checksum
    # recomputed from the stored document is this one on SQLite and PostgreSQL alike.
    document = json.loads(canonical_json(project_document(kept)))
    last = period.snapshots.aggregate(n=Max("number"))["n"] or 0
    return m.PeriodSnapshot.objects.create(
        period=period,
        number=last + 1,
        event=event,
        created_by=actor if getattr(actor, "pk", None) else None,
        note=note,
        document=document,
        checksum=document_checksum(document),
    )
