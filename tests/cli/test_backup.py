"""``logframe backup`` / ``logframe restore``: the whole database round-trips, on SQLite and
PostgreSQL and between them; a corrupt, foreign or mismatched file changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from logframe.cli.main import main
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def filled(loaded_project, make_member, media):  # type: ignore[no-untyped-def]
    """The example, a small synthetic fund, a member with an API token, an evidence file."""
    from rest_framework.authtoken.models import Token

    assert main(["generate-portfolio", "--fund", "SYN", "--projects", "2", "--quarters", "2"]) == 0
    user = make_member("focal", "focal_point", loaded_project, "UNDP")
    Token.objects.create(user=user)
    value = m.IndicatorValue.objects.filter(period__project=loaded_project).first()
    evidence = m.Evidence(
        indicator_value=value, name="list.pdf", content_type="application/pdf", size=5, sha256="x"
    )
    evidence.file.save("list.pdf", ContentFile(b"%PDF-"), save=True)
    return evidence


def _tables(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}


def test_a_backup_restores_identical_rows_and_files(filled, tmp_path, media, capsys):
    first = tmp_path / "first.zip"
    assert main(["backup", str(first)]) == 0
    assert "evidence files" in capsys.readouterr().out
    assert f"media/{filled.file.name}" in _tables(first)
    m.Project.objects.filter(fund__code="SYN").delete()  # some work lost…
    (media / filled.file.name).unlink()
    assert main(["restore", str(first), "--force"]) == 0  # …and found again
    assert "restored" in capsys.readouterr().out
    assert (media / filled.file.name).read_bytes() == b"%PDF-"
    again = tmp_path / "again.zip"
    assert main(["backup", str(again)]) == 0
    assert _tables(again) == _tables(first)
    # the ids go on after the restored ones
    assert main(["generate-portfolio", "--fund", "NEW", "--projects", "1", "--quarters", "1"]) == 0


def test_a_database_with_data_is_not_replaced_without_force(filled, tmp_path, capsys):
    path = tmp_path / "b.zip"
    assert main(["backup", str(path)]) == 0
    m.Project.objects.filter(fund__code="SYN").delete()
    capsys.readouterr()
    assert main(["restore", str(path)]) == 2
    err = capsys.readouterr().err
    assert "the database is not empty" in err
    assert "add --force" in err
    assert "nothing was changed" in err
    assert not m.Project.objects.filter(fund__code="SYN").exists()


def _rewrite(path: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[member] = data
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def _manifest(path: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))  # type: ignore[no-any-return]


def _resealed(manifest: dict) -> bytes:  # type: ignore[type-arg]
    from logframe.portfolio.services.bulk_backup import _digest

    manifest.pop("sha256")
    manifest["sha256"] = _digest(manifest)
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        ("table", "table portfolio_project does not match its checksum"),
        ("manifest", "manifest.json does not match its checksum"),
        ("schema", "made with another schema than this database's (only in the backup: x.0999"),
        ("not zip", "not a readable backup"),
        ("foreign", "no readable manifest.json: not a Logframe backup"),
    ],
)
def test_a_spoilt_or_mismatched_backup_changes_nothing(filled, tmp_path, spoil, message, capsys):
    path = tmp_path / "b.zip"
    assert main(["backup", str(path)]) == 0
    if spoil == "table":
        rows = _tables(path)["tables/portfolio_project.jsonl"].replace(b"S00001", b"S00009")
        _rewrite(path, "tables/portfolio_project.jsonl", rows)
    elif spoil == "manifest":
        _rewrite(path, "manifest.json", json.dumps(_manifest(path) | {"database": "x"}).encode())
    elif spoil == "schema":
        manifest = _manifest(path)
        manifest["migrations"] = sorted([*manifest["migrations"], "x.0999_later"])
        _rewrite(path, "manifest.json", _resealed(manifest))
    elif spoil == "not zip":
        path.write_bytes(b"PK\x03\x04 truncated")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("data.json", "{}")
    m.Project.objects.filter(fund__code="SYN").delete()
    before = m.Project.objects.count()
    capsys.readouterr()
    assert main(["restore", str(path), "--force"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "nothing was changed" in err
    assert m.Project.objects.count() == before


def test_a_backup_cannot_be_written_to_a_missing_folder(db, tmp_path, capsys):
    assert main(["backup", str(tmp_path / "nowhere" / "b.zip")]) == 2
    assert "the folder" in capsys.readouterr().err


RUN = "import sys; from logframe.cli.main import main; sys.exit(main())"


def _logframe(database: str, *args: str) -> None:
    env = os.environ | {"DATABASE_URL": database}
    subprocess.run(
        [sys.executable, "-c", RUN, *args], env=env, check=True, cwd=ROOT,
        capture_output=True,
    )  # fmt: skip


def test_a_backup_moves_between_sqlite_and_this_database(db, tmp_path, capsys):
    """Made on a SQLite file, restored here (PostgreSQL when the suite runs there), backed up
    again: the same rows; restored into the SQLite file again: the same rows again."""
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    made, here, back = tmp_path / "made.zip", tmp_path / "here.zip", tmp_path / "back.zip"
    _logframe(other, "init")
    _logframe(other, "generate-portfolio", "--fund", "SYN", "--projects", "2", "--quarters", "2")
    _logframe(other, "backup", str(made))
    assert main(["restore", str(made)]) == 0
    assert m.Project.objects.count() == 2
    assert main(["backup", str(here)]) == 0
    assert _tables(here) == _tables(made)
    _logframe(other, "restore", str(here), "--force")
    _logframe(other, "backup", str(back))
    assert _tables(back) == _tables(made)


def test_a_restore_empties_the_shared_cache(filled, tmp_path, capsys):
    """Sessions kept in the shared cache (cached_db) are the replaced database's: gone."""
    from django.core.cache import cache

    path = tmp_path / "b.zip"
    assert main(["backup", str(path)]) == 0
    cache.set("django.contrib.sessions.cached_db_of_the_old_database", {"_auth_user_id": "1"})
    assert main(["restore", str(path), "--force"]) == 0
    assert cache.get("django.contrib.sessions.cached_db_of_the_old_database") is None
    assert "warning" not in capsys.readouterr().err


def test_a_cache_that_cannot_be_emptied_is_said_and_the_restore_stands(
    filled, tmp_path, capsys, monkeypatch
):
    from django.core.cache import cache

    def refuse() -> None:
        raise ConnectionError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    path = tmp_path / "b.zip"
    assert main(["backup", str(path)]) == 0
    with monkeypatch.context() as patched:  # undone before the fixtures empty the cache
        patched.setattr(cache, "clear", refuse)
        assert main(["restore", str(path), "--force"]) == 0
    out = capsys.readouterr()
    assert "restored" in out.out
    assert "could not be emptied (ConnectionError: Error 111" in out.err
    assert m.Project.objects.filter(fund__code="SYN").count() == 2
