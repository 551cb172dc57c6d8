"""A line of the data-entry template's Activities sheet, turned into an activity to register:
its words (kind, output, place) looked up, each problem named by its cell."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from logframe.activities.selectors import place_by_name
from logframe.activities.services import ActivityInput
from logframe.domain.register.kinds import ActivityType
from logframe.portfolio import models as m

_LETTERS = {"type": "B", "title": "C", "start": "D", "end": "E", "output": "F", "place": "G"}


def kind_of(word: str) -> ActivityType | None:
    """ "Study visit", "study_visit", "Lessons-learned event" → the kind; None when unknown."""
    key = word.strip().lower().replace("-", " ").replace("_", " ")
    key = key.removesuffix(" event")
    for kind in ActivityType:
        if key == kind.value.replace("_", " "):
            return kind
    return None


def activity_input(line: Any, *, project: m.Project) -> tuple[ActivityInput | None, list[str]]:
    """(the activity, []) or (None, ["B7: message", ...])."""
    problems: dict[str, str] = {}
    kind = kind_of(line.type)
    if kind is None:
        known = ", ".join(k.value.replace("_", " ") for k in ActivityType)
        problems["type"] = _("unknown kind %(word)r (the kinds: %(known)s)") % {
            "word": line.type, "known": known,
        }  # fmt: skip
    if not line.title.strip():
        problems["title"] = _("give the activity a title")
    for name in ("start", "end"):
        if getattr(line, name) is None:
            problems[name] = _("the date is missing (YYYY-MM-DD)")
    output = None
    if line.output.strip():
        output = m.Result.objects.filter(project=project, code=line.output.strip()).first()
        if output is None:
            problems["output"] = _("no output %(code)s in the project") % {"code": line.output}
    place = place_by_name(line.place) if line.place.strip() else None
    if line.place.strip() and place is None and "," not in line.place:
        problems["place"] = _(
            "unknown place %(place)r: a governorate or area of the list, or a place abroad "
            "as City, Country"
        ) % {"place": line.place}
    if problems:
        return None, [f"{_LETTERS[name]}{line.row}: {text}" for name, text in problems.items()]
    assert kind is not None
    assert line.start is not None
    assert line.end is not None
    return (
        ActivityInput(
            type=kind,
            title=line.title,
            start=line.start,
            end=line.end,
            output=output,
            place=place,
            place_text="" if place else line.place.strip(),
            male=_whole(line.male),
            female=_whole(line.female),
            total=_whole(line.total),
            notes=line.notes,
        ),
        [],
    )


def _whole(number: Any) -> int | None:
    return None if number is None else int(number)
