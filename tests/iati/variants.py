"""Variants of the IATI samples for comparing two readers: each kind of element removed,
duplicated or its text garbled, each attribute emptied, padded, garbled or removed.

The samples' activities are first trimmed to at most ``KEEP`` children of each tag under
any parent (a budget is a budget: the 180th adds nothing the 3rd did not), then each
mutation is applied to the first ``PER_PATH`` elements of each path (``budget/value``), so
that every kind of part is mutated every way in a few thousand small files.
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

KEEP = 3
# how many elements of each path are mutated; IATI_VARIANTS_PER_PATH=3 for a thorough run
PER_PATH = int(os.environ.get("IATI_VARIANTS_PER_PATH", "1"))
HEADER = b'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'
FOOTER = b"\n</iati-activities>\n"
# texts and attribute values a publisher gets wrong (the reader must say so, or cope)
GARBLED_TEXTS = ("garbled ?", "  12,5  ", "1e999")
GARBLED_VALUES = ("garbled", "2014-02-30")


@dataclass(frozen=True)
class Variant:
    name: str  # what was done: "budget/value: text '1e999'"
    content: bytes  # a whole IATI file with the one mutated activity


def trimmed_activities(path: Path) -> list[etree._Element]:
    """The file's activities, each with at most KEEP children of a tag under any parent."""
    root = etree.parse(str(path)).getroot()
    activities = []
    for activity in root.iterfind("iati-activity"):
        activity = copy.deepcopy(activity)
        for parent in list(activity.iter()):
            seen: Counter[object] = Counter()
            for child in list(parent):
                seen[child.tag] += 1
                if seen[child.tag] > KEEP:
                    parent.remove(child)
        activities.append(activity)
    return activities


def variants(path: Path) -> Iterator[Variant]:
    """Every mutation of the first PER_PATH elements of each path in ``path``'s trimmed
    activities, as whole files."""
    seen: Counter[str] = Counter()
    for number, activity in enumerate(trimmed_activities(path), start=1):
        yield Variant(f"{path.name} activity {number} as is", _file(activity))
        for index, element in enumerate(activity.iter()):
            if not isinstance(element.tag, str):
                continue  # comments and processing instructions
            where = _path(element)
            seen[where] += 1
            if seen[where] > PER_PATH:
                continue
            for what, mutate in _mutations(element):
                changed = copy.deepcopy(activity)
                mutate(_nth(changed, index))
                yield Variant(f"{path.name} activity {number} {where}: {what}", _file(changed))


def generated_file(paths: tuple[Path, ...], copies: int) -> bytes:
    """The files' activities repeated ``copies`` times, each copy with its own identifier
    (as bench/iati.py makes its 100 MB file)."""
    activities = [
        etree.tostring(a)
        for path in paths
        for a in etree.parse(str(path)).getroot().iterfind("iati-activity")
    ]
    body = [
        a.replace(b"</iati-identifier>", b"-%d</iati-identifier>" % copy_, 1)
        for copy_ in range(1, copies + 1)
        for a in activities
    ]
    return HEADER + b"".join(body) + FOOTER


def _file(activity: etree._Element) -> bytes:
    return HEADER + etree.tostring(activity) + FOOTER


def _path(element: etree._Element) -> str:
    steps = [str(e.tag) for e in element.iterancestors() if e.tag != "iati-activity"]
    return "/".join([*reversed(steps), str(element.tag)])


def _nth(activity: etree._Element, index: int) -> etree._Element:
    for n, element in enumerate(activity.iter()):
        if n == index:
            return element
    raise IndexError(index)


def _mutations(element: etree._Element):  # type: ignore[no-untyped-def]
    """(what, function changing the element) for each mutation of ``element``."""
    if element.getparent() is not None:
        yield "removed", _remove
        yield "duplicated", _duplicate
    for text in GARBLED_TEXTS:
        yield f"text {text!r}", _set_text(text)
    for name in element.attrib:
        for value in ("", f"  {element.get(name)} ", *GARBLED_VALUES):
            yield f"@{name} {value!r}", _set_attribute(name, value)
        yield f"@{name} removed", _remove_attribute(name)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


def _duplicate(element: etree._Element) -> None:
    element.addnext(copy.deepcopy(element))


def _set_text(text: str):  # type: ignore[no-untyped-def]
    def mutate(element: etree._Element) -> None:
        element.text = text

    return mutate


def _set_attribute(name: str, value: str):  # type: ignore[no-untyped-def]
    def mutate(element: etree._Element) -> None:
        element.set(name, value)

    return mutate


def _remove_attribute(name: str):  # type: ignore[no-untyped-def]
    def mutate(element: etree._Element) -> None:
        del element.attrib[name]

    return mutate
