"""Helpers of the legacy importer's tests (imported by name: no package here)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"
SEED_NAME = "itf-g11-23-2013q1-progress-report.txt"
SEED_PLACES = (
    ROOT / "examples" / "itf-g11-23" / SEED_NAME,
    Path("/work/shared/seed") / SEED_NAME,
)


def seed_path() -> Path | None:
    """The seed report: beside the transcription, else in the shared folder."""
    return next((path for path in SEED_PLACES if path.is_file()), None)


def fixture_catalogue() -> ModuleType | None:
    """The synthetic report fixtures (``tests/legacy_fixtures``), when they are there."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    try:
        import legacy_fixtures.catalogue as catalogue
    except ImportError:
        return None
    return catalogue
