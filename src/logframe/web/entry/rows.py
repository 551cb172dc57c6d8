"""An indicator's row of the data-entry page, written in Python.

The page has one row per indicator (75 for G11-23) and each row, through templates and
includes, cost about a millisecond: most of the page's time. The markup here is what
``web/entry/_value_row.html`` wrote, built with ``format_html`` (every value escaped);
``tests/entry`` and the browser tests hold it to the same behaviour. The URLs of a row
are made once per page from a pattern (``RowUrls``), not reversed for every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.middleware.csrf import get_token
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from logframe.domain.findings import Finding
from logframe.domain.measures import Measure
from logframe.domain.records import Disaggregation
from logframe.portfolio import models as m
from logframe.web.entry import forms as f
from logframe.web.entry.blocks import Notice, Scope, ValueRow
from logframe.web.form_rendering import escape as _esc
from logframe.web.templatetags.entry_fields import entry_field
from logframe.web.vocabulary import SEVERITY_WORDS, finding_message

_CODE = "__code__"
_PK = "__pk__"
_PK_NUMBER = 918273645  # the evidence URL takes digits only: reversed with this, then replaced


@dataclass(frozen=True)
class RowUrls:
    """The URLs of a quarter's rows, as patterns with the indicator's code (or pk) left out."""

    page: str
    save: str
    history: str
    attach: str
    evidence_file: str
    evidence_remove: str
    narrative: str  # with the output's code left out
    finance: str  # the agency's
    beneficiary: str  # the group's
    texts: str

    @classmethod
    def of(cls, scope: Scope) -> RowUrls:
        fund, number, period = scope.project.fund.code, scope.project.number, scope.period.code
        return cls(
            page=reverse("project-entry", args=[fund, number, period]),
            narrative=reverse("entry-narrative", args=[fund, number, period, _CODE]),
            finance=reverse("entry-finance", args=[fund, number, period, _CODE]),
            beneficiary=reverse("entry-beneficiary", args=[fund, number, period, _CODE]),
            texts=reverse("entry-texts", args=[fund, number, period]),
            save=reverse("entry-value", args=[fund, number, period, _CODE]),
            history=reverse("value-history", args=[fund, number, period, _CODE]),
            attach=reverse("entry-evidence", args=[fund, number, period, _CODE]),
            evidence_file=reverse("evidence-file", args=[fund, number, _PK_NUMBER]).replace(
                str(_PK_NUMBER), _PK
            ),
            evidence_remove=reverse(
                "entry-evidence-remove", args=[fund, number, period, _PK_NUMBER]
            ).replace(str(_PK_NUMBER), _PK),
        )

    @staticmethod
    def fill(pattern: str, value: object) -> str:
        marker = _CODE if _CODE in pattern else _PK
        return pattern.replace(marker, quote(str(value), safe=""))


@dataclass(frozen=True)
class RowWords:
    """The words of every row, in the page's language: translated once per page."""

    target: str
    history: str
    who_changed: str  # with %(code)s
    save: str
    attach_evidence: str
    attach: str

    @classmethod
    def now(cls) -> RowWords:
        return cls(
            target=_("Target"),
            history=_("History"),
            who_changed=_("Who changed %(code)s, when, from what"),
            save=_("Save"),
            attach_evidence=_("Attach evidence"),
            attach=_("Attach"),
        )


_MARK = re.compile("\x00([=?]?)(\\w+)\x00")  # a place in StoredInputs' markup


