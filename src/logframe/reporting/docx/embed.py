"""Vazirmatn embedded in a Word document, so that an Arabic or Kurdish report reads the same
on a machine that does not have the font (Word and LibreOffice use an embedded font; without
it they fall back to whatever font the machine has for Arabic script, and Kurdish letters
such as ڕ, ۆ or ێ may come out in another font, or as boxes).

Word embeds TrueType fonts "obfuscated" (ECMA-376 Part 1, §17.8.1): the font file is stored
as a part of its own (``word/fonts/fontN.odttf``) whose first 32 bytes are XORed with a key,
the 16 bytes of a GUID read from its last hex digits to its first; ``word/fontTable.xml``
names the part and the GUID (``w:embedRegular r:id=… w:fontKey="{GUID}"``), and
``word/settings.xml`` says that the document carries its fonts (``w:embedTrueTypeFonts``).
The GUID is made from the font file's bytes, so the same document is written byte for byte
the same every time.

The font is embedded when the document needs it: when it is right-to-left, or when any of
its text is in Arabic script (an Arabic name in an English report). An English report of
Latin text only stays as small as it was.
"""

from __future__ import annotations

import hashlib
import uuid
from functools import cache
from pathlib import Path

from lxml import etree

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from logframe import fonts

OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_TABLE = "/word/fontTable.xml"
# what may come before w:embedTrueTypeFonts in w:settings (CT_Settings' order)
_BEFORE_EMBED = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
)  # fmt: skip
# what may follow w:embedRegular / w:embedBold in w:font (CT_Font's order)
_AFTER_EMBED = {
    "w:embedRegular": ("w:embedBold", "w:embedItalic", "w:embedBoldItalic"),
    "w:embedBold": ("w:embedItalic", "w:embedBoldItalic"),
}


def needs_fonts(document: DocumentObject, *, rtl: bool) -> bool:
    """Whether ``document`` should carry Vazirmatn: right-to-left, or Arabic script in it."""
    if rtl:
        return True
    parts = [document.part, *(s.footer.part for s in document.sections)]
    return any(
        fonts.ARABIC_SCRIPT.search(etree.tostring(p.element, encoding="unicode")) for p in parts
    )


def embed_fonts(document: DocumentObject) -> None:
    """Embed Vazirmatn (regular and bold) in ``document``, obfuscated as Word does."""
    table_part = _font_table(document)
    table = etree.fromstring(table_part.blob)
    font = _font_entry(table)
    for tag, path in (("w:embedRegular", fonts.REGULAR), ("w:embedBold", fonts.BOLD)):
        key, blob = _obfuscated(path)
        partname = PackURI(f"/word/fonts/{path.stem}.odttf")
        part = Part(partname, OBFUSCATED, blob, document.part.package)
        embedded = font.find(qn(tag))
        if embedded is None:
            embedded = etree.Element(qn(tag))
            following = [font.find(qn(t)) for t in _AFTER_EMBED[tag]]
            after = next((f for f in following if f is not None), None)
            if after is None:
                font.append(embedded)
            else:
                after.addprevious(embedded)
        embedded.set(qn("r:id"), table_part.relate_to(part, RT.FONT))
        embedded.set(qn("w:fontKey"), key)
    table_part._blob = etree.tostring(
        table, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    _settings_embed(document)


def deobfuscate(blob: bytes, key: str) -> bytes:
    """The font file of an embedded part (the XOR is its own inverse): for tests and tools."""
    return _xor(blob, key)


@cache
def _obfuscated(path: Path) -> tuple[str, bytes]:
    data = path.read_bytes()
    key = "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"
    return key, _xor(data, key)


def _xor(data: bytes, key: str) -> bytes:
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]  # the GUID's hex digits read from the last pair
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_table(document: DocumentObject) -> Part:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            part: Part = rel.target_part
            return part
    raise LookupError(f"the Word template has no {FONT_TABLE}")


def _font_entry(table: etree._Element) -> etree._Element:
    """The font table's ``w:font`` for Vazirmatn, added when missing."""
    for font in table.iterfind(qn("w:font")):
        if font.get(qn("w:name")) == fonts.FAMILY:
            return font
    font = etree.SubElement(table, qn("w:font"))
    font.set(qn("w:name"), fonts.FAMILY)
    for tag, value in (("w:charset", "00"), ("w:family", "auto"), ("w:pitch", "variable")):
        etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
    return font


def _settings_embed(document: DocumentObject) -> None:
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    flag = etree.Element(qn("w:embedTrueTypeFonts"))
    before = [child for child in settings if child.tag in {qn(t) for t in _BEFORE_EMBED}]
    if before:
        before[-1].addnext(flag)
    else:
        settings.insert(0, flag)
