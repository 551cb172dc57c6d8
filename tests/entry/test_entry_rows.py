"""An editable row's inputs are written from one form per page and shape, its marks filled
per row (``rows.StoredInputs``): the markup must be what the row's own form writes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from logframe.portfolio import models as m
from logframe.web.entry import forms as f
from logframe.web.entry.blocks import ValueRow
from logframe.web.entry.rows import StoredInputs, form_inputs

SHAPES = [
    ("count", "none"),
    ("count", "sex"),
    ("percentage", "none"),
    ("milestone", "none"),
    ("milestone", "sex"),
]
VALUES = [
    None,
    {},
    {"value": Decimal(1459), "male": Decimal(700), "female": Decimal("759.5"), "version": 3},
    {"value": Decimal(0), "comment": "<b>\"late\"</b> & 'odd' \x01 __pk__ \\x00pk\\x00"},
    {"status": "initiated", "estimated_pct": Decimal(8), "comment": "ok"},
    {"status": "completed", "estimated_pct": Decimal("100.0000")},
    {"status": "", "estimated_pct": None, "comment": ""},
    {"status": "no such status", "version": 12},
]


def stored(values: dict | None) -> m.IndicatorValue | None:
    if values is None:
        return None
    return m.IndicatorValue(**{"version": 1, **values})


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(("measure", "split"), SHAPES)
@pytest.mark.parametrize("values", VALUES)
@pytest.mark.parametrize("code", ["1.1.9", 'A&B "<x>"'])
def test_the_filled_inputs_are_the_forms(language, measure, split, values, code):
    indicator = m.Indicator(pk=41, code=code, measure=measure, disaggregation=split)
    value = stored(values)
    milestone = measure == "milestone"
    with translation.override(language):
        form = f.ValueForm(initial=f.value_initial(value), indicator=indicator, prefix="v41")
        expected = form_inputs(form, milestone=milestone, sex_split=split == "sex")
        inputs = StoredInputs.of(milestone=milestone, sex_split=split == "sex")
        assert inputs.fill(ValueRow(indicator, value, None, editable=True)) == expected
