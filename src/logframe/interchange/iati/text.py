"""Text for IATI narratives and values: plain text from our sanitised HTML, decimals."""

from __future__ import annotations

import re
from decimal import Decimal

from lxml import html

from logframe.interchange.projectfile.write import decimal_text

_BLOCKS = re.compile(r"</(p|li|h[1-6]|tr|div)>|<br\s*/?>", re.IGNORECASE)


def plain_text(markup: str) -> str:
    """The text of sanitised HTML, one line per paragraph or list item."""
    if not markup.strip():
        return ""
    marked = _BLOCKS.sub(lambda m: m.group(0) + "\n", markup)
    text = html.fragment_fromstring(marked, create_parent="div").text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def number(value: Decimal) -> str:
    """A decimal as IATI wants it: plain digits, no exponent, no padding zeros."""
    return decimal_text(value)
