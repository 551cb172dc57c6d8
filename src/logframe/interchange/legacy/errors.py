"""The one error a legacy report can raise: one line naming the file and what is wrong."""

from __future__ import annotations


class LegacyReportError(ValueError):
    """A file that cannot be read as a quarterly progress report.

    ``str(error)`` is one line: ``"report.txt: truncated — the report ends inside the
    quantitative achievements table (line 96)"``. ``name`` is the file's name and ``problem``
    what is wrong with it.
    """

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = " ".join(problem.split())
        super().__init__(f"{name}: {self.problem}")
