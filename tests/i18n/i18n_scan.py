"""Find user-facing text not marked for translation, in templates and in Python.

A heuristic, strict enough that a new English sentence cannot slip in unnoticed:

- templates: the text between tags, and the ``title``/``aria-label``/``placeholder``/``alt``
  attributes, once ``{% translate %}``, ``{% blocktranslate %}…{% endblocktranslate %}``,
  comments, tags, variables, ``<script>``, ``<style>`` and ``<code>`` are taken out;
- Python: string literals of two words or more (or one capitalised word) in the modules that
  write pages, messages and refusals, outside a gettext call, a docstring, a logger call,
  an f-string's code part, HTML markup and the names the code uses.

What is left with a Latin word in it is reported with its file and line.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "logframe"

# Words that are the same in every language of the interface: names and formats.
NEUTRAL = {
    "Logframe", "HTML", "PDF", "CSV", "Word", "Excel", "Markdown", "XLSX", "DOCX", "IATI",
    "JSON", "API", "UN", "OK", "English",
}  # fmt: skip

_BLOCKTRANS = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.DOTALL
)
_TRANS = re.compile(r"{%\s*trans(?:late)?\s.*?%}", re.DOTALL)
_COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.DOTALL)
_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.DOTALL)
_RAW = re.compile(r"<(script|style|code|kbd)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_ATTR = re.compile(r"""\b(?:title|aria-label|placeholder|alt)=(["'])(.*?)\1""", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]+")


def _english(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w not in NEUTRAL]
    return bool(words)


def _blank(match: re.Match[str]) -> str:
    """The match replaced by as many newlines, so line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def template_strings(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each unmarked piece of text in a template."""
    text = path.read_text(encoding="utf-8")
    for pattern in (_COMMENT, _BLOCKTRANS, _TRANS, _RAW):
        text = pattern.sub(_blank, text)
    text = _TAG.sub(lambda m: " " * 0 + _blank(m), text)
    for match in _ATTR.finditer(text):
        if _english(match.group(2)):
            yield text.count("\n", 0, match.start()) + 1, match.group(2)
    stripped = _HTML_TAG.sub(lambda m: "\x00" + _blank(m), text)
    offset = 0
    for piece in stripped.split("\x00"):
        if _english(piece):
            yield stripped.count("\n", 0, offset) + 1, piece.strip()
        offset += len(piece) + 1


GETTEXT = {
    "_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
    "npgettext", "gettext_noop", "N_", "mark_for_translation",
}  # fmt: skip
_LOGGERS = {"debug", "info", "warning", "error", "exception", "critical"}
_CODE_LIKE = re.compile(r"^[\w.\-/:%{}()\[\]#*?=&+,;|^$\\ ]*$")
_SQL = re.compile(r"\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|FROM|WHERE|UNION|JOIN|AS|VALUES)\b")
_CSP = re.compile(r"\b[a-z]+(?:-[a-z]+)*-src\b|'(?:self|none|unsafe-inline)'")


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._skip: set[int] = set()

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        skipped = name in GETTEXT or attr in GETTEXT or attr in _LOGGERS
        if skipped or name in {"getattr", "Http404", "path", "re_path"}:
            for child in ast.walk(node):
                self._skip.add(id(child))
        self.generic_visit(node)

    def _docstrings(self, node: ast.AST) -> None:
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._skip.add(id(body[0].value))

    def visit_Module(self, node: ast.Module) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        for child in ast.walk(node.slice):
            self._skip.add(id(child))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self._skip or not isinstance(node.value, str):
            return
        text = _HTML_TAG.sub(" ", node.value)
        text = re.sub(r"&\w+;|\{[^}]*\}|%\(\w+\)s", " ", text)
        words = [w for w in _WORD.findall(text) if w not in NEUTRAL]
        if not words:
            return
        sentence = len(words) >= 2 and " " in text.strip()
        capitalised = len(words) == 1 and words[0][0].isupper() and words[0][1:].islower()
        if (sentence or capitalised) and not _identifier_like(node.value):
            self.found.append((node.lineno, node.value))


def _identifier_like(value: str) -> bool:
    """Names, paths, CSS classes, HTML attributes, SQL: not sentences for a person."""
    bare = value.strip()
    if re.search(r"<(?:str|int|slug|path):", bare):  # a URL pattern
        return True
    if '="' in bare and not re.search(r">[^<]*[A-Za-z]{2}", bare):  # markup being written
        return True
    if "=" in bare and "<" not in bare and "." not in bare.rstrip("."):
        return True
    if _CSP.search(bare):  # a security policy
        return True
    if _SQL.search(bare) and not re.search(r"[a-z]{2,} [a-z]{2,}", bare):  # a query's pieces
        return True
    return bool(re.fullmatch(r"[a-z0-9_\-./: ]+", bare)) and not bare.endswith(".")


def python_strings(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each sentence-like literal outside gettext in a module."""
    finder = _Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    yield from finder.found
