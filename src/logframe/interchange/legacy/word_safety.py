"""What a Word file must pass before python-docx parses it: a bounded, entity-free zip.

- It is a zip archive that holds ``word/document.xml``.
- Every member can be read back (no damaged data, CRCs right).
- No member is larger than 50 MB uncompressed or compressed more than 100 to 1 (when over
  64 KB: small parts of real documents compress well), all members together at most 200 MB,
  at most 5,000 members. Python's zip reader stops at each member's declared size, so the
  declared sizes bound what is read.
- No XML part declares a DOCTYPE or an entity (python-docx's lxml parser does not resolve
  entities, but a file that declares them is refused anyway: real Word files never do).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from logframe.interchange.legacy.errors import LegacyReportError

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 64 * 1024
MAX_MEMBERS = 5000
DOCUMENT_PART = "word/document.xml"
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def open_word_zip(data: bytes, *, name: str) -> zipfile.ZipFile:
    """The zip of a Word file, checked as above; LegacyReportError otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # a damaged header naming an unknown zip version
    ) as error:
        message = f"not a Word document (not a valid zip archive: {error})"
        raise LegacyReportError(name, message) from error
    names = {member.filename for member in members}
    if DOCUMENT_PART not in names:
        raise LegacyReportError(name, f"not a Word document (the zip has no {DOCUMENT_PART})")
    _check_sizes(members, name=name)
    for member in members:
        content = read_member(archive, member, name=name)
        if member.filename.endswith((".xml", ".rels")):
            _check_declarations(content, member, name=name)
    return archive


def _check_sizes(members: list[zipfile.ZipInfo], *, name: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise LegacyReportError(
            name, f"refused: the zip has {len(members)} parts (a Word report has far fewer)"
        )
    total = 0
    for member in members:
        size = member.file_size
        if size > MAX_MEMBER_BYTES:
            raise LegacyReportError(
                name,
                f"refused: {member.filename} is {_megabytes(size)} uncompressed, "
                f"more than the {_megabytes(MAX_MEMBER_BYTES)} a part may be",
            )
        if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(member.compress_size, 1):
            raise LegacyReportError(
                name,
                f"refused: {member.filename} expands more than {MAX_RATIO} to 1 (a zip bomb?)",
            )
        total += size
    if total > MAX_TOTAL_BYTES:
        raise LegacyReportError(name, f"refused: the zip expands to {_megabytes(total)}")


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, name: str) -> bytes:
    """A member's bytes (at most its declared size, checked above); a damaged one is refused."""
    try:
        return archive.read(member)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as error:
        message = f"not a Word document (the zip is damaged: {member.filename}: {error})"
        raise LegacyReportError(name, message) from error


def _check_declarations(content: bytes, member: zipfile.ZipInfo, *, name: str) -> None:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = content.decode("utf-16", errors="replace").encode("utf-8")
    if _DECLARATION.search(content):
        raise LegacyReportError(
            name, f"refused: {member.filename} declares a DOCTYPE or entities (unsafe XML)"
        )
