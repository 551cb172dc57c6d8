"""``logframe import-report`` proposes, ``logframe activities`` lists, ``load-places`` loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from logframe.activities.models import Place
from logframe.activities.placefile import reference_data_ensure
from logframe.cli.main import main

pytestmark = pytest.mark.django_db

SEED_TXT = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "itf-g11-23"
    / "itf-g11-23-2013q1-progress-report.txt"
)
FIELDS = ["type", "title", "start", "end", "place", "output", "male", "female", "total",
          "status", "source"]  # fmt: skip


def test_an_imported_report_proposes_and_the_register_lists(capsys) -> None:
    reference_data_ensure()
    assert main(["import-report", str(SEED_TXT)]) == 0
    assert "9 activities proposed from the narrative" in capsys.readouterr().out
    assert main(["import-report", str(SEED_TXT)]) == 0
    assert "0 activities proposed" in capsys.readouterr().out
    assert main(["activities", "G11-23", "--period", "2013Q1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 9
    assert all(list(item) == FIELDS for item in listed)
    meeting = next(i for i in listed if i["start"] == "2013-02-03")
    assert meeting == {
        "type": "meeting", "title": "Operational meeting", "start": "2013-02-03",
        "end": "2013-02-05", "place": "Baghdad", "output": "1.3", "male": 32, "female": 2,
        "total": 34, "status": "proposed", "source": meeting["source"],
    }  # fmt: skip
    assert meeting["source"].startswith("A 3-day operational meeting was held in Baghdad")
    assert main(["activities", "G11-23"]) == 0
    out = capsys.readouterr().out
    assert "2013-02-10…2013-02-12  meeting" in out
    assert out.rstrip().endswith("9 activities for G11-23")


def test_unknown_project_or_quarter(capsys) -> None:
    assert main(["activities", "NOPE"]) == 2
    assert "unknown project 'NOPE'" in capsys.readouterr().err
    main(["import-report", str(SEED_TXT)])
    capsys.readouterr()
    assert main(["activities", "G11-23", "--period", "2014Q1"]) == 2
    assert "has no period 2014Q1" in capsys.readouterr().err


def test_load_places(tmp_path: Path, capsys) -> None:
    good = tmp_path / "jordan.csv"
    good.write_text(
        "# Jordan, two governorates and a district\n"
        "code,name,country,level,parent,aliases\n"
        "JO11,Amman,JO,1,,Amman Governorate\n"
        "JO21,Irbid,jo,1,,\n"
        "JO1101,Qasabat Amman,JO,2,JO11,\n",
        encoding="utf-8",
    )
    assert main(["load-places", str(good)]) == 0
    assert "3 places created, 0 updated" in capsys.readouterr().out
    assert Place.objects.get(code="JO1101").parent.code == "JO11"
    assert Place.objects.get(code="JO21").country == "JO"
    assert main(["load-places", str(good)]) == 0
    assert "0 places created, 3 updated" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,name\nX1,Somewhere\n", "bad.csv:1: missing column country"),
        ("code,name,country\nX1,,JO\n", "bad.csv:2: the name is empty"),
        ("code,name,country\nX1,A,Jordan\n", "bad.csv:2: country 'Jordan' is not"),
        ("code,name,country,level\nX1,A,JO,one\n", "bad.csv:2: level 'one' is not"),
        ("code,name,country\nX1,A,JO\nX1,B,JO\n", "bad.csv:3: the code X1 is listed twice"),
        ("code,name,country,parent\nX1,A,JO,\nX2,B,JO,NOPE\n", "bad.csv:3: parent NOPE"),
        ("# nothing\n", "bad.csv: no header row"),
    ],
)
def test_a_bad_place_file_saves_nothing(tmp_path: Path, capsys, text: str, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    before = Place.objects.count()
    assert main(["load-places", str(bad)]) == 2
    assert message in capsys.readouterr().err
    assert Place.objects.count() == before
