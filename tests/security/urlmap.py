"""The URL conf walked, and each pattern's arguments filled with the seed's real objects.

``patterns()`` lists every named pattern of the project (the admin apart), so a view added
tomorrow is in the list; ``path_of(name, world)`` gives a path that reaches a real row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

FUND, NUMBER, QUARTER = "UNDG-ITF", "G11-23", "2013Q1"

# A pattern's arguments by name; some names mean different things in different patterns.
ARGUMENTS: dict[str, object] = {
    "fund": FUND, "number": NUMBER, "period": QUARTER, "indicator": "1.1.9", "output": "1.1",
    "organisation": "UNDP", "group": "men", "a": 1, "b": 2, "n": 1, "snapshot": 1,
    "fmt": "html",
}  # fmt: skip
BY_NAME: dict[str, dict[str, object]] = {
    "fund": {"code": FUND},
    "fund-report": {"code": FUND},
    "fund-report-projects": {"code": FUND},
    "fund-report-download": {"code": FUND, "fmt": "csv"},
    "entry-value": {"code": "1.1.9"},
    "entry-evidence": {"code": "1.1.9"},
    "entry-narrative": {"code": "1.1"},
    "computed-figure": {"code": "1.1.9"},
}
PK_OF = {  # which row an <int:pk> or <int:evidence> names
    "entry-evidence-remove": "evidence", "evidence-file": "evidence",
    "api-evidence-item": "evidence", "api-evidence-file": "evidence",
    "activity": "activity", "activity-decide": "activity", "activity-attach": "activity",
    "api-activity": "activity", "api-activity-decision": "activity",
    "activity-file": "attachment",
}  # fmt: skip


@dataclass(frozen=True)
class Pattern:
    name: str
    route: str
    arguments: tuple[str, ...]
    callback: Any

    @property
    def api(self) -> bool:
        return self.route.startswith("api/")


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern) == "admin/":
                continue
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern), p


def patterns() -> list[Pattern]:
    found = []
    for route, p in _walk(get_resolver().url_patterns):
        if not p.name:
            continue  # the API's catch-all 404
        arguments = tuple(re.findall(r"<(?:\w+:)?(\w+)>", route))
        found.append(Pattern(p.name, route, arguments, p.callback))
    return sorted(found, key=lambda p: p.name)


def kwargs_of(pattern: Pattern, world: dict[str, int]) -> dict[str, object]:
    values = {**ARGUMENTS, **BY_NAME.get(pattern.name, {})}
    kwargs: dict[str, object] = {}
    for name in pattern.arguments:
        if name in {"pk", "evidence"}:
            kwargs[name] = world[PK_OF[pattern.name]]
        else:
            kwargs[name] = values[name]
    return kwargs


def path_of(pattern: Pattern, world: dict[str, int]) -> str:
    return reverse(pattern.name, kwargs=kwargs_of(pattern, world))


def world_make(project: Any, actor: Any) -> dict[str, int]:
    """An evidence file, an activity with an attachment and two snapshots in 2013Q1."""
    import datetime

    from django.core.files.base import ContentFile

    from logframe.activities.models import Activity, Attachment
    from logframe.portfolio.models import Evidence, IndicatorValue
    from logframe.workflow.snapshots import snapshot_take

    period = project.periods.get(year=2013, quarter=1)
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    value = IndicatorValue.objects.get(period=period, indicator__code="1.1.9")
    evidence = Evidence(indicator_value=value, name="a.pdf", content_type="application/pdf",
                        size=len(pdf), sha256="0" * 64)  # fmt: skip
    evidence.file.save("evidence", ContentFile(pdf), save=False)
    evidence.save()
    output = project.results.filter(code="1.1").first()
    activity = Activity.objects.create(
        period=period, output=output, type="training", title="A training",
        start=datetime.date(2013, 2, 1), end=datetime.date(2013, 2, 2), male=10, female=5,
        total=15,
    )  # fmt: skip
    attachment = Attachment(activity=activity, name="list.pdf", content_type="application/pdf",
                            size=len(pdf), sha256="0" * 64)  # fmt: skip
    attachment.file.save("list", ContentFile(pdf), save=False)
    attachment.save()
    snapshot_take(period=period, event="submitted", actor=actor)
    snapshot_take(period=period, event="approved", actor=actor)
    return {"evidence": evidence.pk, "activity": activity.pk, "attachment": attachment.pk}
