"""bench/results.md is written by two runs (the scale bench and the load test): each
replaces only its own section, between ``<!-- name -->`` and ``<!-- /name -->``."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, name: str, text: str) -> None:
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + block + after
    else:
        current = current.rstrip("\n") + ("\n\n" if current else "") + block + "\n"
    path.write_text(current, encoding="utf-8")
