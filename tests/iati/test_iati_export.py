"""Export: the seed project as IATI 2.03 — valid against the XSD, every code on its
codelist, no rule broken, and each part of the mapping where docs/iati.md says it goes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from lxml import etree

from logframe.domain.periods import Quarter
from logframe.domain.records import FinanceRecord
from logframe.interchange.iati.codelists import check_codes
from logframe.interchange.iati.export import activities_document
from logframe.interchange.iati.rules import check_rules
from logframe.interchange.iati.schema import schema_violations
from tests.iati.conftest import TODAY


def _activity(record, settings) -> etree._Element:  # type: ignore[no-untyped-def]
    document = activities_document([record], settings)
    assert schema_violations(document) == []
    return document.getroot()[0]


def test_the_seed_export_is_valid_and_breaks_no_rule_or_codelist(seed_record, export_settings):
    activity = _activity(seed_record, export_settings)
    assert check_rules(activity, today=TODAY) == []
    assert check_codes(activity, export=True) == []


def test_identifiers_org_roles_dates_status_sector_and_country(seed_record, export_settings):
    a = _activity(seed_record, export_settings)
    assert a.findtext("iati-identifier") == "XM-DAC-41114-G11-23"
    assert a.find("reporting-org").get("ref") == "XM-DAC-41114"
    other = a.find("other-identifier")
    assert (other.get("ref"), other.get("type")) == ("G11-23", "A1")
    roles = [(o.get("role"), o.findtext("narrative")) for o in a.iter("participating-org")]
    assert ("1", "United Nations Development Group Iraq Trust Fund") in roles  # funding
    assert ("3", "United Nations Development Programme") in roles  # lead: extending
    assert ("4", "United Nations Office for Project Services") in roles  # implementing
    assert a.find("activity-status").get("code") == "2"
    dates = {d.get("type"): d.get("iso-date") for d in a.iter("activity-date")}
    assert dates["1"] == str(seed_record.start_date)
    assert dates["3"] == str(seed_record.revised_end_date or seed_record.planned_end_date)
    sectors = {s.get("vocabulary"): s.get("code") for s in a.iter("sector")}
    assert sectors == {"1": "15151", "99": "Governance and Human Rights"}
    assert a.find("recipient-country").get("code") == "IQ"
    assert {d.get("type") for d in a.findall("description")} == {"1", "2", "4"}


def test_cumulative_finance_becomes_per_quarter_flows(seed_record, export_settings):
    q1 = seed_record.periods[0]
    q2 = replace(
        q1,
        quarter=Quarter(2013, 2),
        finance=(
            FinanceRecord(organisation="UNDP", committed=Decimal("6000000"), disbursed=None),
            FinanceRecord(organisation="UNOPS", committed=Decimal("6975973.74")),
        ),
        values=(),
    )
    a = _activity(replace(seed_record, periods=(q1, q2)), export_settings)
    flows = [
        (t.find("transaction-type").get("code"), t.find("transaction-date").get("iso-date"),
         t.findtext("value"), t.findtext("provider-org/narrative"))
        for t in a.iter("transaction")
    ]  # fmt: skip
    undp = "United Nations Development Programme"
    assert ("2", "2013-03-31", "5848841.07", undp) in flows
    assert ("2", "2013-06-30", "151158.93", undp) in flows  # 6,000,000 - 5,848,841.07
    assert ("3", "2013-03-31", "5594796.22", undp) in flows
    assert not [f for f in flows if f[1] == "2013-06-30" and f[3] != undp]  # UNOPS: no change
    approved = [f for f in flows if f[0] == "11"]
    assert [f[2] for f in approved] == ["13947279", "10914712"]


def test_sex_split_milestone_and_percentage_indicators(seed_record, export_settings):
    a = _activity(seed_record, export_settings)
    by_code = {i.find("reference").get("code"): i for i in a.iter("indicator")}
    split = by_code["1.1.9"]  # 498 (468 male / 28 female)
    actuals = [
        (x.get("value"), [(d.get("name"), d.get("value")) for d in x.iter("dimension")])
        for x in split.iter("actual")
    ]
    assert actuals == [("498", []), ("468", [("sex", "male")]), ("28", [("sex", "female")])]
    milestone = by_code["1.1.1"]
    assert milestone.get("measure") == "5"
    assert all(x.get("value") is None for x in milestone.iter("target", "actual", "baseline"))
    assert milestone.findtext("period/target/comment/narrative") == "Yes"
    percentage = by_code["1.1.10"]
    assert percentage.get("measure") == "2"
    assert percentage.find("period/target").get("value") == "80"


def test_results_keep_their_level_and_quarter_periods(seed_record, export_settings):
    a = _activity(seed_record, export_settings)
    with_indicators = [r for r in seed_record.walk_results() if r.indicators]
    results = a.findall("result")
    assert [r.findtext("title/narrative") for r in results] == [r.text for r in with_indicators]
    period = a.find("result/indicator/period")
    span = [period.find(tag).get("iso-date") for tag in ("period-start", "period-end")]
    assert span == ["2013-01-01", "2013-03-31"]
    link = a.find("document-link")
    assert link.get("url") == (
        "https://logframe.example.org/funds/UNDG-ITF/projects/G11-23/2013Q1.html"
    )
    assert link.find("category").get("code") == "A07"


def test_a_project_without_dac_code_still_has_a_sector(example_record, export_settings):
    a = _activity(example_record, export_settings)
    assert [s.get("vocabulary") for s in a.iter("sector")] == ["99"]
    assert check_rules(a, today=TODAY) == []
