"""``{% entry_field form.value "Total" %}``: an input with its label and its message.

The same markup as a template include would write, built in Python: the data-entry page
has some two hundred of them, and an include each cost a third of the page's time.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from logframe.web.form_rendering import escape as _esc

register = template.Library()


@register.simple_tag
def entry_field(field: Any, label: Any, hide_label: bool = False) -> SafeString:
    """``<span class="field [invalid]"><label …>label</label><input …>[message]</span>``."""
    errors = field.errors
    message = (
        f'<span class="field-error" id="{_esc(field.auto_id)}_error">'
        f"{_esc(' '.join(str(e) for e in errors))}</span>"
        if errors
        else ""
    )
    hidden = ' class="visually-hidden"' if hide_label else ""
    return mark_safe(  # every part is escaped, the widget is Django's safe HTML
        f'<span class="field{" invalid" if errors else ""}"><label for="{_esc(field.id_for_label)}"'
        f"{hidden}>{_esc(label)}</label>{field}{message}</span>"
    )
