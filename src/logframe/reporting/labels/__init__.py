"""The report's own words in English, Arabic and Kurdish (Sorani): headings, column titles,
"Target", month names. The project's own data (titles, narratives) is not in the labels
(its translations are picked before rendering); findings are said in the document's language
by ``finding_text.py``.

``labels(lang)`` gives one ``Labels``; every field must be filled for every language (a
missing one is a type error). Arabic and Sorani read right to left (``Labels.rtl``); the
renderers keep numbers and codes such as 1.1.8 left to right inside them.
"""

from __future__ import annotations

from logframe.reporting.labels.arabic import AR
from logframe.reporting.labels.english import EN
from logframe.reporting.labels.kurdish import CKB
from logframe.reporting.labels.words import DASH, LANGS, Labels, Lang

__all__ = ["AR", "CKB", "DASH", "EN", "LANGS", "Labels", "Lang", "labels"]

_BY_LANG: dict[Lang, Labels] = {"en": EN, "ar": AR, "ckb": CKB}


def labels(lang: Lang = "en") -> Labels:
    """The labels of ``lang``; ValueError naming the languages for any other."""
    try:
        return _BY_LANG[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}") from None
