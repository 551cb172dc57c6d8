"""A broken IATI rule or code, with where it stands in the file."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class Violation:
    path: str  # "iati-activity[2]/budget[3]/period-end"
    rule: str  # the ruleset id ("7.5.3"), "codelist" or "xsd"
    message: str
    severity: str = "error"  # or "warning"
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message} [{self.severity} {self.rule}]"


def element_path(element: etree._Element) -> str:
    """``iati-activity[2]/budget[3]/value``: each step with its place among same-named siblings.

    Counted on the element's siblings as they are, so a streaming reader that drops
    finished activities still gives paths that name the activity by its identifier.
    """
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        if node.tag == "iati-activity":
            identifier = (node.findtext("iati-identifier") or "?").strip()
            steps.append(f"iati-activity({identifier})")
            break
        parent = node.getparent()
        if parent is None:
            steps.append(str(node.tag))
            break
        same = [child for child in parent if child.tag == node.tag]
        name = str(node.tag)
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/".join(reversed(steps))


def line_of(element: etree._Element) -> int | None:
    """The element's line in its file, when the parser knows it."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def elements(element: etree._Element, xpath: str) -> list[etree._Element]:
    """The elements an XPath selects (anything else it selects is left out)."""
    found = element.xpath(xpath)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


def strings(element: etree._Element, xpath: str) -> list[str]:
    """The attribute values or texts an XPath selects, stripped."""
    found = element.xpath(xpath)
    if not isinstance(found, list):
        return []
    return [
        str(s).strip() for s in found if isinstance(s, str | bytes) and not isinstance(s, bytes)
    ]
