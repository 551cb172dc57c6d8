"""Places from a CSV file: Iraq's governorates ship with the app; other countries' areas
are loaded with ``logframe load-places FILE``.

Columns (a header row; lines starting with ``#`` are comments): ``code`` (the P-code,
unique), ``name``, ``country`` (ISO 3166-1 alpha-2), ``level`` (1, 2, …), ``parent`` (the
code of the area it lies in, loaded before it or in the same file), ``aliases`` (other names,
separated by ``;``), ``iso_code`` (optional). A bad row is named by file and line, and
nothing is saved.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from logframe.activities.models import Place

IRAQ = Path(__file__).resolve().parent / "places" / "iraq-governorates.csv"
COLUMNS = ("code", "name", "country", "level", "parent", "aliases", "iso_code")
REQUIRED = ("code", "name", "country")


class PlaceFileError(ValueError):
    """A place file that cannot be loaded: the message names the file and line."""


@dataclass(frozen=True)
class PlaceRow:
    line: int
    code: str
    name: str
    country: str
    level: int
    parent: str
    aliases: str
    iso_code: str


def read_place_rows(text: str, *, name: str) -> list[PlaceRow]:
    """The rows of a place file, checked; PlaceFileError at the first bad one."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)]
    data = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not data:
        raise PlaceFileError(f"{name}: no header row (expected {', '.join(COLUMNS)})")
    header_line, header = data[0]
    columns = [c.strip().lower() for c in next(csv.reader([header]))]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise PlaceFileError(f"{name}:{header_line}: missing column {', '.join(missing)}")
    rows: list[PlaceRow] = []
    seen: set[str] = set()
    for number, line in data[1:]:
        values = dict(zip(columns, next(csv.reader(io.StringIO(line))), strict=False))
        rows.append(_row(values, line=number, name=name, seen=seen))
    return rows


def _row(values: dict[str, str], *, line: int, name: str, seen: set[str]) -> PlaceRow:
    def cell(column: str) -> str:
        return (values.get(column) or "").strip()

    where = f"{name}:{line}"
    for column in REQUIRED:
        if not cell(column):
            raise PlaceFileError(f"{where}: the {column} is empty")
    code, country = cell("code"), cell("country").upper()
    if len(country) != 2 or not country.isalpha():
        raise PlaceFileError(f"{where}: country {cell('country')!r} is not a 2-letter ISO code")
    if code in seen:
        raise PlaceFileError(f"{where}: the code {code} is listed twice")
    seen.add(code)
    level_text = cell("level") or "1"
    if not level_text.isdigit() or int(level_text) < 1:
        raise PlaceFileError(f"{where}: level {level_text!r} is not a whole number from 1")
    return PlaceRow(line, code, cell("name"), country, int(level_text), cell("parent"),
                    cell("aliases"), cell("iso_code"))  # fmt: skip


@dataclass(frozen=True)
class PlacesLoaded:
    created: int
    updated: int


@transaction.atomic
def places_load(*, rows: list[PlaceRow], name: str) -> PlacesLoaded:
    """Create or update the places of ``rows`` (by code), all or nothing."""
    created = updated = 0
    for row in rows:
        parent = None
        if row.parent:
            parent = Place.objects.filter(code=row.parent).first()
            if parent is None:
                raise PlaceFileError(f"{name}:{row.line}: parent {row.parent} is not a known place")
        fields: dict[str, Any] = {
            "name": row.name, "country": row.country, "level": row.level, "parent": parent,
            "aliases": row.aliases, "iso_code": row.iso_code,
        }  # fmt: skip
        _, made = Place.objects.update_or_create(code=row.code, defaults=fields)
        created, updated = created + made, updated + (not made)
    return PlacesLoaded(created=created, updated=updated)


def load_place_file(path: Path) -> PlacesLoaded:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlaceFileError(f"{path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise PlaceFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return places_load(rows=read_place_rows(text, name=str(path)), name=str(path))


CAPACITY_BUILDING_TYPES = ["training", "study_visit", "workshop", "seminar", "roundtable",
                           "lessons_learned"]  # fmt: skip


def reference_data_ensure() -> None:
    """Iraq's governorates and the capacity-building group, when they are missing (the
    migration puts them there; a test database flushed between tests loses them)."""
    from logframe.activities.models import ActivityGroup

    if not Place.objects.filter(country="IQ").exists():
        places_load(rows=read_place_rows(IRAQ.read_text(encoding="utf-8"), name=IRAQ.name),
                    name=IRAQ.name)  # fmt: skip
    ActivityGroup.objects.get_or_create(
        code="capacity-building",
        defaults={"name": "Capacity building activity", "types": CAPACITY_BUILDING_TYPES},
    )
