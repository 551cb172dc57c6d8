"""A form renderer that writes the plain widgets in Python instead of through templates.

Django renders every widget through three small templates; on the data-entry page that
is some three hundred inputs and most of the page's time. For the widgets whose markup
is fixed (inputs, selects and their options, textareas) this renderer writes the same
HTML directly, escaped the same way; every other widget goes through Django's templates
as usual. ``tests/web/test_form_rendering.py`` holds it to Django's own output.
"""

from __future__ import annotations

import html
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

WIDGETS = "django/forms/widgets/"
INPUTS = frozenset(
    f"{WIDGETS}{name}.html"
    for name in ("input", "text", "number", "hidden", "email", "password", "date", "time",
                 "datetime", "url", "tel", "search", "color")
)  # fmt: skip


class FastWidgetRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if widget is not None and not widget.get("subwidgets"):
            if template_name in INPUTS:
                return _input(widget)
            if template_name == f"{WIDGETS}select.html":
                return _select(widget)
            if template_name == f"{WIDGETS}textarea.html":
                return _textarea(widget)
        return super().render(template_name, context, request)


def escape(value: Any) -> str:
    """What ``conditional_escape`` does, without its lazy-argument wrapper (``format_html``
    around the attributes of three hundred inputs was a fifth of the entry page's time)."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


_esc = escape


def _attrs(attrs: dict[str, Any]) -> SafeString:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_esc(name)}")
        else:
            parts.append(f' {_esc(name)}="{_esc(value)}"')
    return mark_safe("".join(parts))  # every part is escaped


def _input(widget: dict[str, Any]) -> SafeString:
    value = f' value="{_esc(widget["value"])}"' if widget["value"] is not None else ""
    return mark_safe(  # every part is escaped
        f'<input type="{_esc(widget["type"])}" name="{_esc(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _select(widget: dict[str, Any]) -> SafeString:
    rows = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            rows.append(f'\n  <optgroup label="{_esc(group_name)}">')
        for option in group_choices:
            rows.append(
                f'\n  <option value="{_esc(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_esc(option['label'])}</option>\n"
            )
        if group_name:
            rows.append("\n  </optgroup>")
    return mark_safe(  # every part is escaped
        f'<select name="{_esc(widget["name"])}"{_attrs(widget["attrs"])}>{"".join(rows)}\n</select>'
    )


def _textarea(widget: dict[str, Any]) -> SafeString:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return format_html(
        '<textarea name="{}"{}>\n{}</textarea>', widget["name"], _attrs(widget["attrs"]), value
    )
