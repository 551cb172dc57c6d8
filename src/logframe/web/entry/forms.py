"""The data-entry forms: they parse what a person typed; the services judge it.

Numbers accept thousands separators ("1,459", "1 459"); letters give "Enter a number.".
A negative count, a sex split larger than the total or a date out of range are the
service's to refuse (``EntryError``), so the messages are the same on the web, in the
API and in the importers; :meth:`EntryForm.add_service_errors` puts them at the fields.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from logframe.domain.formatting import format_amount, format_count
from logframe.domain.measures import Measure, Status
from logframe.domain.records import Disaggregation
from logframe.portfolio import models as m
from logframe.web.vocabulary import STATUSES
from logframe.workflow.entry import ValueInput
from logframe.workflow.errors import EntryError
from logframe.workflow.evidence import ACCEPTED, KINDS

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class NumberField(forms.DecimalField):
    """A decimal typed by a person: "1,459", "1 459" and "1459.5" are numbers; "abc" is not.

    A comma or space is read only as a thousands separator (groups of three digits);
    ``percent`` also allows a final "%".
    """

    widget = forms.TextInput

    def __init__(self, *, percent: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 4)
        super().__init__(**kwargs)
        self.percent = percent

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = _SPACES.sub(" ", value).strip()
            if self.percent:
                value = value.removesuffix("%").strip()
            if _GROUPED.fullmatch(value):
                value = value.replace(",", "").replace(" ", "")
        return super().to_python(value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": "9"})
        return attrs


class EntryForm(forms.Form):
    """A row's form: its inputs belong to the ``<form id=form_id>`` of the row.

    One row's inputs can sit in several table cells and still be one form (the HTML
    ``form`` attribute); the ``prefix`` keeps every id on the page unique.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form_id = f"form-{self.prefix}"
        for name, field in self.fields.items():
            field.widget.attrs["form"] = self.form_id
            if not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("aria-label", f"{label}: {field.label or name}")

    def add_service_errors(self, error: EntryError) -> None:
        """The service's refusals, each at its field (or the form when it has none).

        Django marks an input with errors ``aria-invalid`` and points its
        ``aria-describedby`` at ``<id>_error``, where the template puts the message.
        """
        for name, message in error.fields.items():
            self.add_error(name if name in self.fields else None, _sentence(message))


def _sentence(message: str) -> str:
    message = message.strip()
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


STATUS_CHOICES = [("", "—")] + [(s.value, STATUSES[s]) for s in Status]


class ValueForm(EntryForm):
    """An indicator's actual: value (and its sex split), or status and % complete; comment."""

    value = NumberField(label=_("value"))
    male = NumberField(label=_("male"))
    female = NumberField(label=_("female"))
    status = forms.ChoiceField(label=_("status"), choices=STATUS_CHOICES, required=False)
    # xgettext:no-python-format
    estimated_pct = NumberField(label=_("% complete"), percent=True, max_digits=9)
    comment = forms.CharField(
        label=_("comment"), required=False, max_length=2000, widget=forms.TextInput
    )

    def __init__(self, *args: Any, indicator: m.Indicator, **kwargs: Any) -> None:
        self.milestone = indicator.measure == Measure.MILESTONE
        unused: set[str] = set()
        if indicator.disaggregation != Disaggregation.SEX:
            unused |= {"male", "female"}
        if not self.milestone:
            unused |= {"status", "estimated_pct"}
        # the form copies its fields deeply: only those this indicator uses (the entry page
        # makes one form per indicator, and the copies were a tenth of its time); set on
        # the instance, where Form.__init__ reads it, not on the shared class
        self.__dict__["base_fields"] = {
            name: field for name, field in ValueForm.base_fields.items() if name not in unused
        }
        super().__init__(*args, label=indicator.code, **kwargs)
        value = self.fields["value"]
        assert isinstance(value, NumberField)
        value.widget.attrs["size"] = "7"
        value.percent = indicator.measure == Measure.PERCENTAGE
        self.fields["comment"].widget.attrs["size"] = "18"

    def value_input(self) -> ValueInput:
        data = self.cleaned_data
        return ValueInput(
            value=data.get("value"),
            male=data.get("male"),
            female=data.get("female"),
            status=Status(data["status"]) if data.get("status") else None,
            estimated_pct=data.get("estimated_pct"),
            comment=data.get("comment", ""),
        )


def value_initial(row: m.IndicatorValue | None) -> dict[str, Any]:
    if row is None:
        return {"version": 0}
    return {
        "version": row.version,
        "value": _count(row.value),
        "male": _count(row.male),
        "female": _count(row.female),
        "status": row.status,
        "estimated_pct": _count(row.estimated_pct),
        "comment": row.comment,
    }


class FinanceForm(EntryForm):
    """An agency's cumulative committed and disbursed funds and its forecast final date."""

    committed = NumberField(label=_("committed"), decimal_places=2)
    disbursed = NumberField(label=_("disbursed"), decimal_places=2)
    forecast_final_date = forms.DateField(
        label=_("forecast final date"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )


def finance_initial(row: m.FinancialStatus | None) -> dict[str, Any]:
    if row is None:
        return {"version": 0}
    return {
        "version": row.version,
        "committed": _amount(row.committed),
        "disbursed": _amount(row.disbursed),
        "forecast_final_date": row.forecast_final_date,
    }


class BeneficiaryForm(EntryForm):
    target = NumberField(label=_("target"))
    actual = NumberField(label=_("actual"))


def beneficiary_initial(row: m.BeneficiaryFigure | None) -> dict[str, Any]:
    if row is None:
        return {"version": 0}
    return {"version": row.version, "target": _count(row.target), "actual": _count(row.actual)}


class RichTextField(forms.CharField):
    """Rich text from a textarea: plain paragraphs become ``<p>``; HTML is the service's to
    sanitise (only p, ul, ol, li, strong, em and links survive)."""

    widget = forms.Textarea

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20_000)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return paragraphs(super().to_python(value) or "")


def paragraphs(text: str) -> str:
    """Text without any markup becomes paragraphs (a blank line between two); HTML stays."""
    if not text or re.search(r"<[a-zA-Z/!]", text):
        return text
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)


class NarrativeForm(EntryForm):
    narrative = RichTextField(label=_("narrative"), widget=forms.Textarea(attrs={"rows": 6}))


class TextsForm(EntryForm):
    summary = RichTextField(label=_("summary"), widget=forms.Textarea(attrs={"rows": 6}))
    constraints = RichTextField(label=_("constraints"), widget=forms.Textarea(attrs={"rows": 4}))
    procurement = RichTextField(label=_("procurement"), widget=forms.Textarea(attrs={"rows": 4}))


class EvidenceForm(forms.Form):
    """A file for a value; what it is, is for ``evidence_attach`` to decide by its content."""

    file = forms.FileField(label=_("File"), allow_empty_file=True)
    description = forms.CharField(label=_("What it shows"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.EVIDENCE_MAX_BYTES)
        self.file_hint = gettext("File (%(kinds)s; at most %(limit)s)") % {
            "kinds": ACCEPTED,
            "limit": limit,
        }
        extensions = (e for kind in KINDS for e in kind.extensions)
        self.fields["file"].widget.attrs["accept"] = ",".join(extensions)
        self.fields["description"].widget.attrs.update(
            size="30", placeholder=gettext("e.g. attendance list")
        )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must change"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is reopened"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _count(value: Decimal | None) -> str:
    return "" if value is None else format_count(value)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else format_amount(value)
