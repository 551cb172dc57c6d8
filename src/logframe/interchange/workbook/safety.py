"""Refuse a file before openpyxl opens it: too large, not a workbook, or a zip bomb.

Everything here reads the file's first bytes and the zip's central directory only; no
member is inflated. (openpyxl then parses the XML with defusedxml, which refuses entity
expansion bombs.) The directory can lie about a member's size: Python's zip reader
then stops at the size it claims (and the CRC check fails), so a member never inflates
past what was checked here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from logframe.domain.formatting import file_size
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook.model import WorkbookError

REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
NOT_A_WORKBOOK = "this is not an Excel workbook (.xlsx)"
_SIGNATURES = (
    (b"%PDF", "it is a PDF document"),
    (b"\xd0\xcf\x11\xe0", "it is an old-style Office file (.xls/.doc): save it as .xlsx"),
    (b"{\\rtf", "it is an RTF document"),
    (b"\x89PNG", "it is a PNG image"),
    (b"\xff\xd8\xff", "it is a JPEG image"),
)


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
        raise WorkbookError(name, [f"{NOT_A_WORKBOOK}: it cannot be read ({reason})"]) from exc


def _read_limited(source: Path | bytes, *, name: str, limit: int) -> bytes:
    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise WorkbookError(name, [f"cannot read the file: {exc.strerror or exc}"]) from exc
    if size > limit:
        raise WorkbookError(
            name,
            [
                f"the file is {file_size(size)}, more than the {file_size(limit)} a template may "
                "weigh; nothing was read"
            ],
        )
    if isinstance(source, bytes):
        return source
    try:
        with source.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise WorkbookError(name, [f"cannot read the file: {exc.strerror or exc}"]) from exc


def _zip_of(data: bytes, *, name: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise WorkbookError(name, [f"{NOT_A_WORKBOOK}: {_what(data)}"])
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise WorkbookError(name, [f"{NOT_A_WORKBOOK}: a damaged zip file ({exc})"]) from exc


def _check_directory(archive: zipfile.ZipFile, *, name: str, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise WorkbookError(name, [f"{NOT_A_WORKBOOK}: it holds {len(members)} files"])
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed:
        raise WorkbookError(
            name,
            [
                f"refused as a zip bomb: its parts would unpack to {file_size(total)}, more than "
                f"{file_size(limits.max_uncompressed)}"
            ],
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            raise WorkbookError(
                name,
                [
                    f"refused as a zip bomb: {member.filename} would inflate {ratio:,.0f} times "
                    f"({file_size(member.compress_size)} to {file_size(member.file_size)})"
                ],
            )
    names = set(archive.namelist())
    if not all(required in names for required in REQUIRED_MEMBERS):
        kind = "a Word document" if "word/document.xml" in names else "a zip file"
        raise WorkbookError(name, [f"{NOT_A_WORKBOOK}: it is {kind}"])


def _what(data: bytes) -> str:
    for signature, description in _SIGNATURES:
        if data.startswith(signature):
            return description
    if not data:
        return "the file is empty"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "it is some other binary file"
    return "it is a text file"
