"""Paragraph direction in a right-to-left report: each block takes its first letter's.

An Arabic or Kurdish report is ``dir="rtl"``, but the project's own text is often English.
Laid out right to left, an English paragraph's full stop moves to its start on the last
line (".standards"): WeasyPrint lays out each line on its own, so isolating the text is not
enough. As the Unicode bidi algorithm does for a plain-text paragraph, a block whose first
letter is Latin is made ``dir="ltr"``; one whose first letter is Arabic script (or that has
no letter, a figure) keeps the report's direction.
"""

from __future__ import annotations

from lxml import html as lxml_html

from logframe import fonts

BLOCKS = ("p", "li", "h3", "td", "th", "span")


def starts_latin(text: str) -> bool:
    """Whether the first letter of ``text`` is not in Arabic script (False with no letter)."""
    letter = next((c for c in text if c.isalpha()), "")
    return bool(letter) and not fonts.ARABIC_SCRIPT.match(letter)


def mark_left_to_right_blocks(fragment: str) -> str:
    """``fragment`` (one element) with dir="ltr" on every block that starts in Latin script."""
    root = lxml_html.fragment_fromstring(fragment)
    for element in root.iter(*BLOCKS):
        if element.tag == "span" and "text" not in (element.get("class") or "").split():
            continue
        if not element.get("dir") and starts_latin(element.text_content()):
            element.set("dir", "ltr")
    serialised: str = lxml_html.tostring(root, encoding="unicode")
    return serialised
