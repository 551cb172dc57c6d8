"""The one error a project file can raise, and the JSON paths its messages name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class ProjectFileError(ValueError):
    """A project file that cannot be read; ``str()`` is one line naming the file and the place.

    ``source`` is the file (or whatever the caller named the document) and ``path`` the JSON
    path of the offending value, such as ``project.periods[0].values[3].actual.male``; either
    is blank when it does not apply.
    """

    def __init__(self, message: str, *, source: str = "", path: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.path = path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, at a JSON path."""

    path: str
    detail: str


def json_path(parts: Iterable[str | int]) -> str:
    """``["project", "periods", 0]`` → ``project.periods[0]``; no parts → ``document``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text or "document"


def raise_first(problems: list[Problem], *, source: str, kind: str) -> None:
    """Raise a ProjectFileError for the first problem, counting the others; nothing if none.

    ``kind`` names one problem, such as "schema error"; it is made plural when needed.
    """
    if not problems:
        return
    first = problems[0]
    others = len(problems) - 1
    more = f" (and {others} more {kind}{'s' if others > 1 else ''})" if others else ""
    detail = " ".join(first.detail.split())
    raise ProjectFileError(
        f"{source}: {first.path}: {detail}{more}", source=source, path=first.path
    )
