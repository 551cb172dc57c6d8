"""Evidence (means of verification) attached to an indicator's value in a quarter.

A file is accepted by what its first bytes say it is — PDF, PNG, JPEG, DOCX, XLSX, or
plain text (CSV, TXT) — never by its extension or the browser's content type. It is
stored under a random name (``Evidence.file``'s ``upload_to``); the person's file name
is kept, cleaned, only as data, and served back as an attachment.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from logframe.accounts.access import ProjectAccess, project_access, require_editable
from logframe.portfolio import models as m
from logframe.textclean import strip_bidi_controls
from logframe.workflow.errors import EntryError
from logframe.workflow.rights import require_evidence_right

SNIFF_BYTES = 8192
NAME_MAX = 120


@dataclass(frozen=True)
class FileKind:
    """A kind of file evidence may be: its content type and the extensions it goes by."""

    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileKind("PDF", "application/pdf", (".pdf",))
PNG = FileKind("PNG", "image/png", (".png",))
JPEG = FileKind("JPEG", "image/jpeg", (".jpg", ".jpeg"))
DOCX = FileKind(
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileKind(
    "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
CSV = FileKind("CSV", "text/csv", (".csv",))
TXT = FileKind("TXT", "text/plain", (".txt",))
KINDS = (PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT)
ACCEPTED = ", ".join(kind.label for kind in KINDS)


@transaction.atomic
def evidence_attach(
    *,
    period: m.ReportingPeriod,
    indicator: m.Indicator,
    upload: UploadedFile,
    description: str,
    actor: Any,
    access: ProjectAccess | None = None,
    channel: str = "",
) -> m.Evidence:
    """Attach a file to the indicator's value of the quarter, with the checks of a value.

    Refused (PermissionDenied) for someone who may not enter the indicator's values or
    when the quarter is locked; refused (EntryError on ``file``) when the file is empty,
    too large, of a kind not accepted, or when the indicator has no value yet.
    """
    rights = access if access is not None else project_access(user=actor, project=period.project)
    require_evidence_right(rights, indicator, remove=False)
    require_editable(period)
    value = m.IndicatorValue.objects.filter(period=period, indicator=indicator).first()
    if value is None:
        raise EntryError(
            {
                "file": _("save a value for %(code)s before attaching evidence")
                % {"code": indicator.code}
            }
        )
    kind = _check_file(upload)
    evidence = m.Evidence(
        indicator_value=value,
        name=clean_file_name(upload.name or "", kind=kind),
        content_type=kind.content_type,
        size=upload.size or 0,
        sha256=_sha256(upload),
        description=" ".join(strip_bidi_controls(description).split())[:300],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    upload.seek(0)
    evidence.file.save("evidence", upload, save=False)
    try:
        evidence._history_user = actor  # type: ignore[attr-defined]
        evidence._change_reason = _reason(f"evidence for {indicator.code}", channel)  # type: ignore[attr-defined]
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence


@transaction.atomic
def evidence_remove(
    *, evidence: m.Evidence, actor: Any, access: ProjectAccess | None = None, channel: str = ""
) -> None:
    """Take a file off a value, with the same rights as attaching one (open quarter, the
    person may enter the indicator's values). The deletion is in the history with who;
    the stored file is kept, so what was removed can still be found by an administrator."""
    value = evidence.indicator_value
    period = value.period
    indicator = value.indicator
    rights = access if access is not None else project_access(user=actor, project=period.project)
    require_evidence_right(rights, indicator, remove=True)
    require_editable(period)
    evidence._history_user = actor  # type: ignore[attr-defined]
    evidence._change_reason = _reason(f"evidence removed from {indicator.code}", channel)  # type: ignore[attr-defined]
    evidence.delete()


def _reason(what: str, channel: str) -> str:
    """The history's reason: what happened, and the channel when it is not the web."""
    return f"{what} ({channel})" if channel else what


def _check_file(upload: UploadedFile) -> FileKind:
    size = upload.size or 0
    limit: int = settings.EVIDENCE_MAX_BYTES
    if size == 0:
        raise EntryError({"file": _("the file is empty")})
    if size > limit:
        raise EntryError(
            {
                "file": _("the file is %(size)s; evidence may be at most %(limit)s")
                % {"size": _megabytes(size), "limit": _megabytes(limit)}
            }
        )
    kind = sniff(upload, name=upload.name or "")
    if kind is None:
        raise EntryError(
            {
                "file": _("this kind of file is not accepted; accepted: %(kinds)s")
                % {"kinds": ACCEPTED}
            }
        )
    return kind


def sniff(upload: Any, *, name: str = "") -> FileKind | None:
    """The kind of file by its content (``upload`` is a readable, seekable file), or None.

    The name only tells CSV from TXT once the content is known to be text.
    """
    upload.seek(0)
    head: bytes = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office(upload)
    if _is_text(head):
        return CSV if name.lower().endswith(".csv") else TXT
    return None


def _office(upload: Any) -> FileKind | None:
    """A ZIP is a DOCX or an XLSX when it holds the main part of one; anything else is not."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _is_text(head: bytes) -> bool:
    """UTF-8 (a character cut at the end of the sample is fine) without control characters."""
    text = head.decode("utf-8", errors="ignore")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:
            return False
    return bool(text.strip()) and not _CONTROL.search(text)


_UNSAFE_NAME = re.compile(r"[^\w .()+,-]+")


def clean_file_name(name: str, *, kind: FileKind) -> str:
    """The file name to show and to offer on download: no folders, no control or markup
    characters, at most 120 characters, ending in the extension of what the file is.

    ``..\\..\\attendance "list"?.PDF`` (a PDF) → ``attendance _list.pdf``; the same
    name for a PNG → ``attendance _list.png``.
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = _UNSAFE_NAME.sub("_", stem).strip(" ._") or "evidence"
    suffix = f".{extension.lower()}"
    if suffix not in kind.extensions:
        suffix = kind.extensions[0]
    return stem[: NAME_MAX - len(suffix)] + suffix


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _megabytes(size: int) -> str:
    return str(filesizeformat(size)).replace("\xa0", " ")
