"""Fonts shipped with Logframe: Vazirmatn (SIL Open Font Licence), for Arabic, Kurdish and
Latin script alike, so the documents look the same on every machine (see README.md here)."""

from __future__ import annotations

from pathlib import Path

FAMILY = "Vazirmatn"
VAZIRMATN = Path(__file__).resolve().parent / "vazirmatn"
REGULAR = VAZIRMATN / "Vazirmatn-Regular.ttf"
BOLD = VAZIRMATN / "Vazirmatn-Bold.ttf"
