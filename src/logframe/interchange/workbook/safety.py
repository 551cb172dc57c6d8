"""Refuse a file before openpyxl opens it: too large, not a workbook, or a zip bomb.

Everything here reads the file's first bytes and the zip's central directory only; no
member is inflated. (openpyxl then parses the XML with defusedxml, which refuses entity
expansion bombs.) The directory can lie about a member's size: Python's zip reader
then stops at the size it claims (and the CRC check fails), so a member never inflates
past what was checked here. The refusals are in the language active when the file is read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from logframe.domain.formatting import file_size
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook.model import WorkbookError

REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
_SIGNATURES = (
    (b"%PDF", gettext_noop("it is a PDF document")),
    (
        b"\xd0\xcf\x11\xe0",
        gettext_noop("it is an old-style Office file (.xls/.doc): save it as .xlsx"),
    ),
    (b"{\\rtf", gettext_noop("it is an RTF document")),
    (b"\x89PNG", gettext_noop("it is a PNG image")),
    (b"\xff\xd8\xff", gettext_noop("it is a JPEG image")),
)


def _not_a_workbook(why: str) -> str:
    return _("this is not an Excel workbook (.xlsx): %(why)s") % {"why": why}


@dataclass(frozen=True)
class Limits:
    """How much a template may weigh; smaller limits make the checks testable cheaply."""

    max_bytes: int = L.MAX_BYTES
    max_uncompressed: int = L.MAX_UNCOMPRESSED
    max_ratio: int = L.MAX_RATIO
    max_members: int = L.MAX_MEMBERS


def load_checked(source: Path | bytes, *, name: str, limits: Limits) -> Workbook:
    """The workbook, opened with formulas kept as formulas, once the file passed the checks."""
    data = _read_limited(source, name=name, limit=limits.max_bytes)
    archive = _zip_of(data, name=name)
    _check_directory(archive, name=name, limits=limits)
    try:
        return load_workbook(io.BytesIO(data), data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        why = _("it cannot be read (%(reason)s)") % {"reason": reason}
        raise WorkbookError(name, [_not_a_workbook(why)]) from exc


def _read_limited(source: Path | bytes, *, name: str, limit: int) -> bytes:
    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise WorkbookError(name, [_cannot_read(exc)]) from exc
    if size > limit:
        raise WorkbookError(
            name,
            [
                _(
                    "the file is %(size)s, more than the %(limit)s a template may weigh;"
                    " nothing was read"
                )
                % {"size": file_size(size), "limit": file_size(limit)}
            ],
        )
    if isinstance(source, bytes):
        return source
    try:
        with source.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise WorkbookError(name, [_cannot_read(exc)]) from exc


def _zip_of(data: bytes, *, name: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise WorkbookError(name, [_not_a_workbook(_what(data))])
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
        why = _("a damaged zip file (%(error)s)") % {"error": exc}
        raise WorkbookError(name, [_not_a_workbook(why)]) from exc


def _check_directory(archive: zipfile.ZipFile, *, name: str, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        why = _("it holds %(count)s files") % {"count": len(members)}
        raise WorkbookError(name, [_not_a_workbook(why)])
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed:
        raise WorkbookError(
            name,
            [
                _("refused as a zip bomb: its parts would unpack to %(total)s, more than %(limit)s")
                % {"total": file_size(total), "limit": file_size(limits.max_uncompressed)}
            ],
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            raise WorkbookError(
                name,
                [
                    _(
                        "refused as a zip bomb: %(member)s would inflate %(ratio)s times"
                        " (%(packed)s to %(unpacked)s)"
                    )
                    % {
                        "member": member.filename,
                        "ratio": f"{ratio:,.0f}",
                        "packed": file_size(member.compress_size),
                        "unpacked": file_size(member.file_size),
                    }
                ],
            )
    names = set(archive.namelist())
    if not all(required in names for required in REQUIRED_MEMBERS):
        why = _("it is a Word document") if "word/document.xml" in names else _("it is a zip file")
        raise WorkbookError(name, [_not_a_workbook(why)])


def _what(data: bytes) -> str:
    for signature, description in _SIGNATURES:
        if data.startswith(signature):
            return _(description)
    if not data:
        return _("the file is empty")
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return _("it is some other binary file")
    return _("it is a text file")


def _cannot_read(exc: OSError) -> str:
    return _("cannot read the file: %(error)s") % {"error": exc.strerror or exc}
