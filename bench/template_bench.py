"""Bench steps of the Excel data-entry templates, added to ``bench/run.py``'s table.

"import filled template" reads a template in which every line was changed (every
indicator's value, every finance and beneficiary line) and saves it as the project
manager: the worst case of an upload. Each run gets a freshly written template, so
the versions it carries are current (writing and filling it is not timed).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

Step = tuple[str, Callable[[], object], Callable[[], object] | None]


def template_steps(*, project: Any, period: Any, actor: Any) -> list[Step]:
    from openpyxl import load_workbook

    from logframe.interchange.workbook import read_template
    from logframe.workflow.workbooks import template_import, template_write

    quarter = period.as_quarter()
    counter = iter(range(1000, 1_000_000))
    filled: dict[str, bytes] = {}

    def write() -> bytes:
        return template_write(project=project, quarter=quarter)

    def fill_every_line() -> None:
        book = load_workbook(io.BytesIO(write()))
        number = next(counter)
        for sheet, column in (("Indicators", "F"), ("Finance", "D"), ("Beneficiaries", "D")):
            ws = book[sheet]
            for row in range(5, ws.max_row + 1):
                if ws[f"A{row}"].value:
                    ws[f"{column}{row}"] = number
        out = io.BytesIO()
        book.save(out)
        filled["data"] = out.getvalue()

    def import_filled() -> None:
        workbook = read_template(filled["data"])
        summary = template_import(period=period, workbook=workbook, actor=actor)
        assert summary.saved > 50, summary.saved

    return [
        ("write template (whole project)", write, None),
        ("import filled template (every line)", import_filled, fill_every_line),
    ]
