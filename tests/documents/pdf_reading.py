"""Reading a PDF's text back, for the document tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, *, page: int | None = None) -> str:
    """The PDF's text by poppler's pdftotext (logical order, one form feed between pages)."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8")
