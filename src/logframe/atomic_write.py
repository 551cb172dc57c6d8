"""Write an output file whole or not at all: a temp file beside it, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(OSError):
    """An output file could not be written; the message names the path and why."""


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path``; on failure no partial file is left behind."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
