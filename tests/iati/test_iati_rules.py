"""The IATI rules the XSD does not check, and the codelists, on crafted bad activities."""

from __future__ import annotations

import pytest
from lxml import etree

from logframe.interchange.iati.codelists import check_codes
from logframe.interchange.iati.rules import check_rules
from tests.iati.conftest import TODAY

GOOD = """
<iati-activity xml:lang="en" default-currency="USD">
  <iati-identifier>XM-DAC-41114-G11-23</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
  <title><narrative>A project</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2013-01-01"/>
  <sector vocabulary="1" code="15151" percentage="100"/>
  <budget type="1" status="1">
    <period-start iso-date="2013-01-01"/><period-end iso-date="2013-12-31"/>
    <value value-date="2013-01-01">100</value>
  </budget>
  <result type="1"><title><narrative>R</narrative></title>
    <indicator measure="1"><title><narrative>I</narrative></title>
      <baseline year="2013" value="0"/>
      <period><period-start iso-date="2013-01-01"/><period-end iso-date="2013-03-31"/>
        <target value="5"/><actual value="3"/></period>
    </indicator>
  </result>
</iati-activity>
"""


def _activity(text: str) -> etree._Element:
    root = etree.fromstring(f"<iati-activities version='2.03'>{text}</iati-activities>")
    return root[0]


def _rules(text: str) -> set[str]:
    return {v.rule for v in check_rules(_activity(text), today=TODAY)}


def test_the_good_activity_breaks_nothing():
    assert check_rules(_activity(GOOD), today=TODAY) == []
    assert check_codes(_activity(GOOD), export=True) == []


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ('<period-end iso-date="2013-12-31"/>', '<period-end iso-date="2014-06-30"/>', "7.5.3"),
        ('<period-end iso-date="2013-12-31"/>', '<period-end iso-date="2012-12-31"/>', "8.6.3"),
        ('percentage="100"/>', 'percentage="60"/><sector vocabulary="1" code="15110" '
         'percentage="30"/>', "2.1.2"),
        ("<iati-identifier>XM-DAC-41114-G11-23", "<iati-identifier>XM-DAC-41AAA-G11-23",
         "1.1.21"),
        ("<iati-identifier>XM-DAC-41114-G11-23", "<iati-identifier>XM-DAC-41114", "1.1.3"),
        ('<activity-date type="1" iso-date="2013-01-01"/>', "", "6.11.1"),
        ('<sector vocabulary="1" code="15151" percentage="100"/>', "", "6.2.2"),
        ('<activity-date type="1" iso-date="2013-01-01"/>',
         '<activity-date type="1" iso-date="2013-01-01"/>'
         '<activity-date type="4" iso-date="2030-01-01"/>', "11.1.5"),
        ('<indicator measure="1">', '<indicator measure="5">', "8.10.3"),
        ('<target value="5"/>', "<target/>", "8.9.1"),
        ('<actual value="3"/>', '<actual value="three"/>', "8.10.2"),
        ('<baseline year="2013" value="0"/>', '<baseline year="2013"/>', "8.8.1"),
        ('default-currency="USD"', "", "7.8.1"),
        ('xml:lang="en"', "", "4.1.1"),
        ("<title><narrative>A project</narrative></title>", "<title><narrative/></title>",
         "4.3.1"),
        ('<period-end iso-date="2013-03-31"/>', '<period-end iso-date="2012-03-31"/>', "8.6.1"),
    ],
)  # fmt: skip
def test_each_rule_is_detected_with_its_element_path(old: str, new: str, rule: str):
    assert old in GOOD
    bad = GOOD.replace(old, new, 1)
    found = check_rules(_activity(bad), today=TODAY)
    assert rule in {v.rule for v in found}
    violation = next(v for v in found if v.rule == rule)
    assert violation.path.startswith("iati-activity(")
    assert violation.line is not None


def test_a_long_budget_is_named_by_path_and_line():
    bad = GOOD.replace('<period-end iso-date="2013-12-31"/>', '<period-end iso-date="2015-12-31"/>')
    (found,) = [v for v in check_rules(_activity(bad), today=TODAY) if v.rule == "7.5.3"]
    assert found.path == "iati-activity(XM-DAC-41114-G11-23)/budget"
    assert found.line == 9
    assert "longer than a year" in str(found)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('code="15151"', 'code="99999"', "'99999' is not on the Sector codelist"),
        ('<activity-status code="2"/>', '<activity-status code="9"/>', "ActivityStatus"),
        ('default-currency="USD"', 'default-currency="XXX1"', "Currency"),
        ('<indicator measure="1">', '<indicator measure="7">', "IndicatorMeasure"),
        ('<budget type="1"', '<budget type="3"', "BudgetType"),
    ],
)
def test_codes_off_their_codelist_are_reported(old: str, new: str, needle: str):
    found = check_codes(_activity(GOOD.replace(old, new)), export=False)
    assert any(needle in v.message for v in found), found


def test_withdrawn_codes_pass_on_import_but_not_on_export():
    withdrawn = _activity(GOOD.replace('code="15151"', 'code="15161"'))  # Elections, withdrawn
    assert check_codes(withdrawn, export=False) == []
    (found,) = check_codes(withdrawn, export=True)
    assert "withdrawn" in found.message


def test_sector_codes_of_other_vocabularies_are_not_checked_as_dac_codes():
    own = GOOD.replace('vocabulary="1" code="15151"', 'vocabulary="99" code="GHR"')
    assert check_codes(_activity(own), export=True) == []


def test_every_vendored_codelist_is_used_by_a_check():
    from logframe.interchange.iati.codelists import CHECKS, CODELISTS

    vendored = {path.stem for path in CODELISTS.glob("*.xml")}
    assert vendored == {check.codelist for check in CHECKS}
