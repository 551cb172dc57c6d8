"""Places a narrative names: Iraq's governorates (and their main cities), and cities abroad.

A gazetteer maps a lower-case name to a place code (an Iraqi governorate's OCHA P-code)
or to "" for a known place without a code in the register (a city abroad).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# Other names and main cities of Iraq's governorates → the governorate's P-code
# (the codes of places/iraq-governorates.csv).
IRAQ_NAMES: Mapping[str, str] = {
    "anbar": "IQG01", "al-anbar": "IQG01", "ramadi": "IQG01", "fallujah": "IQG01",
    "basrah": "IQG02", "basra": "IQG02", "al-basrah": "IQG02",
    "muthanna": "IQG03", "al-muthanna": "IQG03", "samawah": "IQG03",
    "najaf": "IQG04", "al-najaf": "IQG04",
    "qadissiya": "IQG05", "qadisiyah": "IQG05", "al-qadissiya": "IQG05", "diwaniyah": "IQG05",
    "sulaymaniyah": "IQG06", "sulaimaniyah": "IQG06", "sulaimaniya": "IQG06",
    "al-sulaymaniyah": "IQG06", "slemani": "IQG06",
    "babil": "IQG07", "babylon": "IQG07", "hillah": "IQG07",
    "baghdad": "IQG08",
    "diyala": "IQG09", "baqubah": "IQG09",
    "duhok": "IQG10", "dohuk": "IQG10", "dahuk": "IQG10",
    "erbil": "IQG11", "arbil": "IQG11", "hawler": "IQG11", "irbil": "IQG11",
    "kerbala": "IQG12", "karbala": "IQG12",
    "kirkuk": "IQG13",
    "maysan": "IQG14", "missan": "IQG14", "amarah": "IQG14",
    "ninewa": "IQG15", "nineveh": "IQG15", "ninawa": "IQG15", "mosul": "IQG15",
    "salah al-din": "IQG16", "salah al-deen": "IQG16", "salahuddin": "IQG16", "tikrit": "IQG16",
    "thi-qar": "IQG17", "dhi qar": "IQG17", "thi qar": "IQG17", "nasiriyah": "IQG17",
    "wassit": "IQG18", "wasit": "IQG18", "kut": "IQG18",
}  # fmt: skip

# Cities abroad where the fund's trainings and conferences are held: named, not coded.
ABROAD = (
    "Amman", "Beirut", "Cairo", "Istanbul", "Ankara", "Dubai", "Abu Dhabi", "Doha", "Kuwait",
    "Tehran", "Tunis", "Rabat", "Geneva", "Brussels", "Stockholm", "Copenhagen", "Oslo",
    "London", "Paris", "Berlin", "Vienna", "Rome", "Madrid", "New York", "Washington",
    "Nairobi", "Maputo", "Johannesburg", "Pretoria", "New Delhi", "Bangkok", "Manila",
    "Jakarta", "Kuala Lumpur", "Sarajevo",
)  # fmt: skip

_COUNTRY_AFTER = re.compile(r"\s*,\s*(?P<country>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)")


@dataclass(frozen=True)
class PlaceMention:
    code: str  # "" for a place without a code
    text: str  # as written, with the country when the sentence gives it


def default_gazetteer() -> dict[str, str]:
    names = dict(IRAQ_NAMES)
    names.update({city.lower(): "" for city in ABROAD})
    return names


def find_place(text: str, *, gazetteer: Mapping[str, str]) -> PlaceMention | None:
    """The first place of the gazetteer ``text`` names (longest names tried first)."""
    best: tuple[int, str] | None = None
    for name in sorted(gazetteer, key=len, reverse=True):
        match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    if best is None:
        return None
    start, name = best
    written = text[start : start + len(name)]
    country = _COUNTRY_AFTER.match(text, start + len(name))
    if country and not gazetteer.get(name):
        written = f"{written}, {country['country']}"
    return PlaceMention(code=gazetteer[name], text=written)
