"""``logframe verify``: every stored snapshot checked, tampering reported one line each.

A snapshot (``PeriodSnapshot``) is the project as it stood when a quarter was submitted or
approved, stored with the SHA-256 of its document (``workflow.snapshots.document_checksum``,
canonical JSON) written when it was taken. ``verify`` checks, from the database alone:

- each snapshot's checksum, recomputed from its document, is the stored one (the database
  refuses an UPDATE of either, migration 0009: a mismatch means the trigger was gone);
- the document is a valid project file of the snapshot's project, holding exactly the
  snapshot's quarter;
- a quarter's snapshots are numbered 1..n with none missing;
- an approved quarter's figures in the database are those of its last approval snapshot
  (the quarter is locked: any difference was made around the application).

Someone who can write the database can recompute a checksum too, or delete a quarter's
last snapshots; against them, ``--write-manifest FILE`` (e.g. after each backup, kept
elsewhere) saves every snapshot's checksum, and ``--manifest FILE`` compares: a changed or
deleted snapshot is reported.

Exit 0 when everything holds, 1 when anything was tampered with, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

MANIFEST_FORMAT = "logframe-snapshot-manifest"


def add_parser(sub: Any) -> None:
    verify = sub.add_parser(
        "verify", help="check every stored snapshot for tampering (exit 1 when one was changed)"
    )
    verify.add_argument(
        "--manifest", help="a checksum manifest written earlier by --write-manifest, to compare"
    )
    verify.add_argument(
        "--write-manifest", metavar="FILE", help="write the snapshots' checksums to FILE"
    )


def checksum(document: Any) -> str:
    """SHA-256 of the document's canonical JSON (sorted keys, no spaces, UTF-8)."""
    from logframe.workflow.snapshots import document_checksum

    return document_checksum(document)


def _key(snapshot: Any) -> str:
    period = snapshot.period
    project = period.project
    return f"{project.fund.code}/{project.number}/{period.as_quarter()}/{snapshot.number}"


def _period_part(document: dict[str, Any]) -> Any:
    periods = (document.get("project") or {}).get("periods") or []
    return periods[0] if len(periods) == 1 else periods


def problems(manifest: dict[str, str] | None) -> Iterator[str]:
    """One line per thing that does not hold."""
    from logframe.domain.records import PeriodState
    from logframe.interchange.projectfile import (
        ProjectFileError,
        parse_project_document,
        project_document,
    )
    from logframe.portfolio import models as m
    from logframe.portfolio.selectors import project_record

    seen: set[str] = set()
    snapshots = m.PeriodSnapshot.objects.select_related("period__project__fund").order_by(
        "period_id", "number"
    )
    by_period: dict[int, list[Any]] = {}
    for snapshot in snapshots.iterator():
        key = _key(snapshot)
        seen.add(key)
        by_period.setdefault(snapshot.period_id, []).append(snapshot)
        period = snapshot.period
        now = checksum(snapshot.document)
        yield from _checksum_problems(key, now, snapshot.checksum, manifest)
        try:
            record = parse_project_document(snapshot.document, source=f"snapshot {key}")
        except ProjectFileError as exc:
            yield f"{key}: not a valid project file ({str(exc).splitlines()[0]})"
            continue
        quarters = [p.quarter for p in record.periods]
        if record.number != period.project.number or quarters != [period.as_quarter()]:
            yield (
                f"{key}: holds project {record.number} {', '.join(map(str, quarters)) or '-'}, "
                f"not {period.project.number} {period.as_quarter()}"
            )
    for items in by_period.values():
        numbers = [s.number for s in items]
        if numbers != list(range(1, len(numbers) + 1)):
            missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
            yield f"{_key(items[0]).rsplit('/', 1)[0]}: snapshots {missing} are missing"
    approved = m.ReportingPeriod.objects.filter(state=PeriodState.APPROVED.value).select_related(
        "project__fund"
    )
    for period in approved:
        last = period.snapshots.filter(event="approved").order_by("-number").first()
        where = f"{period.project.fund.code}/{period.project.number}/{period.as_quarter()}"
        if last is None:
            yield f"{where}: approved, but no approval snapshot is stored"
            continue
        record = project_record(project=period.project)
        current = [p for p in record.periods if p.quarter == period.as_quarter()]
        now = _period_part(project_document(replace(record, periods=tuple(current))))
        if now != _period_part(last.document):
            yield (
                f"{where}: the approved quarter's figures differ from its approval snapshot "
                f"{last.number} (changed around the application)"
            )
    if manifest is not None:
        for key in sorted(set(manifest) - seen):
            yield f"{key}: in the manifest but no longer in the database (deleted)"


def _checksum_problems(
    key: str, now: str, stored: str, manifest: dict[str, str] | None
) -> Iterator[str]:
    """The snapshot ``key`` (fund/project/quarter/number) against its stored checksum and
    the manifest's."""
    if not stored:
        yield f"{key}: no checksum stored (blanked around the application)"
    elif now != stored:
        yield (
            f"{key}: changed: the document's checksum is {now[:12]}…, "
            f"not the {stored[:12]}… stored when it was taken"
        )
    if manifest is not None and key in manifest and manifest[key] != now:
        yield f"{key}: changed since the manifest (checksum now {now[:12]}…)"


def _manifest_read(path: Path) -> dict[str, str]:
    from logframe.cli.main import CommandError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: not a JSON manifest ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise CommandError(f"{path}: not a snapshot manifest (format {MANIFEST_FORMAT!r})")
    sums = data.get("snapshots")
    if not isinstance(sums, dict) or not all(isinstance(v, str) for v in sums.values()):
        raise CommandError(f"{path}: 'snapshots' must map a snapshot to its checksum")
    return {str(k): v for k, v in sums.items()}


def _manifest_write(path: Path) -> int:
    from logframe.atomic_write import write_atomically
    from logframe.cli.main import CommandError
    from logframe.portfolio import models as m

    sums = {
        _key(s): checksum(s.document)
        for s in m.PeriodSnapshot.objects.select_related("period__project__fund").iterator()
    }
    text = json.dumps({"format": MANIFEST_FORMAT, "snapshots": sums}, indent=1, sort_keys=True)
    try:
        write_atomically(path, text + "\n")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(sums)


def verify(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database

    manifest = _manifest_read(Path(args.manifest)) if args.manifest else None
    with database():
        found = list(problems(manifest))
        count = _count()
        written = _manifest_write(Path(args.write_manifest)) if args.write_manifest else None
    for line in found:
        print(f"TAMPERED {line}")
    if written is not None:
        print(f"{args.write_manifest}: checksums of {written} snapshots", file=sys.stderr)
    if found:
        print(f"{len(found)} problem(s) in {count} snapshots", file=sys.stderr)
        return 1
    print(f"{count} snapshots verified, none changed")
    return 0


def _count() -> int:
    from logframe.portfolio import models as m

    return m.PeriodSnapshot.objects.count()


COMMANDS = {"verify": verify}
