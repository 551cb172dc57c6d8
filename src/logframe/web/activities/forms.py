"""The activity form: every field parsed and checked here, the service checks the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from logframe.activities import models as a
from logframe.activities.selectors import place_by_name
from logframe.activities.services import ActivityInput
from logframe.domain.register.kinds import ActivityType
from logframe.portfolio import models as m

PEOPLE = {
    "invalid": gettext_lazy("a number of people is a whole number"),
    "min_value": gettext_lazy("a number of people cannot be negative"),
}
DATE = {"invalid": gettext_lazy("not a date: write it as YYYY-MM-DD, e.g. 2013-02-17")}


def _people(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=0, error_messages=PEOPLE,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
    )  # fmt: skip


def _date(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, error_messages=DATE, input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip


class ActivityForm(forms.Form):
    type = forms.ChoiceField(label=gettext_lazy("Kind"), choices=list(a.TYPE_LABELS.items()))
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    start = _date(gettext_lazy("Start"))
    end = _date(gettext_lazy("End"))
    output = forms.ChoiceField(label=gettext_lazy("Output"), required=False)
    place = forms.CharField(
        label=gettext_lazy("Place (governorate or area)"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"list": "places"}),
    )  # fmt: skip
    place_text = forms.CharField(
        label=gettext_lazy("Or a place abroad"), required=False, max_length=200
    )
    organisers = forms.CharField(label=gettext_lazy("Organisers"), required=False, max_length=300)
    male = _people(gettext_lazy("Male"))
    female = _people(gettext_lazy("Female"))
    total = _people(gettext_lazy("Total"))
    by_institution = forms.CharField(
        label=gettext_lazy("By institution (one a line: name: number)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    respondents = _people(gettext_lazy("Survey respondents"))
    satisfied = _people(gettext_lazy("Satisfied"))
    notes = forms.CharField(
        label=gettext_lazy("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, outputs: list[m.Result], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outputs = {str(o.pk): o for o in outputs}
        choices = [("", _("— none (the project's) —"))]
        choices += [(str(o.pk), f"{o.code} {o.text[:70]}") for o in outputs]
        self.fields["output"].choices = choices  # type: ignore[attr-defined]

    def clean_place(self) -> a.Place | None:
        text = self.cleaned_data["place"].strip()
        if not text:
            return None
        found = place_by_name(text)
        if found is None:
            raise forms.ValidationError(
                _("unknown place %(place)s: choose one of the list, or write it as a place "
                  "abroad") % {"place": repr(text)}
            )  # fmt: skip
        return found

    def clean_by_institution(self) -> tuple[tuple[str, int], ...]:
        found: list[tuple[str, int]] = []
        for n, line in enumerate(self.cleaned_data["by_institution"].splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, number = line.rpartition(":")
            if not name.strip() or not number.strip().isdigit():
                raise forms.ValidationError(
                    _("line %(n)s: write the institution, a colon and a whole number of "
                      "people, e.g. IHEC: 20") % {"n": n}
                )  # fmt: skip
            found.append((name.strip(), int(number)))
        return tuple(found)

    def clean_output(self) -> m.Result | None:
        key = self.cleaned_data["output"]
        return self.outputs.get(key) if key else None

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("the end date is before the start date"))
        return data

    def as_input(self) -> ActivityInput:
        d = self.cleaned_data
        return ActivityInput(
            type=ActivityType(d["type"]), title=d["title"], start=d["start"], end=d["end"],
            output=d["output"], place=d["place"], place_text=d["place_text"],
            organisers=d["organisers"], male=d["male"], female=d["female"], total=d["total"],
            by_institution=d["by_institution"], respondents=d["respondents"],
            satisfied=d["satisfied"], notes=d["notes"],
        )  # fmt: skip

    def add_service_errors(self, fields: dict[str, str]) -> None:
        for name, message in fields.items():
            self.add_error(name if name in self.fields else None, message)


def initial_of(activity: a.Activity) -> dict[str, Any]:
    return {
        "type": activity.type, "title": activity.title, "start": activity.start,
        "end": activity.end, "output": str(activity.output_id or ""),
        "place": activity.place.name if activity.place else "",
        "place_text": activity.place_text, "organisers": activity.organisers,
        "male": activity.male, "female": activity.female, "total": activity.total,
        "by_institution": "\n".join(f"{n}: {c}" for n, c in activity.by_institution or ()),
        "respondents": activity.respondents, "satisfied": activity.satisfied,
        "notes": activity.notes,
    }  # fmt: skip


class OverrideForm(forms.Form):
    value = forms.DecimalField(label=gettext_lazy("Value"), min_value=0, max_digits=14,
                               decimal_places=2)  # fmt: skip
    reason = forms.CharField(
        label=gettext_lazy("Why the computed value is overridden"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
