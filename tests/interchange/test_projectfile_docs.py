"""docs/project-file.md documents every key of the schema, and its example is a valid file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from logframe.interchange.projectfile import (
    parse_project_document,
    project_document,
    project_file_schema,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "project-file.md"


def sections() -> dict[str, str]:
    """Each ``### Title (`name`)`` section of the docs by every `name` in its heading."""
    found: dict[str, str] = {}
    for chunk in re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        heading = chunk.split("\n", 1)[0]
        for name in re.findall(r"`(\w+)`", heading) or ["document"]:
            found[name] = chunk
    return found


def objects() -> list[tuple[str, dict[str, Any]]]:
    schema = project_file_schema()
    named = [(name, node) for name, node in schema["$defs"].items() if "properties" in node]
    return [("document", schema), *named]


@pytest.mark.parametrize(("name", "node"), objects(), ids=[name for name, _ in objects()])
def test_every_key_is_in_its_table(name: str, node: dict[str, Any]) -> None:
    section = sections().get(name)
    assert section is not None, f"docs/project-file.md has no section for `{name}`"
    missing = [key for key in node["properties"] if f"| `{key}` |" not in section]
    assert missing == [], f"undocumented keys of `{name}`: {missing}"


def test_every_documented_key_exists() -> None:
    known = {key for _, node in objects() for key in node["properties"]}
    documented = set(re.findall(r"^\| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert documented - known == set()


def test_the_short_example_is_a_canonical_project_file() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.DOTALL)[1])  # type: ignore[index]
    record = parse_project_document(example, source="docs/project-file.md")
    assert project_document(record) == example
