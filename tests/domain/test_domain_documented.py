"""Every fund convention is in docs/figures.md; every rule id is in docs/checks.md."""

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from logframe.domain.checks import rules
from logframe.domain.conventions import Conventions

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "docs" / "figures.md"
CHECKS = ROOT / "docs" / "checks.md"
DOMAIN = ROOT / "src" / "logframe" / "domain"


@pytest.mark.parametrize("name", [field.name for field in fields(Conventions)])
def test_every_convention_is_in_the_settings_table(name: str) -> None:
    assert f"| `{name}` |" in FIGURES.read_text(encoding="utf-8")


def _rule_ids_in_the_code() -> set[str]:
    """Every ``rule=`` given to a Finding or a check in domain/: the constant's value."""
    found: set[str] = set()
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for keyword in getattr(node, "keywords", ()):
                if keyword.arg != "rule":
                    continue
                value = keyword.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(value.value)
                elif isinstance(value, ast.Attribute) and hasattr(rules, value.attr):
                    found.add(getattr(rules, value.attr))
                else:
                    assert isinstance(value, ast.Name), f"{path}: rule={ast.dump(value)}"
    return found


def test_the_code_uses_the_rules_it_declares() -> None:
    assert _rule_ids_in_the_code() == set(rules.ALL_RULES)


@pytest.mark.parametrize("rule", sorted({*rules.ALL_RULES, *_rule_ids_in_the_code()}))
def test_every_rule_id_has_a_section_in_checks_md(rule: str) -> None:
    assert f"### `{rule}`" in CHECKS.read_text(encoding="utf-8")
