"""A text and its translations as IATI narratives: the original in the activity's language
(no ``xml:lang``), then one ``<narrative xml:lang="..">`` per other language.

IATI's Language codelist holds ISO 639-1 codes only: a tag is written as its primary
subtag ("pt-BR" → "pt"), and a language with no two-letter code as its macrolanguage's
(Sorani "ckb" → Kurdish "ku"). Two translations that come to the same code: the first is
written.
"""

from __future__ import annotations

from lxml import etree

from logframe.domain.records import RICH_TEXT_FIELDS, ProjectRecord, TextSubject
from logframe.interchange.iati.text import plain_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MACROLANGUAGES = {"ckb": "ku", "kmr": "ku", "sdh": "ku", "arb": "ar", "acm": "ar", "apc": "ar"}


def iati_language(tag: str) -> str:
    """The code IATI's Language codelist has for a language tag: "ckb" → "ku"."""
    primary = tag.split("-")[0].lower()
    return MACROLANGUAGES.get(primary, primary)


def add_narratives(
    parent: etree._Element,
    content: str,
    record: ProjectRecord,
    *,
    subject: TextSubject,
    field: str,
    code: str = "",
) -> None:
    """``content`` as the first narrative of ``parent``, then its translations."""
    rich = field in RICH_TEXT_FIELDS
    etree.SubElement(parent, "narrative").text = content
    written = {iati_language(record.language)}
    for translation in record.translations:
        if (translation.subject, translation.field, translation.code) != (subject, field, code):
            continue
        text = plain_text(translation.text) if rich else translation.text
        language = iati_language(translation.language)
        if text and language not in written:
            written.add(language)
            etree.SubElement(parent, "narrative", {XML_LANG: language}).text = text
