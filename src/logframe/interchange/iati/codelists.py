"""Coded values checked against the vendored IATI codelists (the XSD does not check codes).

Every check is a row of ``CHECKS``: which elements, which attribute, which codelist, and
for vocabulary-dependent codes (sectors, regions) the vocabularies it applies to.
Withdrawn codes pass on import and are reported on export.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from logframe.interchange.iati.violations import Violation, element_path, line_of

CODELISTS = Path(__file__).resolve().parent / "codelists"


@dataclass(frozen=True)
class Codelist:
    name: str
    active: frozenset[str]
    withdrawn: frozenset[str]

    def __contains__(self, code: object) -> bool:
        return code in self.active or code in self.withdrawn


@cache
def codelist(name: str) -> Codelist:
    """The codes of one vendored codelist file (trusted: shipped with the package)."""
    tree = etree.parse(str(CODELISTS / f"{name}.xml"))
    active: set[str] = set()
    withdrawn: set[str] = set()
    for item in tree.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        (withdrawn if item.get("status") == "withdrawn" else active).add(code)
    return Codelist(name=name, active=frozenset(active), withdrawn=frozenset(withdrawn))


@dataclass(frozen=True)
class Check:
    tags: tuple[str, ...]  # the elements, anywhere in the activity, whose attribute it is
    attribute: str
    codelist: str
    vocabularies: tuple[str, ...] = ()  # only when @vocabulary is one of these ("" = absent)
    parent: str = ""  # only under this element ("" = anywhere)


LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHECKS = (
    Check(("activity-status",), "code", "ActivityStatus"),
    Check(("activity-date",), "type", "ActivityDateType"),
    Check(("description",), "type", "DescriptionType", parent="iati-activity"),
    Check(("participating-org",), "role", "OrganisationRole"),
    Check(("participating-org", "reporting-org"), "type", "OrganisationType"),
    Check(("other-identifier",), "type", "OtherIdentifierType"),
    Check(("recipient-country",), "code", "Country", parent="iati-activity"),
    Check(("recipient-region",), "code", "Region", ("", "1"), parent="iati-activity"),
    Check(("recipient-region",), "vocabulary", "RegionVocabulary", parent="iati-activity"),
    Check(("sector",), "code", "Sector", ("", "1")),
    Check(("sector",), "code", "SectorCategory", ("2",)),
    Check(("sector",), "vocabulary", "SectorVocabulary"),
    Check(("budget",), "type", "BudgetType"),
    Check(("budget",), "status", "BudgetStatus"),
    Check(("value",), "currency", "Currency"),
    Check(("iati-activity",), "default-currency", "Currency"),
    Check(("transaction-type",), "code", "TransactionType"),
    Check(("category",), "code", "DocumentCategory", parent="document-link"),
    Check(("result",), "type", "ResultType"),
    Check(("indicator",), "measure", "IndicatorMeasure"),
    Check(("reference",), "vocabulary", "IndicatorVocabulary", parent="indicator"),
    Check(("reference",), "vocabulary", "ResultVocabulary", parent="result"),
    Check(("*",), LANG, "Language"),
)
_BY_TAG: dict[str, list[Check]] = {}
for _check in CHECKS:
    for _tag in _check.tags:
        _BY_TAG.setdefault(_tag, []).append(_check)


def check_codes(activity: etree._Element, *, export: bool) -> list[Violation]:
    """Every coded value of ``activity`` not on its codelist (withdrawn ones too, on export).

    One walk through the activity; each element is checked by the rows for its tag."""
    found: list[Violation] = []
    for element in activity.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        for check in (*_BY_TAG.get(tag, ()), *_BY_TAG["*"]):
            code = element.get(check.attribute)
            if code is None or not _applies(check, element):
                continue
            found += _check_one(check, element, code.strip(), export=export)
    return found


def _applies(check: Check, element: etree._Element) -> bool:
    if check.vocabularies and (element.get("vocabulary") or "") not in check.vocabularies:
        return False
    parent = element.getparent()
    return not check.parent or (parent is not None and parent.tag == check.parent)


def _check_one(
    check: Check, element: etree._Element, code: str, *, export: bool
) -> list[Violation]:
    codes = codelist(check.codelist)
    name = check.attribute.rsplit("}", 1)[-1]
    if check.codelist == "Language":
        code = code.lower()
    if code not in codes:
        message = f"@{name} {code!r} is not on the {check.codelist} codelist"
    elif export and code in codes.withdrawn:
        message = f"@{name} {code!r} is withdrawn from the {check.codelist} codelist"
    else:
        return []
    return [
        Violation(
            path=element_path(element),
            rule="codelist",
            message=message,
            line=line_of(element),
        )
    ]
