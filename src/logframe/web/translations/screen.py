"""The rows of the Translations screen, from the project's records: each text, its original
and its version in the chosen language, and whether the person may change it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from logframe.domain.periods import Quarter
from logframe.domain.records import RICH_TEXT_FIELDS, ProjectRecord, TextSubject
from logframe.richtext import sanitise_html
from logframe.translations.entry import TextKey, field_name


@dataclass(frozen=True)
class Row:
    key: TextKey
    label: str
    original: str  # plain text, or sanitised HTML when ``rich``
    value: str  # the translation, or what was posted
    editable: bool
    error: str = ""

    @property
    def name(self) -> str:
        return field_name(self.key)

    @property
    def rich(self) -> bool:
        return self.key.field in RICH_TEXT_FIELDS

    @property
    def original_html(self) -> str:
        """A rich original as shown: sanitised again, whatever put it in the database."""
        return sanitise_html(self.original)

    @property
    def value_html(self) -> str:
        return sanitise_html(self.value)


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


def sections(
    record: ProjectRecord,
    *,
    quarter: Quarter | None,
    language: str,
    allowed: Callable[[TextKey], bool],
    posted: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> list[Section]:
    """The screen's sections: the project, the result tree, the quarter's texts."""
    current = {
        field_name(TextKey(t.subject, t.quarter.code if t.quarter else "", t.code, t.field)): t.text
        for t in record.translations
        if t.language == language
    }

    def row(key: TextKey, label: str, original: str) -> Row:
        name = field_name(key)
        value = posted[name] if posted is not None and name in posted else current.get(name, "")
        return Row(key, label, original, value, allowed(key), (errors or {}).get(name, ""))

    p = TextSubject.PROJECT
    project = [
        row(TextKey(p, "", "", "title"), _("Title"), record.title),
        row(TextKey(p, "", "", "description"), _("Description"), record.description),
        row(TextKey(p, "", "", "development_goal"), _("Development goal"), record.development_goal),
        row(TextKey(p, "", "", "undaf_outcome"), _("UNDAF outcome"), record.undaf_outcome),
        row(
            TextKey(p, "", "", "immediate_objective"),
            _("Immediate objective"),
            record.immediate_objective,
        ),
    ]
    tree: list[Row] = []
    for result in record.walk_results():
        tree.append(
            row(TextKey(TextSubject.RESULT, "", result.code, "text"),
                _("Output %(code)s") % {"code": result.code}, result.text)
        )  # fmt: skip
        for activity in result.activities:
            key = TextKey(TextSubject.ACTIVITY, "", activity.code, "text")
            tree.append(row(key, _("Activity %(code)s") % {"code": activity.code}, activity.text))
        for indicator in result.indicators:
            key = TextKey(TextSubject.INDICATOR, "", indicator.code, "text")
            label = _("Indicator %(code)s") % {"code": indicator.code}
            tree.append(row(key, label, indicator.text))
    found = [
        Section(_("The project"), tuple(project)),
        Section(_("Outputs, activities and indicators"), tuple(tree)),
    ]
    period = record.period(quarter) if quarter is not None else None
    if period is not None:
        q = period.quarter.code
        texts = [
            row(TextKey(TextSubject.PERIOD, q, "", "summary"), _("Summary"), period.summary),
            row(TextKey(TextSubject.PERIOD, q, "", "constraints"), _("Constraints"),
                period.constraints),
        ]  # fmt: skip
        texts += [
            row(TextKey(TextSubject.NARRATIVE, q, p.result, "narrative"),
                _("Narrative of output %(code)s") % {"code": p.result}, p.narrative)
            for p in period.progress
        ]  # fmt: skip
        found.append(Section(_("Quarter %(quarter)s") % {"quarter": q}, tuple(texts)))
    return [Section(s.title, tuple(r for r in s.rows if r.original.strip() or r.value))
            for s in found]  # fmt: skip
