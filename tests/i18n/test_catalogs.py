"""The Arabic and Kurdish catalogs are complete, faithful to their placeholders, compiled.

A message without a translation, a fuzzy one (a guess by msgmerge), a translation that
drops or invents a ``%(name)s`` or ``{name}``, or a .mo older than its .po fails here, with
the file and line to fix (docs/i18n.md says how to update the catalogs).
"""

from __future__ import annotations

import gettext
import re

import pytest
from i18n_catalogs import LANGUAGES, LOCALE, entries

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
PLURAL_FORMS = {"ar": 6, "ckb": 2}


def _where(language: str, line: int) -> str:
    return f"src/logframe/locale/{language}/LC_MESSAGES/django.po:{line}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    problems = [
        f"{_where(language, e.line)}: {e.msgid[:60]!r} has no translation"
        for e in entries(language)
        if not all(t.strip() for t in e.translations)
    ]
    problems += [
        f"{_where(language, e.line)}: {e.msgid[:60]!r} is fuzzy"
        for e in entries(language)
        if "fuzzy" in e.flags
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(language: str) -> None:
    wrong = [
        f"{_where(language, e.line)}: {len(e.plurals)} forms for {e.msgid[:50]!r}"
        for e in entries(language)
        if e.msgid_plural and len(e.plurals) != PLURAL_FORMS[language]
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    """What the code fills in must be there, and nothing else: a lost ``%(code)s`` hides a
    figure, an invented one breaks the page."""
    problems = []
    for e in entries(language):
        wanted = set(PLACEHOLDER.findall(e.msgid + e.msgid_plural))
        for text in e.translations:
            found = set(PLACEHOLDER.findall(text))
            if found - wanted or (not e.msgid_plural and wanted - found):
                problems.append(f"{_where(language, e.line)}: {e.msgid[:50]!r} → {text[:50]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_written_in_arabic_script(language: str) -> None:
    """Not left as English: every translation has Arabic letters (names such as "Logframe"
    or "Excel" aside)."""
    arabic = re.compile(r"[\u0600-\u06ff]")
    english = [
        f"{_where(language, e.line)}: {t[:50]!r}"
        for e in entries(language)
        for t in e.translations
        if not arabic.search(PLACEHOLDER.sub("", t))
        and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", e.msgid))
        and PLACEHOLDER.sub("", e.msgid).strip(" ():%,.·/")
    ]
    assert not english, "\n".join(english)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_the_po_file(language: str) -> None:
    """``django.mo`` is committed (a fresh clone needs no gettext tools): it must say what
    the .po says — run compilemessages after every edit of a .po."""
    path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in entries(language):
        if e.msgid_plural:
            for n, text in e.plurals.items():
                got = compiled._catalog.get((e.key, n))  # type: ignore[attr-defined]
                if got != text:
                    stale.append(f"{_where(language, e.line)}: {e.msgid[:50]!r}[{n}]")
        elif compiled._catalog.get(e.key) != e.msgstr:  # type: ignore[attr-defined]
            stale.append(f"{_where(language, e.line)}: {e.msgid[:50]!r}")
    assert not stale, "django.mo is older than django.po:\n" + "\n".join(stale)
