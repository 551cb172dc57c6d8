"""Every command and option of ``logframe`` is documented in docs/cli.md."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from logframe.cli.main import build_parser

DOC = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_command_has_a_section(name: str):
    assert f"## `logframe {name}" in DOC, f"docs/cli.md has no section for `logframe {name}`"


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, option)
        for name, sub in sorted(_subcommands().items())
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ],
)
def test_option_is_documented(name: str, option: str):
    section = DOC.split(f"## `logframe {name}", 1)[1].split("\n## ", 1)[0]
    assert f"`{option}" in section, f"docs/cli.md: `logframe {name}` does not document {option}"