@dataclass(frozen=True)
class StoredInputs:
    """An editable row's inputs holding its stored value, as a ``ValueForm`` writes them.

    Made once per page and shape (milestone or not, split by sex or not) from one form
    whose pk, code and initial values are marks (``\\x00pk\\x00``); each row fills the
    marks in one pass (a form per row was a third of the page's time). The rows that show
    a form that failed are written from that form. ``tests/entry/test_entry_rows.py``
    holds the two to the same markup.
    """

    actual: str
    comment: str
    version: str
    options: tuple[str, ...]  # the status choices' values: "?<index>" marks an option

    @classmethod
    def of(cls, *, milestone: bool, sex_split: bool) -> StoredInputs:
        indicator = m.Indicator(
            code="\x00code\x00",
            measure=Measure.MILESTONE if milestone else Measure.COUNT,
            disaggregation=Disaggregation.SEX if sex_split else Disaggregation.NONE,
        )
        marks = {name: f"\x00{name}\x00" for name in f.ValueForm.base_fields}
        form = f.ValueForm(initial=marks, indicator=indicator, prefix="v\x00pk\x00")
        inputs = form_inputs(form, milestone=milestone, sex_split=sex_split)
        actual, comment, version = (_valued(str(html), marks) for html in inputs)
        options = tuple(str(value) for value, _label in f.STATUS_CHOICES)
        for index, value in enumerate(options):
            option = f'<option value="{_esc(value)}">'
            actual = actual.replace(option, f"{option[:-1]}\x00?{index}\x00>")
        return cls(actual=actual, comment=comment, version=version, options=options)

    def fill(self, row: ValueRow) -> tuple[SafeString, SafeString, SafeString]:
        initial = f.value_initial(row.value)
        status = initial.get("status")
        chosen = "" if status is None else str(status)  # as Django's Select says it
        own = {"pk": str(row.indicator.pk), "code": _esc(row.indicator.code)}

        def put(mark: re.Match[str]) -> str:
            kind, name = mark.groups()
            if kind == "=":
                value = initial.get(name)
                return "" if value is None or value == "" else f' value="{_esc(value)}"'
            if kind == "?":
                return " selected" if self.options[int(name)] == chosen else ""
            return own[name]

        return (  # every part escaped: Django's markup, and values through _esc
            mark_safe(_MARK.sub(put, self.actual)),
            mark_safe(_MARK.sub(put, self.comment)),
            mark_safe(_MARK.sub(put, self.version)),
        )


def _valued(html: str, marks: dict[str, str]) -> str:
    """The ``value`` attribute of each input becomes one mark, "=<field>": a row without
    a value writes no attribute, as Django does."""
    for name, mark in marks.items():
        html = html.replace(f' value="{mark}"', f"\x00={name}\x00")
    return html


def form_inputs(
    form: f.ValueForm, *, milestone: bool, sex_split: bool
) -> tuple[SafeString, SafeString, SafeString]:
    """A row's inputs from its form: the actual's, the comment's, the hidden version."""
    if milestone:
        actual = entry_field(form["status"], _("Status")) + entry_field(
            # xgettext:no-python-format
            form["estimated_pct"],
            _("% complete"),
        )
    else:
        actual = entry_field(form["value"], _("Total"))
        if sex_split:
            actual += entry_field(form["male"], _("Male")) + entry_field(
                form["female"], _("Female")
            )
    version = mark_safe(str(form["version"]))  # Django's safe markup
    return actual, entry_field(form["comment"], _("Comment"), True), version


@dataclass(frozen=True)
class PageParts:
    """What every row of one page shares: its URLs, the CSRF input, the empty upload form,
    its words and the inputs of each shape of row."""

    urls: RowUrls
    csrf_input: SafeString
    upload_fields: str  # the unbound evidence form's fields, with _PK for the indicator's pk
    words: RowWords
    inputs: dict[tuple[bool, bool], StoredInputs] = field(default_factory=dict)

    def stored_inputs(self, row: ValueRow) -> StoredInputs:
        shape = (row.milestone, row.sex_split)
        if shape not in self.inputs:
            self.inputs[shape] = StoredInputs.of(milestone=row.milestone, sex_split=row.sex_split)
        return self.inputs[shape]


def page_parts(scope: Scope, request: Any, urls: RowUrls | None = None) -> PageParts:
    token = get_token(request)
    empty = f.EvidenceForm(prefix=f"e{_PK}")
    fields = entry_field(empty["file"], empty.file_hint) + entry_field(
        empty["description"], _("What it shows")
    )
    return PageParts(
        urls=urls or RowUrls.of(scope),
        csrf_input=format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
        ),
        upload_fields=str(fields),
        words=RowWords.now(),
    )


