"""Imports only go downward (ARCHITECTURE.md): checked on the source, not on good intentions."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "logframe"

# layer -> packages it must never import
FORBIDDEN = {
    "domain": ("django", "logframe.portfolio", "logframe.interchange", "logframe.reporting",
               "logframe.web", "logframe.cli", "logframe.accounts"),
    "portfolio": ("logframe.interchange", "logframe.reporting", "logframe.web", "logframe.cli",
                  "logframe.accounts", "logframe.workflow"),
    "accounts": ("logframe.interchange", "logframe.reporting", "logframe.web", "logframe.cli",
                 "logframe.workflow"),
    "workflow": ("logframe.web", "logframe.cli", "logframe.reporting"),
    "interchange": ("logframe.web", "logframe.cli", "logframe.reporting", "logframe.accounts"),
    "reporting": ("logframe.web", "logframe.cli", "logframe.interchange", "logframe.accounts"),
    "api": ("logframe.web", "logframe.cli"),
    # the register: beside workflow (it writes computed values through workflow's services)
    "activities": ("logframe.web", "logframe.cli", "logframe.api", "logframe.interchange",
                   "logframe.reporting"),
    "translations": ("logframe.web", "logframe.cli", "logframe.interchange", "logframe.reporting"),
}  # fmt: skip
# the one module of reporting that reads the database (through selectors), by design
READS_DATABASE = {"reporting/assemble.py", "reporting/fund/assemble.py"}


def _modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _violations(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [
        name
        for name in _imports(path)
        for bad in forbidden
        if name == bad or name.startswith(bad + ".")
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_upward_imports(layer: str):
    problems = []
    for path in _modules(layer):
        relative = path.relative_to(SRC).as_posix()
        forbidden = FORBIDDEN[layer]
        if relative in READS_DATABASE:
            forbidden = tuple(f for f in forbidden if f != "logframe.portfolio")
        problems += [f"{relative} imports {name}" for name in _violations(path, forbidden)]
    assert not problems


def test_domain_uses_the_standard_library_only():
    allowed = set(sys.stdlib_module_names) | {"logframe"}
    problems = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in _modules("domain")
        for name in _imports(path)
        if name.split(".")[0] not in allowed
        or (name.startswith("logframe.") and not name.startswith("logframe.domain"))
    ]
    assert not problems


def test_renderers_never_touch_the_orm():
    problems = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in _modules("reporting")
        if path.relative_to(SRC).as_posix() not in READS_DATABASE
        for name in _violations(path, ("django", "logframe.portfolio"))
    ]
    assert not problems
