"""Every importer under hypothesis: a real file, mutated, is read or refused with the
importer's own error (never another exception), within a time limit.

Budget: ``LOGFRAME_FUZZ_EXAMPLES`` examples per importer (CI: 12; ``make fuzz``: 400).
Mutations: bytes flipped, cut, duplicated or replaced by random text; for the Word and
Excel files (ZIP archives) the same applied to one XML part, the archive rebuilt so the
importer reaches the XML parser. A case that found a crash is kept as an ``@example``.
"""

from __future__ import annotations

import io
import os
import signal
import tempfile
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("LOGFRAME_FUZZ_EXAMPLES", "12"))
SECONDS = 20  # one file read longer than this is a hang
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("LOGFRAME_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)  # fmt: skip

SEED_TXT = ROOT / "examples" / "itf-g11-23" / "itf-g11-23-2013q1-progress-report.txt"
SEED_DOCX = ROOT / "tests" / "legacy_fixtures" / "files" / "itf-g11-23-2013q1.docx"
SEED_JSON = ROOT / "examples" / "itf-g11-23" / "project.json"
SEED_IATI = (
    ROOT / "tests" / "iati" / "samples" / "iati-official-activity-example-annotated-2.03.xml"
)

COUNTS = {"cases": 0}


@contextmanager
def time_limit(seconds: int):
    def hang(signum, frame):
        raise TimeoutError(f"the importer ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` with one to three edits."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "cut", "dup", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if kind == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del out[at : at + draw(st.integers(1, 400))]
        elif kind == "dup":
            out[at:at] = out[at : at + draw(st.integers(1, 400))]
        elif kind == "insert":
            text = draw(st.text(min_size=1, max_size=40)).encode("utf-8", "surrogatepass")
            out[at:at] = text
        else:
            del out[at:]
    return bytes(out)


@st.composite
def mutated_zip(draw, data: bytes) -> bytes:
    """A ZIP archive with one of its XML parts mutated (or the archive's bytes themselves)."""
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(mutated(data))
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n.endswith((".xml", ".rels"))]
    target = draw(st.sampled_from(names))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            part = source.read(name)
            out.writestr(name, draw(mutated(part)) if name == target else part)
    return buffer.getvalue()


def _read_legacy(data: bytes, suffix: str) -> None:
    from logframe.interchange.legacy import read_legacy_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        path.write_bytes(data)
        read_legacy_report(path)


def _read_json(data: bytes) -> None:
    import json

    from logframe.interchange.projectfile import ProjectFileError, parse_project_document

    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return  # not JSON: the file reader refuses it before parsing (tested in interchange)
    parse_project_document(document, source="fuzz.json")
    del ProjectFileError


def _read_iati(data: bytes) -> None:
    from logframe.interchange.iati.read import read_activities

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activities.xml"
        path.write_bytes(data)
        for _ in read_activities(path):
            pass


def _read_xlsx(data: bytes) -> None:
    from logframe.interchange.workbook import read_template

    read_template(data, name="fuzz.xlsx")


def _errors() -> dict[str, tuple[type[BaseException], ...]]:
    from logframe.interchange.iati.errors import IatiFileError
    from logframe.interchange.legacy.errors import LegacyReportError
    from logframe.interchange.projectfile import ProjectFileError
    from logframe.interchange.workbook.model import WorkbookError

    return {
        "legacy": (LegacyReportError,),
        "json": (ProjectFileError,),
        "iati": (IatiFileError,),
        "xlsx": (WorkbookError,),
    }


def _try(kind: str, read: Callable[[], None]) -> None:
    COUNTS["cases"] += 1
    with time_limit(SECONDS):
        try:
            read()
        except _errors()[kind] as refused:
            message = str(refused).strip()
        else:
            return
    assert message, f"{kind}: a refusal with an empty message"


def _template() -> bytes:
    from logframe.domain.periods import Quarter
    from logframe.interchange.projectfile import read_project_file
    from logframe.interchange.workbook import write_template

    return write_template(project=read_project_file(SEED_JSON), quarter=Quarter(2013, 1))


@FUZZ
@given(data=mutated(SEED_TXT.read_bytes()))
def test_legacy_text_report(data):
    _try("legacy", lambda: _read_legacy(data, ".txt"))


@FUZZ
@given(data=mutated_zip(SEED_DOCX.read_bytes()))
def test_legacy_word_report(data):
    _try("legacy", lambda: _read_legacy(data, ".docx"))


@FUZZ
@given(data=mutated(SEED_JSON.read_bytes()))
def test_project_file(data):
    _try("json", lambda: _read_json(data))


@FUZZ
@given(data=mutated(SEED_IATI.read_bytes()))
def test_iati_activities(data):
    _try("iati", lambda: _read_iati(data))


TEMPLATE = _template() if SEED_JSON.exists() else b""


@FUZZ
@given(data=mutated_zip(TEMPLATE))
def test_excel_template(data):
    _try("xlsx", lambda: _read_xlsx(data))


def test_the_figures():
    """Printed for docs/security.md: the cases this session ran."""
    print(f"fuzz cases run: {COUNTS['cases']} ({EXAMPLES} per importer asked)")


pytestmark = pytest.mark.filterwarnings("ignore")