def value_row_html(row: ValueRow, parts: PageParts) -> SafeString:
    """``<tbody>``: the row's inputs, then its findings, notices and evidence.

    Written with f-strings, every value through ``_esc`` (what ``format_html`` does, less
    its lazy-argument wrapper: a page writes some seventy rows)."""
    code = row.indicator.code
    urls, words = parts.urls, parts.words
    save_url = RowUrls.fill(urls.save, code)
    history = (
        f'<a class="history-link" href="{_esc(RowUrls.fill(urls.history, code))}"'
        f' title="{_esc(words.who_changed % {"code": code})}">{_esc(words.history)}</a>'
    )
    classes = "block value-row"
    if row.editing:
        classes += " editable"
    if row.notice:
        classes += f" notice-{row.notice.kind}"
    cells = _form_cells(row, parts, save_url, history) if row.editing else _read_cells(row, history)
    return mark_safe(  # every value escaped, every piece built the same way
        f'<tbody id="{_esc(row.anchor)}" class="{_esc(classes)}">\n<tr>\n'
        f'  <th scope="row" class="code">{_esc(code)}</th>\n'
        f'  <td class="what"><bdi>{_esc(row.indicator.text)}</bdi><span class="target">'
        f"{_esc(words.target)} <bdi>{_esc(row.target)}</bdi></span>"
        f"{findings_list(row.findings, row.anchor, kept=row.findings_kept)}</td>\n"
        f"{cells}</tr>\n{_detail(row, parts, save_url, urls.page)}</tbody>\n"
    )


def _form_cells(row: ValueRow, parts: PageParts, save_url: str, history: str) -> str:
    if row.form is not None:
        inputs = form_inputs(row.form, milestone=row.milestone, sex_split=row.sex_split)
        form_id = row.form.form_id
    else:
        inputs = parts.stored_inputs(row).fill(row)
        form_id = f"form-v{row.indicator.pk}"
    actual, comment, version = inputs
    saved = notice_html(row.notice, parts.urls.page, "") if _is_saved(row.notice) else ""
    url = _esc(save_url)
    return (
        f'  <td class="actual">{actual}</td>\n'
        f'  <td class="comment">{comment}</td>\n'
        '  <td class="save">\n'
        f'    <form id="{_esc(form_id)}" method="post" action="{url}" hx-post="{url}"'
        ' hx-target="closest tbody" hx-swap="outerHTML" hx-sync="this:drop"'
        f' hx-disabled-elt="find button">{parts.csrf_input}{version}'
        f'<button type="submit">{_esc(parts.words.save)}</button></form>\n'
        f"    {saved}{history}\n  </td>\n"
    )


def _read_cells(row: ValueRow, history: str) -> str:
    comment = row.value.comment if row.value else ""
    return (
        f'  <td class="actual">{_esc(row.actual)}</td>\n'
        f'  <td class="comment">{_esc(comment)}</td>\n  <td class="save">{history}</td>\n'
    )


def _detail(row: ValueRow, parts: PageParts, save_url: str, page: str) -> str:
    form_errors = row.form.non_field_errors() if row.form else []
    notice = row.notice if row.notice and not _is_saved(row.notice) else None
    shows_evidence = bool(row.evidence) or row.may_attach
    if not (shows_evidence or form_errors or notice):
        return ""
    pieces: list[str] = []
    if notice:
        pieces.append(notice_html(notice, page, save_url))
    if form_errors:
        pieces.append(
            format_html(
                '<p class="notice notice-error">{}</p>', " ".join(str(e) for e in form_errors)
            )
        )
    if shows_evidence:
        pieces.append(evidence_html(row, parts))
    joined = "\n    ".join(pieces)  # every piece built by format_html
    return f'<tr class="detail">\n  <td></td>\n  <td colspan="4">\n    {joined}\n  </td>\n</tr>\n'


def findings_list(
    findings: Iterable[Finding], anchor: str, *, oob: bool = False, kept: bool = False
) -> SafeString:
    """The findings about one block, in a list that is there even when empty: after every
    save the findings panel's answer replaces each of them (``oob``), so a change on one
    line shows, or clears, what it causes on the others. ``kept``: an empty list that htmx
    replaces by the page's own (``hx-preserve``), for a row answered alone: its findings
    are not worked out twice, the panel's answer brings them."""
    if kept:
        return mark_safe(  # the anchor escaped
            f'<ul class="row-findings" id="findings-{_esc(anchor)}" hx-preserve="true"></ul>'
        )
    items = "".join(
        f'<li class="sev-{_esc(x.severity)}" data-rule="{_esc(x.rule)}"><span class="sev">'
        f"{_esc(SEVERITY_WORDS[x.severity])}</span> {_esc(finding_message(x))}</li>"
        for x in findings
    )
    swap = ' hx-swap-oob="true"' if oob else ""
    return mark_safe(  # every value escaped
        f'<ul class="row-findings" id="findings-{_esc(anchor)}"{swap}>{items}</ul>'
    )


