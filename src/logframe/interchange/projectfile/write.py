"""Write a project file: the canonical JSON document of a ProjectRecord.

Canonical means: keys in the records' field order; a field equal to its default is left out;
decimals as plain strings without exponent or trailing zeros ("5848841.07", "100", "51.6");
dates ISO; quarters like 2013Q1; enums by value. Reading a canonical document and writing it
again gives the same document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from logframe.atomic_write import write_atomically
from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.interchange.projectfile.read import FORMAT, VERSION


def project_document(record: ProjectRecord) -> dict[str, Any]:
    """The canonical project-file document of ``record``, ready for ``json.dumps``."""
    return {"format": FORMAT, "version": VERSION, "project": _object(record)}


def write_project_file(record: ProjectRecord, path: Path) -> None:
    """Write ``record`` to ``path`` as UTF-8 JSON, replacing the file in one step.

    A failure leaves the old file (or none) in place, never half a file
    (:func:`logframe.atomic_write.write_atomically`).
    """
    text = json.dumps(project_document(record), ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text)


def decimal_text(number: Decimal) -> str:
    """The canonical text of a decimal: ``Decimal("1.50E+2")`` → ``"150"``, ``-0.0`` → ``"0"``."""
    if not number.is_finite():
        raise ValueError(f"{number} cannot be written to a project file; only finite numbers can")
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _object(record: Any) -> dict[str, Any]:
    """A record as a JSON object: every field that differs from its default, in field order."""
    return {
        field.name: _value(getattr(record, field.name))
        for field in fields(record)
        if not _is_default(field, getattr(record, field.name))
    }


def _is_default(field: Field[Any], value: object) -> bool:
    if field.default is not MISSING:
        return bool(value == field.default)
    if field.default_factory is not MISSING:
        return bool(value == field.default_factory())
    return False


def _value(value: object) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Quarter):
        return value.code
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if isinstance(value, Mapping):  # a status scale: the statuses that have a %
        return {_value(key): _value(pct) for key, pct in value.items() if pct is not None}
    if is_dataclass(value) and not isinstance(value, type):
        return _object(value)
    raise TypeError(f"a project file cannot hold a {type(value).__name__}")
