"""``logframe activities``: a project's activity register; ``logframe load-places``: places
from a CSV file (docs/activities.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    """The subcommands and their options (called by ``logframe.cli.main.build_parser``)."""
    listing = sub.add_parser("activities", help="list a project's activity register")
    listing.add_argument("project", help="project number, e.g. G11-23")
    listing.add_argument("--period", help="only this quarter, e.g. 2013Q1")
    listing.add_argument("--fund", help="fund code, when the number is used in several funds")
    listing.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    places = sub.add_parser("load-places", help="load administrative areas from a CSV file")
    places.add_argument("file", help="the CSV file: code, name, country, level, parent, …")


def activities(args: argparse.Namespace) -> int:
    from logframe.activities.selectors import project_activities
    from logframe.cli.commands import database, parse_quarter
    from logframe.cli.main import CommandError
    from logframe.portfolio.selectors import NotFound, project_by_number

    quarter = parse_quarter(args.period) if args.period else None
    with database():
        try:
            project = project_by_number(number=args.project, fund=args.fund)
        except NotFound as exc:
            raise CommandError(str(exc)) from exc
        rows = project_activities(project=project)
        if quarter is not None:
            if not project.periods.filter(year=quarter.year, quarter=quarter.number).exists():
                raise CommandError(f"project {project.number} has no period {quarter.code}")
            rows = rows.filter(period__year=quarter.year, period__quarter=quarter.number)
        found = [_json(row) for row in rows]
    if args.json:
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for item in found:
        people = "" if item["total"] is None else f"{item['total']}"
        if item["male"] is not None or item["female"] is not None:
            people += f" ({item['male'] or 0} m, {item['female'] or 0} f)"
        print(
            f"{item['start']}…{item['end']}  {item['type']:<15} {item['output'] or '-':<6}"
            f"{item['place'] or '-':<22}{people:<18}{item['status']:<10} {item['title']}"
        )
    where = f" {quarter.code}" if quarter else ""
    print(f"{len(found)} activit{'y' if len(found) == 1 else 'ies'} for {project.number}{where}")
    return 0


def _json(row: Any) -> dict[str, Any]:
    return {
        "type": row.type,
        "title": row.title,
        "start": row.start.isoformat(),
        "end": row.end.isoformat(),
        "place": row.place_name,
        "output": row.output.code if row.output else "",
        "male": row.male,
        "female": row.female,
        "total": row.total,
        "status": row.status,
        "source": row.source,
    }


def load_places(args: argparse.Namespace) -> int:
    from logframe.activities.placefile import PlaceFileError, load_place_file
    from logframe.cli.commands import database
    from logframe.cli.main import CommandError

    with database():
        try:
            loaded = load_place_file(Path(args.file))
        except PlaceFileError as exc:
            raise CommandError(str(exc)) from exc
    print(f"{args.file}: {loaded.created} places created, {loaded.updated} updated")
    return 0


COMMANDS = {"activities": activities, "load-places": load_places}