def evidence_html(
    row: ValueRow, parts: PageParts, *, attached: str = "", removed: str = ""
) -> SafeString:
    """The value's evidence, each with a button to remove it, and the form to attach more."""
    pk = row.indicator.pk
    listing: str = ""
    if row.evidence:
        items = format_html_join(
            "",
            '<li><a href="{}" download>{}</a> <span class="meta">{}{}{}, {}</span>{}</li>',
            (
                (
                    RowUrls.fill(parts.urls.evidence_file, ev.pk),
                    ev.name,
                    filesizeformat(ev.size),
                    format_html(" · {}", ev.description) if ev.description else "",
                    format_html(" · {}", ev.uploaded_by) if ev.uploaded_by else "",
                    date_filter(ev.uploaded_at, "j M Y"),
                    _remove_button(ev.pk, ev.name, parts) if row.may_attach else "",
                )
                for ev in row.evidence
            ),
        )
        listing = format_html(
            '<ul class="evidence-list" aria-label="{}">{}</ul>',
            _("Evidence for %(code)s") % {"code": row.indicator.code},
            items,
        )
    note: SafeString | str = ""
    if attached:
        note = format_html(
            '<p class="saved" role="status">{}</p>', _("Attached %(name)s.") % {"name": attached}
        )
    elif removed:
        note = format_html(
            '<p class="saved" role="status">{}</p>', _("Removed %(name)s.") % {"name": removed}
        )
    upload = _upload(row, parts) if row.may_attach else ""
    return mark_safe(  # the pieces built escaped
        f'<div class="evidence" id="evidence-{_esc(pk)}">{listing}{note}{upload}</div>'
    )


def _remove_button(pk: int, name: str, parts: PageParts) -> SafeString:
    url = RowUrls.fill(parts.urls.evidence_remove, pk)
    return format_html(
        ' <form class="remove-evidence" method="post" action="{}" hx-post="{}"'
        ' hx-target="closest .evidence" hx-swap="outerHTML" hx-confirm="{}">{}'
        '<button type="submit" class="link-button" aria-label="{}">{}</button>'
        "</form>",
        url,
        url,
        _("Remove %(name)s?") % {"name": name},
        parts.csrf_input,
        _("Remove %(name)s") % {"name": name},
        _("Remove"),
    )


def _upload(row: ValueRow, parts: PageParts) -> SafeString:
    attach_url = RowUrls.fill(parts.urls.attach, row.indicator.code)
    form = row.evidence_form
    if form is None:  # the common case: the empty form, made once per page
        fields = mark_safe(parts.upload_fields.replace(_PK, str(row.indicator.pk)))
        errors: SafeString | str = ""
    else:
        fields = entry_field(form["file"], form.file_hint) + entry_field(
            form["description"], _("What it shows")
        )
        non_field = form.non_field_errors()
        errors = (
            format_html(
                '<p class="notice notice-error">{}</p>', " ".join(str(e) for e in non_field)
            )
            if non_field
            else ""
        )
    url, words = _esc(attach_url), parts.words
    return mark_safe(  # every value escaped, the pieces built escaped
        f'<details class="attach"{" open" if form is not None else ""}><summary>'
        f"{_esc(words.attach_evidence)}</summary>"
        f'<form method="post" enctype="multipart/form-data" action="{url}" hx-post="{url}"'
        ' hx-encoding="multipart/form-data" hx-target="closest .evidence" hx-swap="outerHTML">'
        f'{parts.csrf_input}{errors}{fields}<button type="submit">{_esc(words.attach)}</button>'
        "</form></details>"
    )


def _is_saved(notice: Notice | None) -> bool:
    return notice is not None and notice.kind == "saved"


def notice_html(notice: Notice | None, page: str, reload: str) -> SafeString | str:
    """A block's message after a save: saved, a conflict (with how to reload), or an error."""
    if notice is None:
        return ""
    if notice.kind == "saved":
        return format_html('<span class="saved" role="status">{}</span>', notice.text)
    if notice.kind == "stale":
        if reload:
            how = format_html(
                '<p><a href="{}" hx-get="{}" hx-target="closest .block" hx-swap="outerHTML">'
                "{}</a> {}</p>",
                page,
                reload,
                _("Reload the line as saved"),
                _("to enter your change again."),
            )
        else:
            how = format_html(
                '<p><a href="{}">{}</a> {}</p>',
                page,
                _("Reload the page"),
                _("to see it and enter your change again."),
            )
        return format_html(
            '<div class="notice notice-stale" role="alert"><p>{}</p>{}</div>', notice.text, how
        )
    return format_html('<p class="notice notice-error" role="alert">{}</p>', notice.text)
