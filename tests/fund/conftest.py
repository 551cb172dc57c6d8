"""Small funds for the fund report's tests: the seed project (whose figures docs/figures.md
works out by hand), copies of it, and synthetic funds loaded through the import service."""

from __future__ import annotations

import dataclasses

import pytest


@pytest.fixture
def load_fund(db):  # type: ignore[no-untyped-def]
    """``load_fund("SYN", projects=3, quarters=2)`` → the Fund, loaded from synthetic records."""
    from logframe.interchange.synthetic import synthetic_projects
    from logframe.portfolio import models as m
    from logframe.portfolio.services import project_import

    def load(code: str = "SYN", *, projects: int = 3, quarters: int = 2, seed: int = 1):  # type: ignore[no-untyped-def]
        for record in synthetic_projects(
            fund=code, projects=projects, quarters=quarters, seed=seed
        ):
            project_import(record=record, actor=None, reason="test")
        return m.Fund.objects.get(code=code)

    return load


@pytest.fixture
def seed_copy(db, example_record):  # type: ignore[no-untyped-def]
    """``seed_copy("G11-24", sector="Health")``: the seed project again, under another number
    (and sector), in the seed's fund."""
    from logframe.portfolio.services import project_import

    def load(number: str, **changes: object):  # type: ignore[no-untyped-def]
        record = dataclasses.replace(example_record, number=number, **changes)
        return project_import(record=record, actor=None, reason="test").project

    return load
