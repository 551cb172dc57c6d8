"""``make bench`` (IATI part): import and export timings, and streaming a ~100 MB file.

Prints a table:

- importing ``real-worldbank-679.xml`` into a fresh database (goal: under 2 s);
- exporting a 200-project fund, validated against the XSD and written (goal: under 5 s);
- a ~100 MB file made by repeating the samples' activities (written to a temp dir), read
  into records by the streaming reader and by bare ``lxml.etree.iterparse``, each in its
  own process so that its peak memory (``ru_maxrss``) is its own (goals: under 500 MB,
  and at least half the speed of bare lxml, i.e. a ratio of at least 0.5, measured against
  ``iterparse(tag="iati-activity")``: docs/performance.md says why that baseline);
- importing that file into the database, when BENCH_IATI_FULL=1 (minutes on SQLite).

Wall-clock and CPU times are both shown: on a shared machine the CPU time is the steadier
measure, and the speed ratios use it. Runs on a fresh SQLite file; BENCH_DATABASE_URL points
it at PostgreSQL instead.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "iati" / "samples"  # copies of ../shared/iati/samples
WORLD_BANK = SAMPLES / "real-worldbank-679.xml"
REPEATED = (WORLD_BANK, SAMPLES / "real-wri-521257057-strategic-plan-2023-2027.xml")
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"
BIG_BYTES = int(os.environ.get("BENCH_IATI_BYTES", str(100 * 1024 * 1024)))
FUND_SIZE = 200


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] in (
        "--stream-lxml",
        "--stream-lxml-all",
        "--stream-records",
    ):
        return _stream(sys.argv[1], Path(sys.argv[2]))
    scratch = Path(tempfile.mkdtemp(prefix="logframe-bench-iati-"))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    rows: list[tuple[str, str, str]] = []
    rows.append(_import_world_bank())
    rows.append(_export_fund(scratch))
    big = _big_file(scratch / "big.xml")
    size = f"{big.stat().st_size / 1e6:.0f} MB"
    bare = _measure("--stream-lxml", big)
    every = _measure("--stream-lxml-all", big)
    ours = _measure("--stream-records", big)
    rows.append((f"bare lxml iterparse of {size}, tag=iati-activity", _times(bare),
                 f"{bare['activities']} activities, peak {bare['peak_mb']:.0f} MB"))  # fmt: skip
    rows.append((f"bare lxml iterparse of {size}, every element", _times(every),
                 f"peak {every['peak_mb']:.0f} MB"))  # fmt: skip
    rows.append((f"stream {size} into records", _times(ours),
                 f"peak {ours['peak_mb']:.0f} MB (goal < 500)"))  # fmt: skip
    for name, baseline, note in (
        ("tag=iati-activity", bare, "the goal: >= 0.5"),
        ("every element", every, "for reference (a slower baseline)"),
    ):
        ratio = baseline["cpu"] / ours["cpu"]
        rows.append((f"speed vs bare lxml, {name}", f"{ratio:.2f}", f"CPU time ratio; {note}"))
    if os.environ.get("BENCH_IATI_FULL") == "1":
        rows.append(_import_big(big))
    _table(rows)
    return 0


def _import_world_bank() -> tuple[str, str, str]:
    from logframe.interchange.iati.load import import_iati_file

    started, cpu = time.perf_counter(), time.process_time()
    summary = import_iati_file(WORLD_BANK, today=date.today())  # as the command: with checks
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return ("import real-worldbank-679.xml", f"{seconds:.2f} s ({cpu:.2f} s CPU)",
            f"{len(summary.activities)} activities (goal < 2 s)")  # fmt: skip


def _export_fund(scratch: Path) -> tuple[str, str, str]:
    from logframe.interchange.iati.export import ExportSettings
    from logframe.interchange.iati.publish import publish
    from logframe.interchange.projectfile.read import read_project_file
    from logframe.portfolio.services import project_import

    record = read_project_file(EXAMPLE)
    for n in range(FUND_SIZE):
        project_import(record=replace(record, number=f"B{n:03d}"), actor=None, reason="bench")
    settings = ExportSettings(reporting_org_ref="XM-DAC-41114", country="IQ")
    started, cpu = time.perf_counter(), time.process_time()
    outcome = publish(project=None, fund=record.fund.code, settings=settings,
                      out=scratch / "fund.xml")  # fmt: skip
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert not outcome.schema_violations, outcome.schema_violations[:3]
    return (f"export a {outcome.activities}-project fund", f"{seconds:.2f} s ({cpu:.2f} s CPU)",
            "read, build, XSD-validate, rules, write (goal < 5 s)")  # fmt: skip


def _big_file(path: Path) -> Path:
    """Repeat the samples' activities, each copy with its own identifier, to BIG_BYTES."""
    from lxml import etree

    activities = [
        etree.tostring(a)
        for sample in REPEATED
        for a in etree.parse(str(sample)).getroot().iterfind("iati-activity")
    ]
    written, copy = 0, 0
    with path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n')
        while written < BIG_BYTES:
            copy += 1
            for activity in activities:
                text = activity.replace(b"</iati-identifier>", b"-%d</iati-identifier>" % copy, 1)
                out.write(text)
                written += len(text)
        out.write(b"</iati-activities>\n")
    return path


def _measure(mode: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT / "src")},
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _stream(mode: str, path: Path) -> int:
    """Time one way of streaming ``path``; each side's imports are made before the clock
    starts (lxml for the baselines, our reader for ours), so both time the reading only."""
    from lxml import etree

    if mode == "--stream-records":
        from logframe.interchange.iati.read import read_activities
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    if mode == "--stream-lxml-all":  # the textbook loop: every element, cleared at its end
        for _, element in etree.iterparse(str(path)):
            count += element.tag == "iati-activity"
            element.clear(keep_tail=False)
    elif mode == "--stream-lxml":  # the goal's baseline: lxml builds each activity, we drop it
        for _, element in etree.iterparse(str(path), tag="iati-activity"):
            count += 1
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
    else:
        for _ in read_activities(path):
            count += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "activities": count, "peak_mb": _peak_mb()}))
    return 0


def _times(measured: dict[str, float]) -> str:
    return f"{measured['seconds']:.2f} s ({measured['cpu']:.2f} s CPU)"


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM (Linux) starts afresh at exec, unlike
    ru_maxrss, which a child inherits from the parent that forked it."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import_big(path: Path) -> tuple[str, str, str]:
    from logframe.interchange.iati.load import import_iati_file

    started = time.perf_counter()
    summary = import_iati_file(path)
    seconds = time.perf_counter() - started
    peak_mb = _peak_mb()
    return (f"import {path.stat().st_size / 1e6:.0f} MB into the database", f"{seconds:.1f} s",
            f"{len(summary.activities)} activities, process peak {peak_mb:.0f} MB")  # fmt: skip


def _table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    print("| IATI step".ljust(widths[0] + 2) + " | time".ljust(widths[1] + 3) + " | notes")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    sys.exit(main())
