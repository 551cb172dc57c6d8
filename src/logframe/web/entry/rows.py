"""An indicator's row of the data-entry page, written in Python.

The page has one row per indicator (75 for G11-23) and each row, through templates and
includes, cost about a millisecond: most of the page's time. The markup here is what
``web/entry/_value_row.html`` wrote, built with ``format_html`` (every value escaped);
``tests/entry`` and the browser tests hold it to the same behaviour. The URLs of a row
are made once per page from a pattern (``RowUrls``), not reversed for every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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
from logframe.web.entry import forms as f
from logframe.web.entry.blocks import Notice, Scope, ValueRow
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

    @classmethod
    def of(cls, scope: Scope) -> RowUrls:
        fund, number, period = scope.project.fund.code, scope.project.number, scope.period.code
        return cls(
            page=reverse("project-entry", args=[fund, number, period]),
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
class PageParts:
    """What every row of one page shares: its URLs, the CSRF input, the empty upload form."""

    urls: RowUrls
    csrf_input: SafeString
    upload_fields: str  # the unbound evidence form's fields, with _PK for the indicator's pk


def page_parts(scope: Scope, request: Any) -> PageParts:
    token = get_token(request)
    empty = f.EvidenceForm(prefix=f"e{_PK}")
    fields = entry_field(empty["file"], empty.file_hint) + entry_field(
        empty["description"], _("What it shows")
    )
    return PageParts(
        urls=RowUrls.of(scope),
        csrf_input=format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
        ),
        upload_fields=str(fields),
    )


def value_row_html(row: ValueRow, parts: PageParts) -> SafeString:
    """``<tbody>``: the row's inputs, then its findings, notices and evidence."""
    code = row.indicator.code
    urls = parts.urls
    save_url = RowUrls.fill(urls.save, code)
    history = format_html(
        '<a class="history-link" href="{}" title="{}">{}</a>',
        RowUrls.fill(urls.history, code),
        _("Who changed %(code)s, when, from what") % {"code": code},
        _("History"),
    )
    classes = "block value-row"
    if row.form:
        classes += " editable"
    if row.notice:
        classes += f" notice-{row.notice.kind}"
    head = format_html(
        '<tbody id="{}" class="{}">\n<tr>\n  <th scope="row" class="code">{}</th>\n'
        '  <td class="what"><bdi>{}</bdi><span class="target">{} <bdi>{}</bdi></span>{}</td>\n',
        row.anchor,
        classes,
        code,
        row.indicator.text,
        _("Target"),
        row.target,
        findings_list(row.findings, row.anchor),
    )
    cells = _form_cells(row, parts, save_url, history) if row.form else _read_cells(row, history)
    return format_html(
        "{}{}</tr>\n{}</tbody>\n", head, cells, _detail(row, parts, save_url, urls.page)
    )


def _form_cells(row: ValueRow, parts: PageParts, save_url: str, history: SafeString) -> str:
    form = row.form
    assert form is not None
    if row.milestone:
        inputs = entry_field(form["status"], _("Status")) + entry_field(
            # xgettext:no-python-format
            form["estimated_pct"],
            _("% complete"),
        )
    else:
        inputs = entry_field(form["value"], _("Total"))
        if row.sex_split:
            inputs += entry_field(form["male"], _("Male")) + entry_field(
                form["female"], _("Female")
            )
    saved = notice_html(row.notice, parts.urls.page, "") if _is_saved(row.notice) else ""
    return format_html(
        '  <td class="actual">{}</td>\n'
        '  <td class="comment">{}</td>\n'
        '  <td class="save">\n'
        '    <form id="{}" method="post" action="{}" hx-post="{}" hx-target="closest tbody"'
        ' hx-swap="outerHTML" hx-sync="this:drop" hx-disabled-elt="find button">'
        '{}{}<button type="submit">{}</button></form>\n'
        "    {}{}\n  </td>\n",
        inputs,
        entry_field(form["comment"], _("Comment"), True),
        form.form_id,
        save_url,
        save_url,
        parts.csrf_input,
        form["version"],
        _("Save"),
        saved,
        history,
    )


def _read_cells(row: ValueRow, history: SafeString) -> str:
    comment = row.value.comment if row.value else ""
    return format_html(
        '  <td class="actual">{}</td>\n  <td class="comment">{}</td>\n  <td class="save">{}</td>\n',
        row.actual,
        comment,
        history,
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
    return format_html(
        '<tr class="detail">\n  <td></td>\n  <td colspan="4">\n    {}\n  </td>\n</tr>\n',
        mark_safe("\n    ".join(pieces)),  # every piece built by format_html
    )


def findings_list(findings: Iterable[Finding], anchor: str, *, oob: bool = False) -> SafeString:
    """The findings about one block, in a list that is there even when empty: after every
    save the findings panel's answer replaces each of them (``oob``), so a change on one
    line shows, or clears, what it causes on the others."""
    items = format_html_join(
        "",
        '<li class="sev-{}" data-rule="{}"><span class="sev">{}</span> {}</li>',
        ((x.severity, x.rule, SEVERITY_WORDS[x.severity], finding_message(x)) for x in findings),
    )
    return format_html(
        '<ul class="row-findings" id="findings-{}"{}>{}</ul>',
        anchor,
        mark_safe(' hx-swap-oob="true"') if oob else "",
        items,
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
    return format_html(
        '<div class="evidence" id="evidence-{}">{}{}{}</div>', pk, listing, note, upload
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
    return format_html(
        '<details class="attach"{}><summary>{}</summary>'
        '<form method="post" enctype="multipart/form-data" action="{}" hx-post="{}"'
        ' hx-encoding="multipart/form-data" hx-target="closest .evidence" hx-swap="outerHTML">'
        '{}{}{}<button type="submit">{}</button></form></details>',
        " open" if form is not None else "",
        _("Attach evidence"),
        attach_url,
        attach_url,
        parts.csrf_input,
        errors,
        fields,
        _("Attach"),
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
