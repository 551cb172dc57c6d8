"""The fast widget renderer writes exactly what Django's templates write."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from logframe.web.form_rendering import FastWidgetRenderer


class Sample(forms.Form):
    count = forms.DecimalField(required=False, widget=forms.NumberInput(attrs={"step": "any"}))
    text = forms.CharField(required=False, max_length=20)
    hidden = forms.IntegerField(widget=forms.HiddenInput)
    when = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(
        required=False,
        choices=[("", "—"), ("a&b", "A <b>&</b>"), ("Group", [("x", "X"), ("y", '"Y"')])],
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    agree = forms.BooleanField(required=False)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"count": "12.5", "text": '<script>"x"</script>', "hidden": "3", "when": "2013-03-31",
         "status": "a&b", "note": "line one\n<b>two</b> & ' \"", "agree": "on"},
        {"count": "letters", "text": "", "hidden": "x", "status": "y", "note": ""},
    ],
)  # fmt: skip
def test_each_widget_renders_as_django_renders_it(data):
    fast = Sample(data=data or None, renderer=FastWidgetRenderer())
    django = Sample(data=data or None, renderer=DjangoTemplates())
    for name in Sample.base_fields:
        assert str(fast[name]) == str(django[name]), name
