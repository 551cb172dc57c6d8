"""Agencies as the template names them: the participating line and the output rows.

- ``"UNDP (lead agency), UNOPS"``: items split on commas, semicolons, "and", "&" and "/";
  an item marked ``(lead…)`` (or followed by the word "lead") is the lead. When no item is
  marked, a single agency is the lead and several are all participating — never guessed.
- ``"UNDP lead w UNOPS IHEC has enhanced…"`` (an output row): the agencies are the longest
  run of known agency acronyms at the start, joined by "lead", "w", "w/", "with", "and", "&",
  "+", "/" or commas; the rest is the output's text. The agency followed by "lead" leads;
  otherwise the first named. A known agency is one of the reference table or of the report's
  participating organisations — the line ministry is not one, so "UNDP IHEC has…" reads as
  UNDP, then the text "IHEC has…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from logframe.domain.records import OrganisationKind, OrganisationRecord
from logframe.interchange.legacy.organisations import (
    looks_like_acronym,
    organisation_named,
    un_organisation,
)
from logframe.interchange.legacy.wording import collapse

_ITEM_SPLIT = re.compile(r"\s*[,;/&]\s*(?![^()]*\))")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_LEAD_NOTE = re.compile(r"\(\s*lead\b[^)]*\)|\blead(?:\s+agency)?\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019&-]*|[/,;&+()]")
_CONNECTORS = frozenset({"w", "with", "and", "&", "+", "/", ",", ";", "(", ")", "jointly"})


@dataclass(frozen=True)
class Named:
    organisation: OrganisationRecord
    lead: bool


def participants(text: str) -> list[Named]:
    """The organisations of the ``Participating UN Organisation:`` line, in order."""
    found: list[Named] = []
    for item in _items(text):
        lead = bool(_LEAD_NOTE.search(item))
        named = organisation_named(_LEAD_NOTE.sub("", item), kind=OrganisationKind.UN_AGENCY)
        if named is not None and all(n.organisation.code != named.code for n in found):
            found.append(Named(named, lead))
    if len(found) == 1 and not found[0].lead:
        found[0] = Named(found[0].organisation, True)
    return found


def _items(text: str) -> list[str]:
    """Items split on , ; / & — and on "and" only between acronyms ("UNDP and UNOPS")."""
    items: list[str] = []
    for item in _ITEM_SPLIT.split(text):
        parts = _AND.split(item)
        bare = [_LEAD_NOTE.sub("", part).strip() for part in parts]
        items.extend(parts if all(looks_like_acronym(b) for b in bare) else [item])
    return items


@dataclass(frozen=True)
class Responsible:
    lead: str
    partners: tuple[str, ...]
    rest: str  # the text after the agencies
    organisations: tuple[OrganisationRecord, ...]


def _agency(
    tokens: list[re.Match[str]], index: int, known: dict[str, OrganisationRecord]
) -> tuple[OrganisationRecord | None, int]:
    """The agency starting at ``tokens[index]`` and how many tokens it takes (two for UN Women)."""
    for width in (2, 1):
        if index + width > len(tokens):
            continue
        text = " ".join(t[0] for t in tokens[index : index + width])
        key = re.sub(r"[^A-Za-z0-9]", "", text).upper()
        if key in known:
            return known[key], width
        reference = un_organisation(text)
        if reference is not None and text[:1].isupper():
            return reference, width
    return None, 1


def responsible(text: str, *, participants: list[OrganisationRecord]) -> Responsible:
    """The agencies at the start of an output row's text, and the text after them."""
    known = {re.sub(r"[^A-Za-z0-9]", "", o.code).upper(): o for o in participants}
    tokens = list(_TOKEN.finditer(text))
    agencies: list[OrganisationRecord] = []
    lead_index: int | None = None
    index, end = 0, 0
    while index < len(tokens):
        agency, width = _agency(tokens, index, known)
        word = tokens[index][0].lower()
        if agency is not None:
            if all(a.code != agency.code for a in agencies):
                agencies.append(agency)
            end = tokens[index + width - 1].end()
        elif word in ("lead", "(lead)") and agencies:
            lead_index = lead_index if lead_index is not None else len(agencies) - 1
            end = tokens[index].end()
        elif word not in _CONNECTORS or not agencies:
            break
        index += width if agency is not None else 1
    if not agencies:
        return Responsible("", (), collapse(text), ())
    lead = agencies[lead_index or 0]
    partners = tuple(a.code for a in agencies if a.code != lead.code)
    return Responsible(lead.code, partners, collapse(text[end:]).lstrip(",;/&)- "), tuple(agencies))
