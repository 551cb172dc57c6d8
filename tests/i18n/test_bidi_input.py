"""Bidi control characters cannot spoof a figure: stripped on save, isolated on display.

The payloads are the classic ones (Trojan Source, CVE-2021-42574): an override that shows
"1,200" as "002,1", an unclosed isolate that swallows the next cell, marks beside digits.
"""

# ruff: noqa: RUF001 - Arabic-Indic digits are what these tests are about
from __future__ import annotations

from decimal import Decimal

import pytest

from logframe.textclean import BIDI_CONTROLS, has_bidi_controls, strip_bidi_controls

RLO, LRO, PDF, RLE = "\u202e", "\u202d", "\u202c", "\u202b"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1,200", "1,200"),
        (f"{RLO}1,200{PDF}", "1,200"),  # shown as 002,1 in a browser
        (f"target {LRO}05{PDF} reached", "target 05 reached"),
        (f"{RLE}الفريق{PDF} 12", "الفريق 12"),
        (f"12{RLM}34", "1234"),
        (f"{ALM}٥٠٠ مشارك", "٥٠٠ مشارك"),
        (f"{LRM}1.1.8", "1.1.8"),
        (f"{RLI}unclosed isolate", "unclosed isolate"),  # would swallow what follows
        (f"closer alone{PDI}", "closer alone"),
        (f"a {LRI}G11-23{PDI} b", f"a {LRI}G11-23{PDI} b"),  # a pair: kept
        (f"{FSI}one{PDI} {FSI}two", f"{FSI}one{PDI} two"),
        (f"{LRI}spans\nlines{PDI}", "spans\nlines"),  # a pair must close on its line
        (f"{LRI}{RLI}nested{PDI}{PDI}", f"{LRI}{RLI}nested{PDI}{PDI}"),
        ("عربي English mixed ١٢٣ 456", "عربي English mixed ١٢٣ 456"),
    ],
)
def test_controls_are_stripped_and_pairs_kept(typed: str, stored: str) -> None:
    assert strip_bidi_controls(typed) == stored


def test_nothing_unpaired_survives_any_mix() -> None:
    text = "".join(BIDI_CONTROLS) + "x" + "".join(reversed(BIDI_CONTROLS)) + "\n" + PDI + LRI
    cleaned = strip_bidi_controls(text)
    assert not any(ch in cleaned for ch in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c")
    opened = sum(cleaned.count(ch) for ch in (LRI, RLI, FSI))
    assert opened == cleaned.count(PDI)
    assert has_bidi_controls(text)
    assert not has_bidi_controls("plain 1,200")


def test_plain_text_is_returned_as_it_is() -> None:
    text = "Output 1.1: 498 participants (468 male / 28 female)"
    assert strip_bidi_controls(text) is text


# ---- through the services and the pages ----------------------------------------------


@pytest.fixture
def manager(make_member, loaded_project):  # type: ignore[no-untyped-def]
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.mark.django_db
def test_the_workflow_strips_controls_from_every_text_it_saves(loaded_project, manager) -> None:
    from logframe.portfolio import models as m
    from logframe.workflow.entry import ValueInput, indicator_value_set, period_texts_set

    period = loaded_project.periods.get(year=2013, quarter=1)
    indicator = m.Indicator.objects.get(result__project=loaded_project, code="1.1.9")
    stored = period.values.get(indicator=indicator)
    indicator_value_set(
        period=period,
        indicator=indicator,
        data=ValueInput(value=Decimal(498), comment=f"reached {RLO}1,200{PDF} voters"),
        expected_version=stored.version,
        actor=manager,
    )
    period.refresh_from_db()
    period_texts_set(
        period=period,
        summary=f"<p>{RLO}done{PDF} &#x202e;twice</p>",
        constraints=f"{RLI}open",
        procurement="",
        expected_version=period.version,
        actor=manager,
    )
    period.refresh_from_db()
    saved = period.values.get(indicator=indicator)
    assert saved.comment == "reached 1,200 voters"
    assert not has_bidi_controls(period.summary + period.constraints)
    assert "done" in period.summary
    assert "twice" in period.summary


def test_the_legacy_importer_strips_controls() -> None:
    from logframe.interchange.legacy.text_blocks import text_blocks

    blocks = text_blocks(f"Title{RLO}\tG11{PDF}-23\n", name="r.txt")
    text = repr(blocks)
    assert not has_bidi_controls(text)
    assert "G11-23" in text
