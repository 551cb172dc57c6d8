"""The entry forms read numbers and text the way people type them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from logframe.web.entry.forms import NumberField, paragraphs


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1459", Decimal(1459)),
        ("1,459", Decimal(1459)),
        ("1 459", Decimal(1459)),
        ("1\u00a0459", Decimal(1459)),
        ("1\u202f459", Decimal(1459)),
        ("12,824,814.81", Decimal("12824814.81")),
        ("  7 ", Decimal(7)),
        ("-3", Decimal(-3)),  # a number: the service says whether it may be negative
        ("96.5", Decimal("96.5")),
        ("", None),
    ],
)
def test_numbers_are_read_with_their_separators(typed, number):
    assert NumberField().clean(typed) == number


@pytest.mark.parametrize(
    "typed", ["abc", "12a", "1,45", "1,4590", "12,5", "1.459,5", "1 45", "--2"]
)
def test_anything_else_is_not_a_number(typed):
    with pytest.raises(forms.ValidationError, match=r"Enter a number\."):
        NumberField().clean(typed)


def test_a_percent_field_takes_a_final_percent_sign():
    assert NumberField(percent=True).clean("93 %") == Decimal(93)
    with pytest.raises(forms.ValidationError):
        NumberField().clean("93%")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One.", "<p>One.</p>"),
        ("One.\n\nTwo & three.", "<p>One.</p><p>Two &amp; three.</p>"),
        ("One.\r\n\r\n\r\nTwo.\nStill two.", "<p>One.</p><p>Two.\nStill two.</p>"),
        ("<p>Kept.</p>", "<p>Kept.</p>"),
        ("a < b", "<p>a &lt; b</p>"),
        ("", ""),
    ],
)
def test_plain_text_becomes_paragraphs(text, html):
    assert paragraphs(text) == html
