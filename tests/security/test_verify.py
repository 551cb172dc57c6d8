"""``logframe verify``: snapshots checked for tampering, one line each, exit 1."""

from __future__ import annotations

import json

import pytest

from logframe.cli.main import main

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_untouched_snapshots_verify(approved, capsys, tmp_path):
    manifest = tmp_path / "sums.json"
    assert main(["verify", "--write-manifest", str(manifest)]) == 0
    assert "2 snapshots verified, none changed" in capsys.readouterr().out
    sums = json.loads(manifest.read_text())["snapshots"]
    assert set(sums) == {"UNDG-ITF/G11-23/2013Q1/1", "UNDG-ITF/G11-23/2013Q1/2"}
    assert main(["verify", "--manifest", str(manifest)]) == 0


def test_a_snapshot_edited_in_the_database_is_reported(approved, capsys, tmp_path):
    manifest = tmp_path / "sums.json"
    main(["verify", "--write-manifest", str(manifest)])
    snapshot = approved.snapshots.get(number=1)
    snapshot.document["project"]["title"] = "Changed behind the application's back"
    snapshot.save(update_fields=["document"])
    capsys.readouterr()
    assert main(["verify", "--manifest", str(manifest)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("TAMPERED UNDG-ITF/G11-23/2013Q1/1: changed since the manifest")
    assert len(out) == 1


def test_a_deleted_snapshot_is_reported(approved, capsys, tmp_path):
    manifest = tmp_path / "sums.json"
    main(["verify", "--write-manifest", str(manifest)])
    approved.snapshots.filter(number=1).delete()
    capsys.readouterr()
    assert main(["verify", "--manifest", str(manifest)]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1: snapshots [1] are missing" in out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1/1: in the manifest but no longer" in out


def test_an_approved_quarter_changed_around_the_application_is_reported(approved, capsys):
    from logframe.portfolio.models import IndicatorValue

    IndicatorValue.objects.filter(period=approved, indicator__code="1.1.9").update(value=1)
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED UNDG-ITF/G11-23/2013Q1: the approved quarter's figures differ" in out


def test_a_snapshot_of_another_quarter_is_reported(approved, capsys):
    snapshot = approved.snapshots.get(number=2)
    snapshot.document["project"]["periods"][0]["quarter"] = "2013Q2"
    snapshot.save(update_fields=["document"])
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "2013Q1/2: holds project G11-23 2013Q2, not G11-23 2013Q1" in out


def test_a_bad_manifest_is_a_usage_error(db, capsys, tmp_path):
    bad = tmp_path / "sums.json"
    bad.write_text("[]")
    assert main(["verify", "--manifest", str(bad)]) == 2
    assert f"{bad}: not a snapshot manifest" in capsys.readouterr().err
