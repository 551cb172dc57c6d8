"""Every fund convention and every finding code is explained in docs/figures.md."""

from dataclasses import fields
from pathlib import Path

import pytest

from logframe.domain import findings
from logframe.domain.conventions import Conventions

FIGURES = Path(__file__).resolve().parents[2] / "docs" / "figures.md"
CODES = [findings.PCT_MISMATCH, findings.SEX_SPLIT, findings.TOTAL_MISMATCH,
         findings.MILESTONE_ESTIMATE]  # fmt: skip


@pytest.mark.parametrize("name", [field.name for field in fields(Conventions)])
def test_every_convention_is_in_the_settings_table(name: str) -> None:
    assert f"| `{name}` |" in FIGURES.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", CODES)
def test_every_finding_code_has_a_section(code: str) -> None:
    assert f"### `{code}`" in FIGURES.read_text(encoding="utf-8")
