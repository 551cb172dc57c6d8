"""Who a report names: UN organisations by acronym, the line ministry, the fund.

``UN_ORGANISATIONS`` is the reference table of the UN organisations that take part in UN
multi-partner trust funds: acronym and full name. A report names agencies by acronym; an
acronym the table does not know becomes an organisation whose name is the acronym. Spelling
variants (``UN Habitat``, ``UN-HABITAT``, ``UNHABITAT``; ``UN Women``, ``UNWOMEN``) are matched
by their letters alone. ``KNOWN_FUNDS`` gives the codes of funds by name; another fund gets
the initials of the capitalised words of its name.
"""

from __future__ import annotations

import re

from logframe.domain.records import FundRecord, OrganisationKind, OrganisationRecord
from logframe.interchange.legacy.wording import collapse

UN_ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("UNDP", "United Nations Development Programme"),
    ("UNOPS", "United Nations Office for Project Services"),
    ("UNICEF", "United Nations Children's Fund"),
    ("WHO", "World Health Organization"),
    ("FAO", "Food and Agriculture Organization of the United Nations"),
    ("UNFPA", "United Nations Population Fund"),
    ("UNHCR", "Office of the United Nations High Commissioner for Refugees"),
    ("UN-HABITAT", "United Nations Human Settlements Programme"),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization"),
    ("ILO", "International Labour Organization"),
    ("UNIFEM", "United Nations Development Fund for Women"),
    ("UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women"),
    ("WFP", "World Food Programme"),
    ("UNIDO", "United Nations Industrial Development Organization"),
    ("UNEP", "United Nations Environment Programme"),
    ("OCHA", "United Nations Office for the Coordination of Humanitarian Affairs"),
    ("IOM", "International Organization for Migration"),
    ("UNAMI", "United Nations Assistance Mission for Iraq"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
    ("ESCWA", "United Nations Economic and Social Commission for Western Asia"),
    ("UNCTAD", "United Nations Conference on Trade and Development"),
    ("ITC", "International Trade Centre"),
    ("UNMAS", "United Nations Mine Action Service"),
    ("OHCHR", "Office of the United Nations High Commissioner for Human Rights"),
    ("UNAIDS", "Joint United Nations Programme on HIV/AIDS"),
    ("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East"),
    ("IFAD", "International Fund for Agricultural Development"),
    ("UNV", "United Nations Volunteers"),
    ("UNCDF", "United Nations Capital Development Fund"),
    ("ITU", "International Telecommunication Union"),
    ("UNDSS", "United Nations Department of Safety and Security"),
    ("UNITAR", "United Nations Institute for Training and Research"),
    ("UNECE", "United Nations Economic Commission for Europe"),
    ("ECA", "United Nations Economic Commission for Africa"),
    ("ESCAP", "United Nations Economic and Social Commission for Asia and the Pacific"),
    ("ECLAC", "United Nations Economic Commission for Latin America and the Caribbean"),
    ("UNDESA", "United Nations Department of Economic and Social Affairs"),
    ("WMO", "World Meteorological Organization"),
    ("UNWTO", "World Tourism Organization"),
    ("IAEA", "International Atomic Energy Agency"),
)
_ALIASES = {"UNOCHA": "OCHA", "DESA": "UNDESA", "UNWOMAN": "UN Women"}

KNOWN_FUNDS: tuple[tuple[str, str], ...] = (
    ("United Nations Development Group Iraq Trust Fund", "UNDG-ITF"),
    ("UNDG Iraq Trust Fund", "UNDG-ITF"),
    ("Peacebuilding Fund", "PBF"),
    ("United Nations Peacebuilding Fund", "PBF"),
)


def _letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text).upper()


_BY_LETTERS = {_letters(code): (code, name) for code, name in UN_ORGANISATIONS}
_BY_LETTERS.update({alias: _BY_LETTERS[_letters(code)] for alias, code in _ALIASES.items()})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]*[A-Z0-9]$|^[A-Z]$")
_LOWER_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "des", "du", "el", "for", "in", "la", "le", "les", "of", "on",
     "the", "to"}
)  # fmt: skip


def un_organisation(text: str) -> OrganisationRecord | None:
    """The reference entry an acronym names (``"undp"``, ``"UN Habitat"``), or None."""
    found = _BY_LETTERS.get(_letters(text))
    if found is None or len(text) > 20:
        return None
    return OrganisationRecord(code=found[0], name=found[1])


def looks_like_acronym(text: str) -> bool:
    """``UNDP``, ``UN-HABITAT``, ``IHEC`` — not ``Governance`` or ``lead``."""
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= max(2, len(text) // 2)


def initials(name: str) -> str:
    """The initials of the capitalised words: ``"Ministry of Planning"`` → ``"MP"``."""
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", name)
    letters = "".join(w[0] for w in words if w[0].isupper() and w.lower() not in _LOWER_WORDS)
    return letters or _letters(name)[:12]


def organisation_named(text: str, *, kind: OrganisationKind) -> OrganisationRecord | None:
    """An organisation as a report names it.

    ``"UNDP"`` → the reference entry; ``"Independent High Electoral Commission (IHEC)"`` →
    code IHEC, that name; ``"XYZ"`` (an unknown acronym) → code and name XYZ; a name without
    an acronym → code its initials. None for an empty text.
    """
    text = collapse(text).strip(" ,;.")
    if not text:
        return None
    known = un_organisation(text)
    if known is not None and kind is OrganisationKind.UN_AGENCY:
        return known
    match = re.match(r"^(.*?)\s*\(([^()]+)\)$", text)
    if match and looks_like_acronym(match[2].strip()):
        name, code = collapse(match[1]), match[2].strip()
        reference = un_organisation(code)
        if reference is not None and kind is OrganisationKind.UN_AGENCY:
            return reference
        return OrganisationRecord(code=code, name=name or code, kind=kind)
    if looks_like_acronym(text):
        return OrganisationRecord(code=text, name=text, kind=kind)
    code = initials(text)
    return OrganisationRecord(code=code, name=text, kind=kind) if code else None


def fund_record(name: str, *, currency: str) -> FundRecord:
    """The fund a report's first line names, with its code from ``KNOWN_FUNDS`` or initials."""
    name = collapse(name)
    key = name.lower()
    code = next((c for known, c in KNOWN_FUNDS if known.lower() == key), None)
    return FundRecord(code=code or initials(name), name=name, currency=currency)
