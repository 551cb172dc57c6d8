"""Each kind of bad project file gives one ProjectFileError naming the file and the place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from logframe.interchange.projectfile import (
    MAX_FILE_BYTES,
    ProjectFileError,
    parse_project_document,
    read_project_file,
)


def error_of(document: object) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as caught:
        parse_project_document(document, source="p.json")
    message = str(caught.value)
    assert message.startswith("p.json: ")
    assert "\n" not in message
    return caught.value


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "project.json"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def file_error(path: Path) -> str:
    with pytest.raises(ProjectFileError) as caught:
        read_project_file(path)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_a_syntax_error_names_the_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "format": "logframe-project",\n  "version": 1,,\n}\n')
    assert (
        file_error(path)
        == f"{path}:3:16: invalid JSON: Expecting property name enclosed in double quotes"
    )


def test_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '{"format": "logframe-project", "version": 1, "version": 1}')
    assert "the key 'version' appears twice" in file_error(path)


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    assert "not UTF-8" in file_error(write(tmp_path, b'{"format": "\xff"}'))


def test_a_missing_file_is_a_project_file_error(tmp_path: Path) -> None:
    assert file_error(tmp_path / "absent.json").endswith("cannot read: No such file or directory")


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    assert file_error(path) == f"{path}: larger than 20 MB; a project file may be at most 20 MB"


def test_a_file_at_the_limit_is_read(tmp_path: Path, small_document: dict[str, Any]) -> None:
    text = json.dumps(small_document)
    path = write(tmp_path, text + " " * (MAX_FILE_BYTES - len(text)))
    assert read_project_file(path).number == "P-1"


@pytest.mark.parametrize(
    ("version", "detail"),
    [
        (2, "version: unsupported version 2; this program reads version 1"),
        ("1", "version: unsupported version '1'; this program reads version 1"),
        (True, "version: unsupported version True; this program reads version 1"),
        (None, "version: missing; this program reads version 1"),
    ],
)
def test_a_version_other_than_1_is_refused(
    small_document: dict[str, Any], version: object, detail: str
) -> None:
    small_document["version"] = version
    error = error_of(small_document)
    assert str(error).startswith(f"p.json: {detail}")
    assert error.path == "version"


def test_another_format_is_refused(small_document: dict[str, Any]) -> None:
    small_document["format"] = "iati-activities"
    assert "p.json: format: not a Logframe project file" in str(error_of(small_document))


def test_a_document_must_be_an_object() -> None:
    assert str(error_of([1])) == "p.json: document: a project file is a JSON object, not list"


def test_a_schema_error_names_the_json_path(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"][0]["values"][0]["actual"]["male"] = "12x"
    error = error_of(small_document)
    assert str(error).startswith(
        "p.json: project.periods[0].values[0].actual.male: '12x' does not match"
    )
    assert error.path == "project.periods[0].values[0].actual.male"


def test_a_decimal_written_as_a_number_gets_a_hint(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"][0]["finance"][0]["committed"] = 5.5
    assert str(error_of(small_document)) == (
        "p.json: project.periods[0].finance[0].committed: 5.5 is not of type 'string'; "
        'write a decimal as a JSON string, such as "5848841.07"'
    )


def test_a_misspelt_key_is_caught(small_document: dict[str, Any]) -> None:
    small_document["project"]["results"][0]["children"][0]["indicators"][0]["mesure"] = "count"
    message = str(error_of(small_document))
    assert message.startswith("p.json: project.results[0].children[0].indicators[0]: ")
    assert "'mesure' was unexpected" in message


def test_an_integer_must_be_a_json_integer(small_document: dict[str, Any]) -> None:
    small_document["project"]["footnotes"][0]["number"] = 1.0
    assert "project.footnotes[0].number: 1.0 is not of type 'integer'" in str(
        error_of(small_document)
    )


def test_an_impossible_date_is_refused(small_document: dict[str, Any]) -> None:
    small_document["project"]["start_date"] = "2013-02-30"
    assert "p.json: project.start_date: '2013-02-30' is not a 'date'" in str(
        error_of(small_document)
    )


def test_a_bad_quarter_is_refused(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"][0]["quarter"] = "2013Q5"
    assert str(error_of(small_document)).startswith("p.json: project.periods[0].quarter: '2013Q5'")


def test_a_quarter_of_year_zero_is_refused(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"][0]["quarter"] = "0000Q1"
    assert "project.periods[0].quarter: '0000Q1' is not a quarter" in str(error_of(small_document))


def test_several_schema_errors_are_counted(small_document: dict[str, Any]) -> None:
    small_document["project"]["title"] = 1
    small_document["project"]["number"] = 2
    assert str(error_of(small_document)).endswith("(and 1 more schema error)")


def test_an_unknown_indicator_in_values(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"][0]["values"][1]["indicator"] = "9.9.9"
    error = error_of(small_document)
    assert str(error) == (
        "p.json: project.periods[0].values[1].indicator: "
        "unknown indicator '9.9.9': no indicator in the project has this code"
    )
    assert error.path == "project.periods[0].values[1].indicator"


def test_a_duplicate_indicator_code(small_document: dict[str, Any]) -> None:
    indicators = small_document["project"]["results"][0]["children"][0]["indicators"]
    indicators[1]["code"] = "1.1.1"
    assert str(error_of(small_document)) == (
        "p.json: project.results[0].children[0].indicators[1].code: duplicate indicator code "
        "'1.1.1' (first at project.results[0].children[0].indicators[0].code)"
        " (and 1 more problem)"  # the value for 1.1.2 now names an unknown indicator
    )


def test_a_duplicate_result_code(small_document: dict[str, Any]) -> None:
    small_document["project"]["results"][0]["children"][0]["code"] = "1"
    assert "project.results[0].children[0].code: duplicate result code '1'" in str(
        error_of(small_document)
    )


def test_an_unknown_footnote_mark(small_document: dict[str, Any]) -> None:
    indicator = small_document["project"]["results"][0]["children"][0]["indicators"][0]
    indicator["footnotes"] = [{"number": 5, "place": "target"}]
    assert str(error_of(small_document)) == (
        "p.json: project.results[0].children[0].indicators[0].footnotes[0].number: "
        "footnote 5 is not listed in project.footnotes"
    )


def test_a_participation_of_an_unlisted_organisation(small_document: dict[str, Any]) -> None:
    small_document["project"]["participations"][0]["organisation"] = "UNOPS"
    assert str(error_of(small_document)).startswith(
        "p.json: project.participations[0].organisation: unknown organisation 'UNOPS'"
    )


@pytest.mark.parametrize(
    ("key", "entry", "path"),
    [
        ("finance", {"organisation": "WFP"}, "finance[1].organisation: unknown organisation"),
        ("progress", {"result": "7"}, "progress[1].result: unknown result '7'"),
        ("values", {"indicator": "1.1.1", "actual": {}}, "values[2].indicator: duplicate entry"),
        ("beneficiaries", {"group": "men"}, "beneficiaries[1].group: duplicate entry for group"),
    ],
)
def test_period_entries_name_known_things_once(
    small_document: dict[str, Any], key: str, entry: dict[str, Any], path: str
) -> None:
    small_document["project"]["periods"][0][key].append(entry)
    assert f"p.json: project.periods[0].{path}" in str(error_of(small_document))


def test_a_duplicate_quarter(small_document: dict[str, Any]) -> None:
    small_document["project"]["periods"].append({"quarter": "2013Q1"})
    assert "project.periods[1].quarter: duplicate period '2013Q1'" in str(error_of(small_document))


def test_a_numeric_target_needs_its_number(small_document: dict[str, Any]) -> None:
    indicator = small_document["project"]["results"][0]["children"][0]["indicators"][0]
    del indicator["target"]["value"]
    assert "indicators[0].target: a target of kind 'number' needs a value" in str(
        error_of(small_document)
    )


def test_a_footnote_may_have_no_text_but_must_be_listed(small_document: dict[str, Any]) -> None:
    small_document["project"]["footnotes"].append({"number": 7, "text": ""})
    activity = small_document["project"]["results"][0]["children"][0]["activities"][0]
    activity["footnotes"] = [{"number": 7}]
    record = parse_project_document(small_document, source="p.json")
    assert record.footnotes[-1].text == ""


def test_nesting_too_deep_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in file_error(path)
