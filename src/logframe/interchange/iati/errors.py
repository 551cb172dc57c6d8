"""The one error an IATI file can raise: a message naming the file and the line."""

from __future__ import annotations


class IatiFileError(ValueError):
    """An IATI file that cannot be read or imported, said in one line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")
