"""Validation against the vendored IATI 2.03 activities XSD (loaded once, no network)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import cast

from lxml import etree

from logframe.interchange.iati.violations import Violation

SCHEMA = Path(__file__).resolve().parent / "schema" / "iati-activities-schema.xsd"


@cache
def activities_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA), parser))


def schema_violations(document: etree._ElementTree) -> list[Violation]:
    """What the XSD finds wrong with ``document``; empty when it is valid."""
    schema = activities_schema()
    if schema.validate(document):
        return []
    return [
        Violation(path=error.path or "", rule="xsd", message=error.message, line=error.line)
        for error in cast(Iterable[etree._LogEntry], schema.error_log)
    ]
