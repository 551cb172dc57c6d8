"""No English sentence reaches a page, a message or an e-mail without passing gettext.

The heuristic is in ``i18n_scan``: text between tags (and titles, labels, placeholders) of
every template outside ``{% translate %}``/``{% blocktranslate %}``, and sentence-like
literals of the modules that write pages, messages, refusals and e-mails outside a gettext
call. A hit names the file and line; mark the text, run makemessages, translate it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from i18n_scan import SRC, python_strings, template_strings

TEMPLATES = sorted((SRC / "web" / "templates").rglob("*.html"))
# The modules whose strings a person reads in the interface or an e-mail.
PYTHON = sorted(
    path
    for folder in ("web", "workflow", "notify", "accounts")
    for path in (SRC / folder).rglob("*.py")
    if "migrations" not in path.parts
)
# Literals that are not words for a person: URL patterns, HTTP headers, the history's
# reasons (stored data, in the language of the record), developers' 404 texts.
NOT_INTERFACE = {
    "default-src 'none'; sandbox",
    "private, no-store",
    "entered on the web",
    "imported from an Excel template",
    ", whole fund",  # the demo's list of users, printed by the command line
    "Lax",  # a cookie's SameSite
}
# Files another change owns and has not marked yet (the fund list): remove a file from here
# once its strings pass gettext, so that it is checked like the others.
NOT_YET_MARKED = {}


def _relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


@pytest.mark.parametrize("path", TEMPLATES, ids=_relative)
def test_template_text_is_marked_for_translation(path: Path) -> None:
    if _relative(path) in NOT_YET_MARKED:
        pytest.skip("not marked yet by the change that owns it")
    unmarked = [f"{_relative(path)}:{line}: {text!r}" for line, text in template_strings(path)]
    assert not unmarked, "\n".join(unmarked)


@pytest.mark.parametrize("path", PYTHON, ids=_relative)
def test_python_sentences_are_marked_for_translation(path: Path) -> None:
    if _relative(path) in NOT_YET_MARKED:
        pytest.skip("not marked yet by the change that owns it")
    unmarked = [
        f"{_relative(path)}:{line}: {text!r}"
        for line, text in python_strings(path)
        if text not in NOT_INTERFACE
    ]
    assert not unmarked, "\n".join(unmarked)


def test_the_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    """A template and a module with one unmarked sentence each are caught; marked ones pass."""
    template = tmp_path / "t.html"
    template.write_text(
        '{% load i18n %}<h1>{% translate "Funds" %}</h1>\n<p title="Open it">Hello there</p>\n',
        encoding="utf-8",
    )
    module = tmp_path / "m.py"
    module.write_text(
        "from django.utils.translation import gettext as _\n"
        'A = _("Saved the narrative.")\n'
        'B = "Not saved: correct the fields."\n'
        "C = \"SELECT 'project:' || r.id AS k FROM \"\n"
        "D = \"default-src 'self'; frame-ancestors 'none'\"\n"
        'E = "Nothing was saved AS requested."\n',
        encoding="utf-8",
    )
    assert [text for _, text in template_strings(template)] == ["Open it", "Hello there"]
    assert [(line, text) for line, text in python_strings(module)] == [
        (3, "Not saved: correct the fields."),
        (6, "Nothing was saved AS requested."),
    ]
