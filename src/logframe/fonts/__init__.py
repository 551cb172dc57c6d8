"""Fonts shipped with Logframe: Vazirmatn (SIL Open Font Licence), for Arabic, Kurdish and
Latin script alike, so the documents look the same on every machine (see README.md here)."""

from __future__ import annotations

import re
from pathlib import Path

FAMILY = "Vazirmatn"
VAZIRMATN = Path(__file__).resolve().parent / "vazirmatn"
REGULAR = VAZIRMATN / "Vazirmatn-Regular.ttf"
BOLD = VAZIRMATN / "Vazirmatn-Bold.ttf"
# The Unicode blocks of the Arabic script (Arabic, Kurdish): the letters Vazirmatn is here
# for, which run right to left. Basic, Supplement, Extended-A, Presentation Forms A and B.
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
