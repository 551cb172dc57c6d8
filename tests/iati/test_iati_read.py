"""Reading IATI files into records: every part of the real samples comes in, and hostile or
broken files are refused with the file and line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from logframe.domain.measures import Measure, TargetKind
from logframe.domain.records import BudgetType, TransactionType
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.read import read_activities
from tests.iati.conftest import ALL_SAMPLES, TODAY, WORLD_BANK, WRI, counts, record_counts


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_every_part_of_the_sample_comes_in(path: Path):
    records = [item.record for item in read_activities(path)]
    assert record_counts(records) == counts(path)


def test_world_bank_sample_in_detail():
    records = {item.record.number: item.record for item in read_activities(WORLD_BANK)}
    assert record_counts(list(records.values()))["budgets"] == 910
    casa = records["44000-P145054"]
    assert casa.iati_identifier == "44000-P145054"
    assert casa.fund.code == "44000"
    assert casa.sector_code == "23630"
    assert casa.start_date.isoformat() == "2014-03-27"
    first = casa.walk_results()[0].indicators[0]
    assert first.measure is Measure.COUNT
    assert first.baseline == Decimal("0.00")
    assert (first.target.kind, first.target.value) == (TargetKind.NUMBER, Decimal("40.00"))
    (period,) = first.published_periods
    assert (period.targets[0].value, period.actuals[0].value) == ("40.00", "20.00")
    qualitative = next(
        i for r in casa.walk_results() for i in r.indicators if i.measure is Measure.MILESTONE
    )
    assert qualitative.published_periods[0].targets[0].value  # "Yes" kept as published
    budget = casa.budgets[4]
    assert (budget.type, budget.value, str(budget.period_start)) == (
        BudgetType.ORIGINAL,
        Decimal("2500000.00"),
        "2014-07-01",
    )
    transaction = casa.transactions[0]
    assert transaction.type is TransactionType.OUTGOING_COMMITMENT
    assert transaction.value == Decimal("6750000")
    assert transaction.provider_ref == "44002"


def test_wri_indicator_references_become_codes_and_incoming_funds_come_in():
    (item,) = read_activities(WRI, today=TODAY)
    record = item.record
    codes = [i.code for r in record.walk_results() for i in r.indicators]
    assert "WRI.FLW.1.2" in codes
    assert len(set(codes)) == len(codes) == 24
    assert {t.type for t in record.transactions} == {TransactionType.INCOMING_FUNDS}
    assert record.transactions[0].provider_name == "Netherlands - Ministry of Foreign Affairs"
    assert item.violations == ()


def test_dimensions_come_in(tmp_path: Path):
    from tests.iati.conftest import OFFICIAL

    (item,) = read_activities(OFFICIAL)
    (indicator,) = item.record.walk_results()[0].indicators
    period = indicator.published_periods[0]
    assert ("sex", "female") in period.targets[0].dimensions
    assert indicator.published_baselines[0].dimensions


XXE = """<?xml version="1.0"?>
<!-- harmless comment -->
<!DOCTYPE iati-activities [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<iati-activities version="2.03"><iati-activity>
<iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<iati-activities version="2.03"><iati-activity><title>&lol3;</title></iati-activity>
</iati-activities>
"""


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (XXE, ":3: <!DOCTYPE"),
        (LAUGHS, ":2: <!DOCTYPE"),
        ("<iati-activities version='2.03'><iati-activity>&lol9;</iati-activity>"
         "</iati-activities>", ":1: not well-formed XML: Entity 'lol9' not defined"),
        ("just text", ":1: not well-formed XML"),
        ("", "not well-formed XML"),
        ("<iati-activities version='2.03'>\n<iati-activity>\n<title>", ":3: not well-formed XML"),
        ("<activities/>", ":1: the root element is <activities>, not <iati-activities>"),
        ("<iati-activities version='1.05'/>", "IATI version 1.05 is not supported"),
        ("<iati-activities version='2.03'><iati-activity><title/></iati-activity>"
         "</iati-activities>", ":1: <iati-activity> has no <iati-identifier>"),
    ],
)  # fmt: skip
def test_hostile_and_broken_files_are_refused_with_file_and_line(
    tmp_path: Path, content: str, needle: str
):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IatiFileError) as caught:
        list(read_activities(path))
    assert str(caught.value).startswith(str(path))
    assert needle in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('<period-start iso-date="2014-03-01"/>', '<period-start iso-date="2014-13-01"/>',
         "'2014-13-01' is not a date"),
        ('<value currency="USD" value-date="2014-03-31">0.00</value>',
         '<value currency="USD" value-date="2014-03-31">lots</value>', "'lots' is not an amount"),
        ('<transaction-type code="2" />', '<transaction-type code="77" />',
         "@code '77' is not one of"),
    ],
)  # fmt: skip
def test_garbled_values_name_their_line(tmp_path: Path, old: str, new: str, needle: str):
    text = WORLD_BANK.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "garbled.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(IatiFileError, match=needle) as caught:
        list(read_activities(path))
    assert f"{path}:{line}:" in str(caught.value)
