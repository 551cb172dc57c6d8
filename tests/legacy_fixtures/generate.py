"""(Re)write every fixture's files: ``python -m tests.legacy_fixtures.generate`` from the root.

Deterministic: the same code gives the same bytes (the Word files' zip dates and document
properties are fixed). Files no fixture writes are left alone, and listed.
"""

from __future__ import annotations

import sys

from logframe.interchange.projectfile import write_project_file

from .catalogue import FILES, Fixture, fixtures
from .writer import write_docx, write_txt


def generate(fixture: Fixture) -> None:
    write_txt(fixture.record, fixture.txt_path, fixture.layout)
    write_docx(fixture.record, fixture.docx_path, fixture.layout)
    if fixture.json:
        write_project_file(fixture.record, fixture.json_path)


def main() -> int:
    FILES.mkdir(exist_ok=True)
    written = set()
    for fixture in fixtures():
        generate(fixture)
        written |= {fixture.txt_path, fixture.docx_path, fixture.json_path}
        print(f"{fixture.name}: {len(fixture.expected_findings)} slips — {fixture.varies}")
    for stray in sorted(set(FILES.iterdir()) - written):
        print(f"not written by any fixture: {stray.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
