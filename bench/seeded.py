"""The benches' scratch database: Django set up on a fresh SQLite file (or on
``BENCH_DATABASE_URL``), migrated, with the example project G11-23 imported."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"


def seeded_project(prefix: str) -> tuple[Any, Any]:
    """(the example's project record, the imported project) in a fresh database."""
    scratch = tempfile.mkdtemp(prefix=prefix)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from logframe.interchange.projectfile.read import read_project_file
    from logframe.portfolio.selectors import project_by_number
    from logframe.portfolio.services import project_import

    call_command("migrate", interactive=False, verbosity=0)
    record = read_project_file(EXAMPLE)
    project_import(record=record, actor=None, reason="bench")
    return record, project_by_number(number=record.number)
