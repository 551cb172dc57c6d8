"""Fixtures shared by the suite. The database is real: SQLite by default, PostgreSQL when
DATABASE_URL points there (CI runs both)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_record(example_path: Path):  # type: ignore[no-untyped-def]
    from logframe.interchange.projectfile.read import read_project_file

    return read_project_file(example_path)


@pytest.fixture
def loaded_project(db, example_record):  # type: ignore[no-untyped-def]
    from logframe.portfolio.services import project_import

    return project_import(record=example_record, actor=None, reason="test").project
