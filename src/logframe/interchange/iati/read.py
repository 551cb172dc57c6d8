"""Stream an IATI file into records, one ``<iati-activity>`` at a time, safely.

Untrusted XML: the prolog is scanned first and any DOCTYPE or ENTITY declaration refused
(external entities, billion laughs) with the file and line; the parser then runs without
entity resolution, DTD loading, network access or huge-tree allowances. Each activity is
turned into a record as soon as it ends, then cleared and dropped with its finished
siblings, so memory stays flat however big the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from lxml import etree

from logframe.domain.records import FundRecord, ProjectRecord
from logframe.interchange.iati.activity import activity_record
from logframe.interchange.iati.codelists import check_codes
from logframe.interchange.iati.elements import children_by_tag
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.narratives import with_translations
from logframe.interchange.iati.rules import check_rules
from logframe.interchange.iati.violations import Violation, line_of

PROLOG_LIMIT = 1 << 20  # bytes read, at most, looking for the root element
PARTS_FROM = 8 << 20  # bytes: a file this big is read in parts (read_parts)
_MARKUP = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!(DOCTYPE|ENTITY)|<[A-Za-z_:]", re.DOTALL)
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class ReadActivity:
    record: ProjectRecord
    line: int
    violations: tuple[Violation, ...] = ()


def refuse_declarations(path: Path) -> None:
    """Raise IatiFileError when the file declares a DOCTYPE or ENTITY before its root."""
    with path.open("rb") as handle:
        head = handle.read(PROLOG_LIMIT)
    if head.startswith(_UTF16):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    for match in _MARKUP.finditer(head):
        if match.group(1):
            line = head[: match.start()].count(b"\n") + 1
            raise IatiFileError(
                str(path),
                line,
                f"<!{match.group(1).decode()} …> declarations are refused: an IATI file "
                "needs none, and they are how entity-expansion and external-entity "
                "attacks work",
            )
        if not match.group(0).startswith((b"<!--", b"<?")):
            return


# The parser's settings (``read_parts`` parses with them too): no entity resolution, DTD
# loading, network access or huge-tree allowances; no text node for the indentation (less
# to build and clear), no comments or processing instructions.
SAFE: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_blank_text": True,
    "remove_comments": True,
    "remove_pis": True,
}


def _events(source: str) -> etree.iterparse:
    return etree.iterparse(
        source, events=("start", "end"), tag=("iati-activities", "iati-activity"), **SAFE
    )


def iter_activity_elements(path: Path) -> Iterator[etree._Element]:
    """Each finished ``<iati-activity>`` element; cleared once the caller moves on."""
    refuse_declarations(path)
    source = str(path)
    seen_root = False
    events = _events(source)
    try:
        for event, element in events:
            if not seen_root:
                check_root(element, source)
                seen_root = True
            if event == "end" and element.tag == "iati-activity":
                yield element
                element.clear(keep_tail=False)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        raise _syntax_error(source, error) from None
    if not seen_root:
        root = events.root
        tag = f"<{root.tag}>" if root is not None else "nothing"
        line = line_of(root) if root is not None else None
        raise IatiFileError(source, line, f"the root element is {tag}, not <iati-activities>")


def _syntax_error(source: str, error: etree.XMLSyntaxError) -> IatiFileError:
    """The parser's first complaint with its line (the exception's own may be a summary)."""
    entries = cast(Iterable[etree._LogEntry], error.error_log)
    logged = [e for e in entries if e.line and e.filename == source]  # not earlier files'

    if logged:
        return IatiFileError(source, logged[0].line, f"not well-formed XML: {logged[0].message}")
    line = error.position[0] if error.position and error.position[0] else None
    return IatiFileError(source, line, f"not well-formed XML: {error.msg}")


def check_root(element: etree._Element, source: str) -> None:
    tree = element.getroottree()
    root = tree.getroot()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise IatiFileError(source, 1, "a DOCTYPE declaration is refused")
    if root.tag != "iati-activities":
        raise IatiFileError(
            source, line_of(root), f"the root element is <{root.tag}>, not <iati-activities>"
        )
    version = (root.get("version") or "").strip()
    if not version.startswith("2."):
        raise IatiFileError(
            source,
            line_of(root),
            f"IATI version {version or '(none)'} is not supported: version 2.01 to 2.03 is",
        )


def read_activities(
    path: Path,
    *,
    fund: FundRecord | None = None,
    today: date | None = None,
    languages: bool = False,
    parts: bool | None = None,
) -> Iterator[ReadActivity]:
    """Each activity of ``path`` as records, with the IATI rules and codes it breaks.

    ``fund``: the fund the projects go to; by default one per reporting organisation.
    ``today``: for the rules on dates; ``None`` skips the rule and code checks.
    ``languages``: the activity's language and its narratives in other languages as the
    record's translations (``narratives.with_translations``; the importer asks for them).
    ``parts``: read the file in parts, each parsed by another thread while this one makes
    the records of the part before (``read_parts``: the same records, lines and errors);
    by default for a file of ``PARTS_FROM`` bytes or more, never when ``False``.
    """
    options = Options(fund=fund, today=today, languages=languages)
    if parts is None:
        parts = _size(path) >= PARTS_FROM
    if parts:
        from logframe.interchange.iati.read_parts import read_parts

        yield from read_parts(path, options)
    else:
        yield from activities_of(iter_activity_elements(path), str(path), options)


@dataclass(frozen=True)
class Options:
    """What ``read_activities`` is asked for, besides the file."""

    fund: FundRecord | None = None
    today: date | None = None
    languages: bool = False


def activities_of(
    elements: Iterable[etree._Element], source: str, options: Options
) -> Iterator[ReadActivity]:
    """Each activity element as a ReadActivity; ``source`` names the file in errors."""
    fund, today, languages = options.fund, options.today, options.languages
    for element in elements:
        record = activity_record(element, source=source, fund=fund)
        if languages:
            record = with_translations(record, element, children_by_tag(element))
        violations: list[Violation] = []
        if today is not None:
            violations = check_rules(element, today=today) + check_codes(element, export=False)
        yield ReadActivity(record=record, line=line_of(element) or 0, violations=tuple(violations))


def _size(path: Path) -> int:
    """The file's size; 0 when it cannot be read (the reader then says why, as before)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
