"""The streaming reader's single-pass walk reads what the IATI standard allows, not only what
the samples happen to hold: children in any order, the first of a repeated part, comments,
padded codes, narratives in other languages, regions before countries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from logframe.domain.records import (
    BudgetStatus,
    BudgetType,
    ProjectRecord,
    ProjectStatus,
    TransactionType,
)
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.read import read_activities

ACTIVITY = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="EUR">
  <iati-identifier>XM-1-A</iati-identifier>
  <other-identifier type="B1" ref="not-ours"/>
  <other-identifier type="A1"/>
  <other-identifier type="A1" ref=" P-7 "/>
  <reporting-org ref="XM-1"><narrative xml:lang="fr">Fonds</narrative></reporting-org>
  <title><narrative xml:lang="fr">Titre</narrative><narrative>Title</narrative></title>
  <description type="2"><narrative>First objective</narrative></description>
  <description><narrative>General
   in two lines</narrative></description>
  <description type="2"><narrative>Second objective</narrative></description>
  <activity-status code=" 3 "/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <activity-date type="3" iso-date="2022-12-31"/>
  <activity-date type="3" iso-date="2023-06-30T00:00:00"/>
  <recipient-region code="298"><narrative>Africa</narrative></recipient-region>
  <recipient-country code="ML"/>
  <sector vocabulary="99" code="T1"/>
  <sector code="15151"><narrative>Elections</narrative></sector>
  <budget type=" 2 " status="2">
   <!-- the value first: the schema's order is not the reader's concern -->
   <value currency="USD" value-date="2020-01-01">1,250.50</value>
   <period-end iso-date="2020-12-31"/>
   <period-start iso-date="2020-01-01"/>
   <period-start iso-date="1999-01-01"/><!-- the first of a repeated part counts -->
  </budget>
  <budget>
   <period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>
   <value> 10 </value>
  </budget>
  <transaction>
   <receiver-org ref="R"><narrative>Receiver</narrative></receiver-org>
   <value currency="USD" value-date="2020-02-01">5</value>
   <flow-type code="10"/>
   <transaction-date iso-date="2020-02-01"/>
   <transaction-type code=" 3 "/>
   <description><narrative xml:lang="es">Desembolso</narrative></description>
  </transaction>
 </iati-activity>
</iati-activities>
"""


def _read(tmp_path: Path, content: str = ACTIVITY) -> ProjectRecord:
    path = tmp_path / "activity.xml"
    path.write_text(content, encoding="utf-8")
    (item,) = read_activities(path)
    return item.record


def test_identity_texts_and_dates(tmp_path: Path):
    record = _read(tmp_path)
    assert (record.number, record.fund.code, record.fund.name) == ("P-7", "XM-1", "Fonds")
    assert record.fund.currency == "EUR"
    assert record.title == "Title"  # English (no xml:lang) preferred over French
    assert record.description == "<p>General</p><p>in two lines</p>"
    assert (record.immediate_objective, record.development_goal) == (
        "<p>First objective</p>",
        "<p>Second objective</p>",
    )
    assert record.status is ProjectStatus.COMPLETED  # a padded code is the code
    assert (record.start_date, record.planned_end_date) == (date(2020, 1, 1), date(2023, 6, 30))


def test_classification_takes_the_first_of_each_kind_in_document_order(tmp_path: Path):
    record = _read(tmp_path)
    assert (record.sector_code, record.sector, record.thematic_group) == (
        "15151",
        "Elections",
        "T1",
    )
    assert (record.recipient_country, record.location) == ("ML", "Africa")


def test_budgets_read_in_any_child_order_with_padded_codes(tmp_path: Path):
    first, second = _read(tmp_path).budgets
    assert (first.type, first.status) == (BudgetType.REVISED, BudgetStatus.COMMITTED)
    assert (first.period_start, first.period_end) == (date(2020, 1, 1), date(2020, 12, 31))
    assert (first.value, first.currency, first.value_date) == (
        Decimal("1250.50"),
        "USD",
        date(2020, 1, 1),
    )
    assert (second.type, second.status) == (BudgetType.ORIGINAL, BudgetStatus.INDICATIVE)
    assert (second.value, second.currency, second.value_date) == (Decimal("10"), "", None)


def test_transactions_read_in_any_child_order(tmp_path: Path):
    (transaction,) = _read(tmp_path).transactions
    assert transaction.type is TransactionType.DISBURSEMENT
    assert (transaction.transaction_date, transaction.value) == (date(2020, 2, 1), Decimal(5))
    assert transaction.description == "Desembolso"  # the only narrative, whatever its language
    assert (transaction.provider_ref, transaction.provider_name) == ("", "")
    assert (transaction.receiver_ref, transaction.receiver_name) == ("R", "Receiver")


@pytest.mark.parametrize(
    ("old", "new", "needle", "where"),
    [
        ('<period-start iso-date="2021-01-01"/>', "", "budget period-start: missing",
         "<budget>\n"),
        ('<period-end iso-date="2020-12-31"/>', '<period-end iso-date="31/12/2020"/>',
         "budget period-end: '31/12/2020' is not a date", "31/12/2020"),
        ("1,250.50", "1,250.50 USD", "budget: '1,250.50 USD' is not an amount", "USD<"),
        ("> 10 <", "> NaN <", "budget: 'NaN' is not an amount", "NaN"),
        ('<budget type=" 2 "', '<budget type="7"', "<budget> @type '7' is not one of 1, 2",
         '<budget type="7"'),
        ('value-date="2020-02-01">5', 'value-date="soon">5', "@value-date 'soon' is not a date",
         "soon"),
        ('<transaction-type code=" 3 "/>', "", "<transaction> has no <transaction-type>",
         "<transaction>"),
        ('<transaction-date iso-date="2020-02-01"/>', "", "transaction-date: missing",
         "<transaction>"),
    ],
)  # fmt: skip
def test_a_fault_gets_its_message_and_the_line_of_its_element(
    tmp_path: Path, old: str, new: str, needle: str, where: str
):
    assert old in ACTIVITY
    garbled = ACTIVITY.replace(old, new, 1)
    line = garbled[: garbled.index(where)].count("\n") + 1
    with pytest.raises(IatiFileError) as caught:
        _read(tmp_path, garbled)
    assert needle in str(caught.value)
    assert f"activity.xml:{line}:" in str(caught.value)
