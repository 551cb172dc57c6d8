"""Reading a file: size, kind, encoding — then the template. The one entry point.

A ``.docx`` must be a zip with ``word/document.xml`` (see :mod:`.word_safety`); a text file
must decode as UTF-8 (a byte-order mark is allowed), else as Windows-1252, and hold no NUL
byte and almost no other control characters (at most one character in 200). The
content decides: a Word file is read as Word whatever its name, text as text — except that a
file named ``.docx`` must be a Word file. A report may be at most 10 MB. Any error is a
LegacyReportError whose message is one line naming the file; an unexpected exception inside
the parser becomes one too ("could not be read (…)"), never a traceback.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from logframe.domain.records import ProjectRecord
from logframe.interchange.legacy.blocks import Block
from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.report import parse_report
from logframe.interchange.legacy.text_blocks import text_blocks
from logframe.interchange.legacy.word_blocks import word_blocks
from logframe.interchange.legacy.word_safety import DOCUMENT_PART

MAX_REPORT_BYTES = 10 * 1024 * 1024
_MB = 1024 * 1024
_BINARY = "binary file, not a text or Word report"
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13}
_MAX_CONTROL_SHARE = 0.005


def read_legacy_report(path: Path) -> ProjectRecord:
    """The project and its one reporting period that the report at ``path`` holds.

    Raises LegacyReportError (a ValueError), one line naming the file, for anything that is
    not a readable quarterly progress report in the template.
    """
    name = path.name
    try:
        return parse_report(read_blocks(path), name=name)
    except LegacyReportError:
        raise
    except RecursionError as error:
        raise LegacyReportError(name, "could not be read (nested too deeply)") from error
    except Exception as error:  # any other failure is a bug: told in one line, not a traceback
        detail = str(error) or type(error).__name__
        raise LegacyReportError(name, f"could not be read ({detail})") from error


def read_blocks(path: Path) -> list[Block]:
    """The block stream of the file at ``path``, by its content (and its name)."""
    name = path.name
    data = _read_bytes(path)
    if data[:4] == b"PK\x03\x04" and _is_word(data):
        return word_blocks(data, name=name)
    if path.suffix.lower() == ".docx":
        if zipfile.is_zipfile(BytesIO(data)):
            raise LegacyReportError(name, f"not a Word document (the zip has no {DOCUMENT_PART})")
        raise LegacyReportError(name, "not a Word document (not a zip archive)")
    return text_blocks(_decode(data, name=name), name=name)


def _read_bytes(path: Path) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise LegacyReportError(
                name,
                f"{size / _MB:.1f} MB is larger than the {MAX_REPORT_BYTES // _MB} MB "
                "a report may be",
            )
        with path.open("rb") as stream:
            data = stream.read(MAX_REPORT_BYTES + 1)
    except OSError as error:
        raise LegacyReportError(name, f"cannot be read ({error.strerror or error})") from error
    if len(data) > MAX_REPORT_BYTES:
        raise LegacyReportError(
            name, f"larger than the {MAX_REPORT_BYTES // _MB} MB a report may be"
        )
    if not data.strip():
        raise LegacyReportError(name, "the file is empty")
    return data


def _is_word(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return DOCUMENT_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False  # NotImplementedError: a damaged header naming an unknown zip version


def _decode(data: bytes, *, name: str) -> str:
    if b"\x00" in data:
        raise LegacyReportError(name, _BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise LegacyReportError(name, _BINARY) from None
    controls = sum(1 for char in text if ord(char) in _CONTROL)
    if "\x00" in text or controls > len(text) * _MAX_CONTROL_SHARE:
        raise LegacyReportError(name, _BINARY)
    return text.lstrip("\ufeff")
