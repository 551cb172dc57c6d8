"""Small synthetic funds loaded through the import service, for the fund report's tests."""

from __future__ import annotations

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
