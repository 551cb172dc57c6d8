"""A big IATI file read in parts, each parsed by a thread of its own while this thread
makes the records of the part before: libxml2 parses without Python's GIL (lxml releases
it while parsing from memory), so parsing and reading overlap on two cores.

The file is cut just before ``<iati-activity`` tags, every ``PART_BYTES`` or so, and each
part read as a document of its own: the file's prolog (XML declaration to the root's start
tag, copied byte for byte, so its encoding, attributes and namespaces are the file's), the
part's bytes, and ``</iati-activities>`` (but the first part starts with the prolog and
the last ends with the file's own end). Lines in a part are shifted by the lines before
it, less the copied prolog's, so every line is the file's. Each part is parsed by a new
thread, so its document has a string dictionary of its own: no two threads ever use one.

The cuts are proved by the parse, not trusted: a part is well-formed only when the cut
that ends it stands between two children of the root (inside a comment, a CDATA section,
an element or a tag, the added end tag leaves something unclosed), and every
``<iati-activity>`` element in it must be a child of its root (none nested in another
element, which the one-thread reader would give too). The parse thread counts them with a
compiled XPath, which lxml evaluates without the GIL, as it parses.
Anything else — a part not well-formed, a record that cannot be read, a lone CR (lines
counted otherwise) — and the rest of the file is read by the one-thread reader of
``read.py``, past the activities already given: records, lines and errors are always the
one-thread reader's (``tests/iati/test_iati_read_parts.py`` checks it on every variant).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import cast

from lxml import etree

from logframe.interchange.iati.read import (
    PROLOG_LIMIT,
    SAFE,
    Options,
    ReadActivity,
    activities_of,
    check_root,
    iter_activity_elements,
    refuse_declarations,
)

PART_BYTES = 512 << 10  # bytes of the file a part holds, about (a tree this size stays in cache)
ACTIVITY = b"<iati-activity"
ROOT_END = b"</iati-activities>\n"
LINES_MARK = b"<iati-lines>.</iati-lines>"  # after a part's bytes: its line is the part's last
BIG_LINE = 65535  # the most lines libxml2's nodes hold (libxml2 2.14; xmlGetLineNo)
Prolog = tuple[bytes, bytes]  # the file's bytes before the root's start tag, and that tag
_FIRST_TAG = re.compile(rb"<!--.*?-->|<\?.*?\?>|<[A-Za-z_:]", re.DOTALL)
_ROOT_START = re.compile(
    rb"<iati-activities(?:\s+[^\s=<>/]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*\s*>", re.DOTALL
)
_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)""")
_AFTER_NAME = frozenset(b" \t\r\n>")
log = logging.getLogger(__name__)


class PartRefused(Exception):
    """A part this reader does not read; the one-thread reader reads on from there."""


@dataclass(frozen=True)
class Document:
    """One part as a document: its bytes, and the line of the document its part of the file
    starts on. All but the last end with ``LINES_MARK``."""

    content: bytes
    first_line: int


def read_parts(
    path: Path, options: Options, *, part_bytes: int = PART_BYTES
) -> Iterator[ReadActivity]:
    """The activities of ``path``, as ``read.activities_of`` gives them."""
    refuse_declarations(path)  # as the one-thread reader, before anything is parsed
    with path.open("rb") as handle:
        prolog = _prolog(handle.read(PROLOG_LIMIT))
    given = 0
    if prolog is not None:
        try:
            with closing(_parsed(path, prolog, part_bytes)) as parsed:  # its threads joined
                for activities, shift in parsed:
                    for item in activities_of(activities, str(path), options):
                        yield _shifted(item, shift) if shift else item
                        given += 1
            return
        except Exception:  # the one-thread reader says what is wrong, below
            log.debug("reading %s in parts stopped", path, exc_info=True)
    yield from activities_of(islice(iter_activity_elements(path), given, None), str(path), options)


def _parsed(
    path: Path, prolog: Prolog, part_bytes: int
) -> Generator[tuple[list[etree._Element], int]]:
    """Each part's activities and line shift. Meanwhile a thread parses the next part and
    does nothing else: it needs the GIL only to start and to hand its tree over, so it is
    never left waiting for it (up to ``sys.getswitchinterval()`` each time) while this
    thread waits for it. This thread cuts the parts from the file and frees their trees."""
    documents = _documents(path, prolog, part_bytes)
    parsing = _Parse(next(documents, None))
    following = next(documents, None)  # cut while the part before is parsed
    first = True
    lines = 0  # the file's, before the part
    try:
        while parsing.document is not None:
            document, root, count = parsing.result()
            parsing = _Parse(following)
            following = next(documents, None)
            if first:
                check_root(root, str(path))
                first = False
            activities = [child for child in root if child.tag == "iati-activity"]
            if len(activities) != count:
                raise PartRefused("an <iati-activity> tag that is not a child of the root")
            start = document.first_line
            yield activities, lines + 1 - start
            activities.clear()  # the caller's list too: the tree is freed with ``root``
            if parsing.document is not None:  # not the last part: it ends with the mark
                lines += _mark_line(root) - start
            del root
    finally:  # no part is parsed on once this stops (the one-thread reader may parse next)
        parsing.join()


