"""The interface's words for the domain's values: states, statuses, groups, severities.

The domain keeps stable English values ("submitted", "not_yet_initiated", "men"); the
interface says them in the person's language with these (lazy) translations, which use the
same words as the documents' labels (``reporting/labels``). Finding messages are translated
here too: see ``finding_message``.
"""

from __future__ import annotations

from datetime import date

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.findings import Finding
from logframe.domain.measures import Status
from logframe.reporting.labels import LANGS, Labels, labels

STATES: dict[str, Promise] = {
    "open": _("Open"),
    "submitted": _("Submitted"),
    "returned": _("Returned"),
    "approved": _("Approved"),
}
SNAPSHOT_EVENTS: dict[str, Promise] = {
    "submitted": _("submitted"),
    "approved": _("approved"),
    "reopened": _("reopened"),
    "returned": _("returned"),
}
STATUSES: dict[str, Promise] = {
    Status.NOT_YET_INITIATED: _("Not yet initiated"),
    Status.INITIATED: _("Initiated"),
    Status.PARTIALLY: _("Partially"),
    Status.COMPLETED: _("Completed"),
}
GROUPS: dict[BeneficiaryGroup, Promise] = {
    BeneficiaryGroup.MEN: _("Men"),
    BeneficiaryGroup.WOMEN: _("Women"),
    BeneficiaryGroup.CHILDREN: _("Children"),
    BeneficiaryGroup.IDPS: _("IDPs"),
    BeneficiaryGroup.OTHERS: _("Others"),
    BeneficiaryGroup.INDIRECT: _("Indirect beneficiaries"),
    BeneficiaryGroup.EMPLOYMENT: _("Employment generation (men/women)"),
}
SEVERITY_WORDS: dict[str, Promise] = {
    "error": _("error"),
    "warning": _("warning"),
    "info": _("info"),
}


def state_word(state: str) -> str:
    """A quarter's state as a word in the person's language ("submitted" → "مُقدَّم")."""
    return gettext(state) if state in STATES else state


def state_label(state: str) -> str:
    """A quarter's state as a label ("Submitted"), as the model's choices say it."""
    word = STATES.get(state)
    return str(word) if word is not None else state


def finding_message(finding: Finding) -> str:
    """The finding's sentence in the person's language.

    A finding keeps its English ``message`` and the ``Words`` it was made from: a template
    with named parameters, some of them phrases or dates (``domain/findings.py``). Each
    template is looked up in the catalogs; dates are written with the language's months.
    A finding without words (an old one, or one a rule still writes in English) is said as
    it was written.
    """
    if finding.words is None:
        return finding.message
    try:
        return finding.words.render(gettext=gettext, ngettext=ngettext, write_date=written_date)
    except (KeyError, ValueError, TypeError):  # a translation that lost a parameter
        return finding.message


def written_date(day: date | None) -> str:
    """A Gregorian date with the month's name in the person's language: "17 October 2013",
    "17 تشرين الأول 2013" — the months the documents use (``reporting/labels``)."""
    if day is None:
        return ""
    months = report_labels().months
    return f"{day.day} {months[day.month - 1]} {day.year}"


PROJECT_STATUSES: dict[str, Promise] = {
    "pipeline": _("Pipeline"),
    "ongoing": _("Ongoing"),
    "completed": _("Completed"),
    "closed": _("Closed"),
}


# Words the audit pages show from portfolio.audit (its tables' titles and the kinds of
# change), listed here for the catalogs; the templates say them with {% translate %}.
AUDIT_WORDS = (
    gettext_noop("Project"),
    gettext_noop("Participating organisations"),
    gettext_noop("Outputs"),
    gettext_noop("Indicators"),
    gettext_noop("Activities"),
    gettext_noop("Footnotes"),
    gettext_noop("Quarters"),
    gettext_noop("Indicator values"),
    gettext_noop("Finance"),
    gettext_noop("Beneficiaries"),
    gettext_noop("Output progress"),
    gettext_noop("Evidence"),
    gettext_noop("created"),
    gettext_noop("changed"),
    gettext_noop("deleted"),
)


def report_labels() -> Labels:
    """The documents' words in the interface's language (English when it has none)."""
    language = get_language()
    return labels(language if language in LANGS else "en")  # type: ignore[arg-type]
