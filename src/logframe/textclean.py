"""Text from people and files, without the invisible characters that reorder it.

Unicode's bidirectional controls change the order in which text is *shown*, not what it
says: an override (U+202E RIGHT-TO-LEFT OVERRIDE) makes "1,200" read "002,1", and an
unclosed embedding or isolate spills over whatever follows it on the page — another
person's figure, a code such as 1.1.8. ``strip_bidi_controls`` is the one function every
text a person or an imported file writes goes through (the workflow services, the
importers' text cleaning):

- overrides and embeddings (U+202A to U+202E) are removed: nothing typed needs them;
- direction marks (U+200E LRM, U+200F RLM, U+061C ALM) are removed: next to a figure
  they move it, and the pages isolate every stored text anyway (``<bdi>``);
- isolates (U+2066 LRI, U+2067 RLI, U+2068 FSI … U+2069 PDI) are kept only in pairs
  that open and close within one line; an unpaired one is removed.

Layer-free (standard library only), like ``logframe.richtext``. See docs/i18n.md.
"""

from __future__ import annotations

import re

EMBEDDINGS_AND_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
MARKS = "\u200e\u200f\u061c"  # LRM RLM ALM
ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI RLI FSI
ISOLATE_CLOSER = "\u2069"  # PDI
BIDI_CONTROLS = EMBEDDINGS_AND_OVERRIDES + MARKS + ISOLATE_OPENERS + ISOLATE_CLOSER

_ALWAYS = re.compile(f"[{EMBEDDINGS_AND_OVERRIDES}{MARKS}]")
_ANY = re.compile(f"[{BIDI_CONTROLS}]")
_LINE_ENDS = "\n\r\u2029\u0085\u2028"


def strip_bidi_controls(text: str) -> str:
    """``text`` without overrides, embeddings, marks and unpaired isolates (see above).

    Text without any bidi control (nearly all) is returned as it is, at the cost of one
    regular-expression search.
    """
    if not _ANY.search(text):
        return text
    return _paired_isolates(_ALWAYS.sub("", text))


def _paired_isolates(text: str) -> str:
    """Keep an isolate opener only with its closer on the same line, and the reverse."""
    if not any(ch in text for ch in ISOLATE_OPENERS + ISOLATE_CLOSER):
        return text
    kept = list(text)
    open_at: list[int] = []
    for index, ch in enumerate(text):
        if ch in ISOLATE_OPENERS:
            open_at.append(index)
        elif ch == ISOLATE_CLOSER:
            if open_at:
                open_at.pop()
            else:
                kept[index] = ""
        elif ch in _LINE_ENDS:
            for opened in open_at:
                kept[opened] = ""
            open_at.clear()
    for opened in open_at:
        kept[opened] = ""
    return "".join(kept)


def has_bidi_controls(text: str) -> bool:
    return bool(_ANY.search(text))