class _Parse:
    """One document parsed by a thread of its own (a new thread: a new dictionary)."""

    def __init__(self, document: Document | None) -> None:
        self.document = document
        self._root: etree._Element | None = None
        self._activities = 0  # <iati-activity> elements in the document, at any depth
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="iati-part", daemon=True)
        if document is not None:
            self._thread.start()

    def _run(self) -> None:
        try:
            assert self.document is not None
            self._root = etree.fromstring(self.document.content, etree.XMLParser(**SAFE))
            count = etree.XPath("count(//iati-activity)")  # compiled in this thread, GIL free
            self._activities = int(cast(float, count(self._root)))
        except BaseException as error:  # given to the reading thread
            self._error = error

    def join(self) -> None:
        if self.document is not None:
            self._thread.join()

    def result(self) -> tuple[Document, etree._Element, int]:
        """The document, its tree (which this object no longer holds), and how many
        ``<iati-activity>`` elements the tree holds."""
        self.join()
        if self._error is not None:
            raise self._error
        assert self.document is not None
        root, self._root = self._root, None
        assert root is not None
        return self.document, root, self._activities


def _mark_line(root: etree._Element) -> int:
    """The line of ``LINES_MARK`` in a part: libxml2 counted the part's lines as it parsed
    (without the GIL), where ``bytes.count`` would have taken the records thread 0.4 ms a
    part. Past ``BIG_LINE`` lxml finds it from the mark's text, as exact."""
    mark = root[-1]
    line = mark.sourceline
    if mark.tag != "iati-lines" or not isinstance(line, int):
        raise PartRefused("the part's lines are not known")
    return line


def _documents(path: Path, prolog: Prolog, part_bytes: int) -> Iterator[Document]:
    """The file's parts as documents, cut before the last ``<iati-activity`` tag of each
    ``part_bytes`` read (more, when there is none).

    Each part's lines are the file's as libxml2 says them: its nodes hold lines up to
    ``BIG_LINE``; past it, lxml's ``sourceline`` of an element is found from its first
    child's text or a sibling's. So newlines are put before the copied root tag: a part
    whose first line is the file's line ``BIG_LINE`` or before starts at that very line;
    one after starts at ``BIG_LINE + 1``, so that all its lines are past it, as they are
    in the file, and differ from the file's by the same number (the shift). Newlines are
    counted here only until ``BIG_LINE``; the shift is found from each part's
    ``LINES_MARK`` once it is parsed."""
    before_root, root_tag = prolog
    prolog_lines = before_root.count(b"\n") + root_tag.count(b"\n")
    lines = 0  # before the part, counted up to BIG_LINE (parts start at BIG_LINE + 1 after)
    first = True
    pending = b""  # read, not in a part yet
    with path.open("rb") as handle:
        while True:
            block = handle.read(part_bytes)
            end = _last_activity(block, 0) if block else 0  # the part: pending + block[:end]
            if block and (end < 0 or (not pending and end == 0)):  # no tag to cut before
                pending += block
                searched = len(pending) - len(block) - len(ACTIVITY)  # no tag before: no rescan
                cut = _last_activity(pending, max(searched, 0))
                if cut <= 0:
                    continue
                pending, block, end = pending[:cut], pending[cut:], 0  # block: the rest
            _refuse_lone_cr(pending, block, end)
            head, start = b"", 1
            if not first:
                start = min(lines + 1, BIG_LINE + 1)  # the part's first line, in the part
                padding = start - 1 - prolog_lines
                if padding < 0:
                    raise PartRefused("a prolog of more lines than libxml2 counts")
                head = before_root + b"\n" * padding + root_tag
            tail = LINES_MARK + ROOT_END if block else b""
            content = b"".join((head, pending, memoryview(block)[:end], tail))  # one copy
            yield Document(content, start)
            if not block:
                return
            if lines < BIG_LINE:
                lines += pending.count(b"\n") + block.count(b"\n", 0, end)
            pending = block[end:]
            first = False


def _refuse_lone_cr(before: bytes, block: bytes, end: int) -> None:
    if b"\r" in before or block.find(b"\r", 0, end) >= 0:
        part = before + block[:end]
        if part.count(b"\r") != part.count(b"\r\n"):
            raise PartRefused("a lone CR: lines would be counted otherwise")


def _last_activity(data: bytes, start: int) -> int:
    """Where the last ``<iati-activity`` tag of ``data`` from ``start`` starts (-1: none,
    or not known yet to be one)."""
    at = len(data)
    while (at := data.rfind(ACTIVITY, start, at)) >= 0:
        end = at + len(ACTIVITY)
        if end < len(data) and data[end] in _AFTER_NAME:
            return at
    return -1


def _prolog(head: bytes) -> Prolog | None:
    """The file's bytes before the root's start tag, and that tag, when they can be copied
    (UTF-8 or ASCII, no lone CR, within ``PROLOG_LIMIT``)."""
    encoding = _ENCODING.match(head)
    if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii"):
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for match in _FIRST_TAG.finditer(head):
        if not match.group(0).startswith((b"<!--", b"<?")):
            root = _ROOT_START.match(head, match.start())
            prolog = head[: root.end()] if root else b""
            if not prolog or prolog.count(b"\r") != prolog.count(b"\r\n"):
                return None
            return prolog[: match.start()], prolog[match.start() :]
    return None


def _shifted(item: ReadActivity, shift: int) -> ReadActivity:
    """``item`` with its line and its violations' lines as the file's."""
    violations = tuple(
        replace(v, line=_file_line(v.line, shift)) if v.line else v for v in item.violations
    )
    line = _file_line(item.line, shift) if item.line else 0
    return ReadActivity(record=item.record, line=line, violations=violations)


def _file_line(line: int, shift: int) -> int:
    """A line of a part (all past ``BIG_LINE``, see ``_documents``) as the file's; ``BIG_LINE``
    itself is libxml2's "past my count", said of the file's lines as of the part's."""
    return line if line == BIG_LINE else line + shift
