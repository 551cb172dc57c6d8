"""What a change can be refused for, in words the person can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _


class EntryError(Exception):
    """A change refused because of what was entered: ``fields`` maps a field to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in fields.items()))
        self.fields = fields


@dataclass
class StaleEdit(Exception):
    """Someone saved this row after the version the person was editing: nothing was saved."""

    who: str
    when: datetime | None
    current: dict[str, str] = field(default_factory=dict)  # the other person's values, shown

    def __str__(self) -> str:
        values = ", ".join(f"{k} {v}" for k, v in self.current.items() if v) or _("a change")
        if self.when:
            return _(
                "%(who)s saved %(values)s at %(time)s while you were editing;"
                " nothing was overwritten"
            ) % {"who": self.who, "values": values, "time": f"{self.when:%H:%M}"}
        return _("%(who)s saved %(values)s while you were editing; nothing was overwritten") % {
            "who": self.who,
            "values": values,
        }
