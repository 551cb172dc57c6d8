"""Fixtures of the legacy importer's tests: the seed report and its transcription.

Pure: no database. Run with ``pytest -p no:django tests/legacy``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from legacy_support import EXAMPLE, seed_path


@pytest.fixture(scope="session")
def seed() -> Path:
    found = seed_path()
    if found is None:
        pytest.skip("the seed report is not checked out")
    return found


@pytest.fixture(scope="session")
def seed_lines(seed: Path) -> list[str]:
    return seed.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def transcription() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return loaded
