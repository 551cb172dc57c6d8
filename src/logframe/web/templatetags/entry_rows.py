"""``{% value_row row %}`` and ``{% evidence_block row %}``: rows written in Python.

See ``logframe.web.entry.rows``. What every row of a page shares (URLs, the CSRF input,
the empty upload form) is made once per rendering and kept in the render context.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from logframe.domain.findings import Finding
from logframe.web.entry.blocks import Notice, ValueRow
from logframe.web.entry.rows import (
    PageParts,
    RowUrls,
    evidence_html,
    findings_list,
    notice_html,
    page_parts,
    value_row_html,
)

register = template.Library()

URLS = "entry_urls"  # the page's RowUrls, in the context of the whole page
_NAMES = {
    "page": "project-entry",
    "narrative": "entry-narrative",
    "finance": "entry-finance",
    "beneficiary": "entry-beneficiary",
    "texts": "entry-texts",
}


def _parts(context: Any) -> PageParts:
    scope = context["scope"]
    key = ("logframe-entry-rows", scope.period.pk)
    parts = context.render_context.get(key)
    if parts is None:
        parts = page_parts(scope, context["request"], context.get(URLS))
        context.render_context[key] = parts
    return parts  # type: ignore[no-any-return]


@register.simple_tag(takes_context=True)
def entry_url(context: Any, name: str, code: str = "") -> str:
    """``{% entry_url "finance" row.participation.organisation.code as save_url %}``: a
    block's URL from the page's patterns (``URLS`` in the context: reversed once per page,
    not once per block), or reversed alone for a block rendered by itself."""
    urls = context.get(URLS)
    if urls is None:
        scope = context["scope"]
        args = [scope.project.fund.code, scope.project.number, scope.period.code]
        return reverse(_NAMES[name], args=[*args, code] if code else args)
    pattern: str = getattr(urls, name)
    return RowUrls.fill(pattern, code) if code else pattern


@register.simple_tag(takes_context=True)
def value_row(context: Any, row: ValueRow) -> SafeString:
    return value_row_html(row, _parts(context))


@register.simple_tag(takes_context=True)
def evidence_block(
    context: Any, row: ValueRow, attached: Any = None, removed: str = ""
) -> SafeString:
    return evidence_html(
        row, _parts(context), attached=attached.name if attached else "", removed=removed or ""
    )


@register.simple_tag
def row_findings(findings: list[Finding], anchor: str) -> SafeString:
    return findings_list(findings, anchor)


@register.simple_tag
def block_notice(notice: Notice | None, page: str, reload: str = "") -> SafeString | str:
    return notice_html(notice, page or "", reload or "")
