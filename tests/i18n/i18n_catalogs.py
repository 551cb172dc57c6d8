"""The interface's catalogs read as they are written (a small .po reader, no dependency)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "src" / "logframe" / "locale"
LANGUAGES = ("ar", "ckb")


@dataclass
class Entry:
    line: int
    msgctxt: str = ""
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""
    plurals: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """The message's key in a compiled catalog: ``context\x04msgid`` with a context."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt else self.msgid

    @property
    def translations(self) -> list[str]:
        return list(self.plurals.values()) if self.msgid_plural else [self.msgstr]


def entries(language: str) -> list[Entry]:
    """Every message of ``language``'s django.po but the header, in file order."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    found: list[Entry] = []
    current: Entry | None = None
    key = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, key = None, ""
            continue
        if line.startswith("#,"):
            current = current or _new(found, number)
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(current, key, ast.literal_eval(line))
        else:
            current = current or _new(found, number)
            key, _, value = line.partition(" ")
            _append(current, key, ast.literal_eval(value))
    return [e for e in found if e.msgid]


def _new(found: list[Entry], number: int) -> Entry:
    found.append(Entry(line=number))
    return found[-1]


def _append(entry: Entry | None, key: str, text: str) -> None:
    assert entry is not None
    if key == "msgctxt":
        entry.msgctxt += text
    elif key == "msgid":
        entry.msgid += text
    elif key == "msgid_plural":
        entry.msgid_plural += text
    elif key == "msgstr":
        entry.msgstr += text
    elif key.startswith("msgstr["):
        index = int(key[7:-1])
        entry.plurals[index] = entry.plurals.get(index, "") + text
