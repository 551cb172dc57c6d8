"""Read a project file: JSON syntax, then the version, the schema, the consistency checks.

Each stage stops at the first problem and raises ProjectFileError naming the file and the JSON
path (or the line and column, for a syntax error); nothing is returned half-read.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator

from logframe.domain.records import ProjectRecord
from logframe.interchange.projectfile.consistency import find_problems
from logframe.interchange.projectfile.decode import project_record
from logframe.interchange.projectfile.errors import (
    Problem,
    ProjectFileError,
    json_path,
    raise_first,
)

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "ProjectFileError",
    "parse_project_document",
    "project_file_schema",
    "read_project_file",
]

FORMAT = "logframe-project"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
_DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$"
_MESSAGE_LIMIT = 200


def read_project_file(path: Path) -> ProjectRecord:
    """Read the project file at ``path``; ProjectFileError when it is not a valid one."""
    source = str(path)
    try:
        with path.open("rb") as stream:
            content = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        message = f"{source}: cannot read: {error.strerror or error}"
        raise ProjectFileError(message, source=source) from error
    if len(content) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"{source}: larger than {limit} MB; a project file may be at most {limit} MB"
        raise ProjectFileError(message, source=source)
    return parse_project_document(_load_json(content, source=source), source=source)


def parse_project_document(data: object, *, source: str) -> ProjectRecord:
    """The project a decoded JSON document describes; ``source`` names it in error messages."""
    document = _with_known_header(data, source=source)
    try:
        raise_first(_schema_problems(document), source=source, kind="schema error")
        raise_first(find_problems(document["project"]), source=source, kind="problem")
        return project_record(document["project"])
    except RecursionError:
        raise ProjectFileError(f"{source}: document: nested too deeply", source=source) from None


class _DuplicateKeyError(ValueError):
    pass


def _load_json(content: bytes, *, source: str) -> object:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"{source}: not UTF-8 text: bad byte at offset {error.start}"
        raise ProjectFileError(message, source=source) from None
    try:
        return json.loads(text, object_pairs_hook=_object_without_duplicate_keys)
    except json.JSONDecodeError as error:
        where = f"{source}:{error.lineno}:{error.colno}"
        raise ProjectFileError(f"{where}: invalid JSON: {error.msg}", source=source) from None
    except _DuplicateKeyError as error:
        raise ProjectFileError(f"{source}: invalid JSON: {error}", source=source) from None
    except RecursionError:
        raise ProjectFileError(
            f"{source}: invalid JSON: nested too deeply", source=source
        ) from None


def _object_without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(f"the key {key!r} appears twice in one object")
        if isinstance(value, str) and "\x00" in value:  # PostgreSQL's text cannot hold it
            raise _DuplicateKeyError(f"the value of {key!r} holds a NUL character (\\u0000)")
        found[key] = value
    return found


def _with_known_header(data: object, *, source: str) -> dict[str, Any]:
    """The document, once it is a JSON object declaring the format and a version we read."""
    if not isinstance(data, dict):
        message = f"{source}: document: a project file is a JSON object, not {type(data).__name__}"
        raise ProjectFileError(message, source=source, path="document")
    if data.get("format") != FORMAT:
        detail = f'not a Logframe project file: expected "format": "{FORMAT}"'
        raise ProjectFileError(f"{source}: format: {detail}", source=source, path="format")
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        shown = "missing" if version is None else f"unsupported version {version!r}"
        detail = f"{shown}; this program reads version {VERSION} of the project file format"
        raise ProjectFileError(f"{source}: version: {detail}", source=source, path="version")
    return data


def _schema_problems(data: dict[str, Any]) -> list[Problem]:
    errors = list(_validator().iter_errors(data))
    first = best_match(errors)
    if first is None:
        return []
    rest = [error for error in errors if error is not first]
    return [_problem(error) for error in [first, *rest]]


def _problem(error: ValidationError) -> Problem:
    detail = error.message
    if len(detail) > _MESSAGE_LIMIT:
        detail = detail[: _MESSAGE_LIMIT - 1] + "…"
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "type" and schema.get("pattern") == _DECIMAL_PATTERN:
        detail += '; write a decimal as a JSON string, such as "5848841.07"'
    return Problem(path=json_path(error.absolute_path), detail=detail)


@functools.cache
def _validator() -> Validator:
    """The schema's validator; an integer is a JSON integer only (not 1.0, not true)."""
    type_checker = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: type(value) is int
    )
    strict: type[Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, type_checker=type_checker
    )
    return strict(project_file_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def project_file_schema() -> dict[str, Any]:
    """The JSON Schema of the project file (a fresh copy)."""
    text = resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
