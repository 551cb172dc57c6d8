"""A data-quality finding's sentence in the document's language.

A finding keeps its English ``message`` and the ``Words`` it was made from
(``domain/findings.py``). The web says the words with Django's gettext
(``web/vocabulary.finding_message``); the documents must say the same sentence, but
renderers do not import Django, so the words are looked up here with the standard library's
``gettext`` in the same catalogues (``logframe/locale``, domain ``django``), and dates are
written with the labels' month names, as the web writes them.
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import lru_cache
from pathlib import Path

from logframe.domain.findings import Finding
from logframe.reporting.labels import Labels

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation("django", localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def finding_text(finding: Finding, t: Labels) -> str:
    """``finding``'s sentence in ``t``'s language; its English message when it has no words,
    or when a translation is broken (a lost parameter)."""
    if t.lang == "en" or finding.words is None:
        return finding.message
    catalogue = _catalogue(t.lang)

    def write_date(day: date) -> str:
        return f"{day.day} {t.months[day.month - 1]} {day.year}"

    try:
        return finding.words.render(
            gettext=catalogue.gettext, ngettext=catalogue.ngettext, write_date=write_date
        )
    except (KeyError, ValueError, TypeError):
        return finding.message
