"""``logframe verify``: snapshots checked against their stored checksum, tampering
reported one line each, exit 1; the database refuses to change a snapshot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, connection, transaction

from logframe.cli.main import main

pytestmark = pytest.mark.django_db

FIRST = "UNDG-ITF/G11-23/2013Q1/1"
SECOND = "UNDG-ITF/G11-23/2013Q1/2"


@pytest.fixture
def approved(loaded_project):
    """2013Q1 submitted then approved, with its two snapshots, as the workflow leaves it."""
    from logframe.workflow.snapshots import snapshot_take

    period = loaded_project.periods.get(year=2013, quarter=1)
    snapshot_take(period=period, event="submitted", actor=None)
    type(period).objects.filter(pk=period.pk).update(state="approved")
    period.refresh_from_db()
    snapshot_take(period=period, event="approved", actor=None)
    return period


@contextmanager
def trigger_dropped() -> Iterator[None]:
    """What someone with the database's password can do first: drop the trigger that
    keeps snapshots unchanged (put back afterwards, the database outlives the test)."""
    from logframe.portfolio.migrations._triggers_0009 import TRIGGERS

    create, drop = TRIGGERS[connection.vendor]
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in create:
                cursor.execute(statement)


def raw_update(snapshot_id: int, *, document: object = None, checksum: str | None = None) -> None:
    """An UPDATE in SQL, around the application and its models."""
    sets, params = [], []
    if document is not None:
        cast = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
        sets.append(f"document = {cast}")
        params.append(json.dumps(document, ensure_ascii=False))
    if checksum is not None:
        sets.append("checksum = %s")
        params.append(checksum)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE portfolio_periodsnapshot SET {', '.join(sets)} WHERE id = %s",
            [*params, snapshot_id],
        )


def test_a_snapshot_is_taken_with_its_checksum_and_verifies(approved, capsys, tmp_path):
    from logframe.workflow.snapshots import document_checksum

    for snapshot in approved.snapshots.all():
        assert len(snapshot.checksum) == 64
        assert snapshot.checksum == document_checksum(snapshot.document)
    manifest = tmp_path / "sums.json"
    assert main(["verify", "--write-manifest", str(manifest)]) == 0
    assert "2 snapshots verified, none changed" in capsys.readouterr().out
    sums = json.loads(manifest.read_text())["snapshots"]
    assert sums == {s: approved.snapshots.get(number=int(s[-1])).checksum for s in (FIRST, SECOND)}
    assert main(["verify", "--manifest", str(manifest)]) == 0


def test_the_checksum_is_of_the_canonical_json_in_utf8():
    from logframe.workflow.snapshots import canonical_json, document_checksum

    document = {"b": [1, "é"], "a": {"z": None, "y": True}}
    assert canonical_json(document) == '{"a":{"y":true,"z":null},"b":[1,"é"]}'
    # sha256sum of that text as UTF-8 (the "é" as two bytes)
    expected = "bafc1c5082b6e7d2279bdd7ef27e13f972c93b38f5b6febdb99b8a1c0fe54fe0"
    assert document_checksum(document) == expected


def test_the_database_refuses_to_change_a_snapshot(approved, django_user_model):
    from logframe.portfolio.models import PeriodSnapshot

    snapshot = approved.snapshots.get(number=1)
    snapshot.document["project"]["title"] = "Changed through the ORM"
    tries = [
        lambda: snapshot.save(update_fields=["document"]),
        lambda: PeriodSnapshot.objects.filter(pk=snapshot.pk).update(checksum="0" * 64),
        lambda: PeriodSnapshot.objects.filter(pk=snapshot.pk).update(number=7),
        lambda: PeriodSnapshot.objects.filter(pk=snapshot.pk).update(event="reopened"),
        lambda: raw_update(snapshot.pk, document={"format": "other"}),
    ]
    for attempt in tries:
        with (
            pytest.raises(IntegrityError, match="a snapshot is immutable"),
            transaction.atomic(),
        ):
            attempt()
    # What may change: the note's author when the user is deleted (SET NULL), a save of
    # the same values.
    user = django_user_model.objects.create_user("gone", password="a-long-test-password")
    PeriodSnapshot.objects.filter(pk=snapshot.pk).update(created_by=user)
    user.delete()
    stored = PeriodSnapshot.objects.get(pk=snapshot.pk)
    assert stored.created_by is None
    stored.save()
    assert main(["verify"]) == 0


def test_a_snapshot_edited_by_sql_is_reported_by_its_checksum(approved, capsys):
    snapshot = approved.snapshots.get(number=1)
    document = dict(snapshot.document)
    document["project"]["title"] = "Changed behind the application's back"
    with trigger_dropped():
        raw_update(snapshot.pk, document=document)
    capsys.readouterr()
    assert main(["verify"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"TAMPERED {FIRST}: changed: the document's checksum is "
        f"{_sum(document)[:12]}…, not the {snapshot.checksum[:12]}… stored when it was taken"
    ]


def test_a_blanked_checksum_is_reported(approved, capsys):
    with trigger_dropped():
        raw_update(approved.snapshots.get(number=2).pk, checksum="")
    assert main(["verify"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"TAMPERED {SECOND}: no checksum stored (blanked around the application)"]


def test_a_checksum_recomputed_with_the_edit_is_caught_by_the_manifest(approved, capsys, tmp_path):
    manifest = tmp_path / "sums.json"
    main(["verify", "--write-manifest", str(manifest)])
    snapshot = approved.snapshots.get(number=1)
    document = dict(snapshot.document)
    document["project"]["title"] = "Changed, and its checksum too"
    with trigger_dropped():
        raw_update(snapshot.pk, document=document, checksum=_sum(document))
    capsys.readouterr()
    assert main(["verify"]) == 0  # the stored checksum alone cannot tell
    capsys.readouterr()
    assert main(["verify", "--manifest", str(manifest)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"TAMPERED {FIRST}: changed since the manifest (checksum now {_sum(document)[:12]}…)"
    ]


def test_a_deleted_snapshot_is_reported(approved, capsys, tmp_path):
    manifest = tmp_path / "sums.json"
    main(["verify", "--write-manifest", str(manifest)])
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM portfolio_periodsnapshot WHERE period_id = %s AND number = 1",
            [approved.pk],
        )
    capsys.readouterr()
    assert main(["verify", "--manifest", str(manifest)]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1: snapshots [1] are missing" in out
    assert f"TAMPERED {FIRST}: in the manifest but no longer" in out


def test_a_deleted_approval_snapshot_is_reported(approved, capsys):
    approved.snapshots.filter(number=2).delete()
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1: approved, but no approval snapshot is stored" in out


def test_an_approved_quarter_changed_around_the_application_is_reported(approved, capsys):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE portfolio_indicatorvalue SET value = 1 WHERE period_id = %s AND "
            "indicator_id IN (SELECT id FROM portfolio_indicator WHERE code = '1.1.9')",
            [approved.pk],
        )
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1: the approved quarter's figures differ" in out


def test_a_snapshot_of_another_quarter_is_reported(approved, capsys):
    snapshot = approved.snapshots.get(number=2)
    document = dict(snapshot.document)
    document["project"]["periods"][0]["quarter"] = "2013Q2"
    with trigger_dropped():
        raw_update(snapshot.pk, document=document, checksum=_sum(document))
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "2013Q1/2: holds project G11-23 2013Q2, not G11-23 2013Q1" in out


def test_a_bad_manifest_is_a_usage_error(db, capsys, tmp_path):
    bad = tmp_path / "sums.json"
    bad.write_text("[]")
    assert main(["verify", "--manifest", str(bad)]) == 2
    assert f"{bad}: not a snapshot manifest" in capsys.readouterr().err


def _sum(document: object) -> str:
    from logframe.workflow.snapshots import document_checksum

    return document_checksum(document)
