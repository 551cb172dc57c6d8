"""The streaming reader gives exactly what the reader before the speed work of issue 6 gave
(frozen in ``tests/iati/reference``): the same records — field by field, with the same
types and the same Decimal digits —, the same violations, the same errors with their lines,
on the samples, on files made by repeating them, and on thousands of mutated variants."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path

import pytest

from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.read import read_activities
from tests.iati.conftest import ALL_SAMPLES, TODAY, WORLD_BANK, WRI
from tests.iati.reference.read import read_activities as reference_read_activities
from tests.iati.variants import generated_file, variants

MULTILINGUAL = (
    Path(__file__).parents[1] / "translations" / "samples" / "multilingual-activities.xml"
)


def exact(value: object) -> object:
    """``value`` as nested tuples that differ whenever two values differ in any way ``==``
    forgives: a type (a str subclass, an int for a Decimal), Decimal digits (1.0 and 1.00),
    a dataclass field's presence or its place in the instance's ``__dict__``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = tuple(
            (field.name, exact(getattr(value, field.name))) for field in dataclasses.fields(value)
        )
        return (type(value).__qualname__, fields, tuple(vars(value)))
    if isinstance(value, tuple | list):
        return (type(value).__qualname__, tuple(exact(item) for item in value))
    if isinstance(value, enum.Enum):
        return (type(value).__qualname__, value.name)
    return (type(value).__qualname__, repr(value))


def outcome(reader, path: Path, **options: object) -> object:  # type: ignore[no-untyped-def]
    """Everything a reader gives for ``path``: each activity's record, line and violations,
    up to the error it stops at (its type, message, file and line)."""
    found: list[object] = []
    try:
        for item in reader(path, **options):
            found.append((exact(item.record), item.line, exact(item.violations)))
    except IatiFileError as error:
        found.append(("error", str(error), error.args))
    return found


# as the bench reads, as the importer reads (rules, codes and translations), with rules only
OPTIONS = ({}, {"today": TODAY, "languages": True}, {"today": TODAY})


def assert_same(path: Path) -> None:
    for options in OPTIONS:
        new = outcome(read_activities, path, **options)
        assert new == outcome(reference_read_activities, path, **options), (path.name, options)


@pytest.mark.parametrize("path", [*ALL_SAMPLES, MULTILINGUAL], ids=lambda p: p.name)
def test_the_samples_read_as_before(path: Path):
    assert_same(path)


def test_a_generated_file_reads_as_before(tmp_path: Path):
    path = tmp_path / "repeated.xml"
    path.write_bytes(generated_file((WORLD_BANK, WRI), copies=3))
    assert_same(path)


@pytest.mark.parametrize("sample", [*ALL_SAMPLES, MULTILINGUAL], ids=lambda p: p.name)
def test_every_variant_reads_as_before(tmp_path: Path, sample: Path):
    path = tmp_path / "variant.xml"
    count = 0
    for variant in variants(sample):
        path.write_bytes(variant.content)
        for options in OPTIONS[:2]:
            new = outcome(read_activities, path, **options)
            old = outcome(reference_read_activities, path, **options)
            assert new == old, (variant.name, options)
        count += 1
    assert count > 200  # the mutations did run
