"""Rules over rolled-up and summed figures: outputs, finance, beneficiaries."""

from decimal import Decimal as D

import pytest
from checks_records import count, milestone, percentage, value

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.checks.beneficiaries import beneficiary_pct_mismatch
from logframe.domain.checks.finance import disbursed_above_committed, finance_pct_mismatch
from logframe.domain.checks.outputs import output_pct_mismatch
from logframe.domain.checks.provenance import NO_SOURCES
from logframe.domain.conventions import Conventions
from logframe.domain.finance import FinanceFigures, FinanceLine, finance_figures
from logframe.domain.findings import Finding, Severity
from logframe.domain.measures import Status
from logframe.domain.records import (
    BeneficiaryRecord,
    IndicatorValueRecord,
    ResultLevel,
    ResultRecord,
)

DEFAULTS = Conventions()

# Output 1.2 of the seed: 0, blank, 0, 100, 63.25, (percentage), 80 → mean of 5 = 48.65
OUTPUT_12 = ResultRecord(
    code="1.2",
    text="IHEC has improved institutional management structures and practices",
    level=ResultLevel.OUTPUT,
    indicators=(
        count("1.2.1", 5),
        milestone("1.2.2"),
        count("1.2.3", 3),
        count("1.2.4", 19),
        count("1.2.5", 400),
        percentage("1.2.6", 80),
        count("1.2.7", 5),
    ),
)
VALUES_12 = {
    v.indicator: v
    for v in (
        value("1.2.1", n=0),
        value("1.2.3", n=0),
        value("1.2.4", n=19),
        value("1.2.5", n=253),
        value("1.2.6", n=96),
        value("1.2.7", n=4),
    )
}
MADE_UP = ResultRecord(
    code="9.1",
    text="A made-up output",
    level=ResultLevel.OUTPUT,
    indicators=(count("9.1.1", 10), milestone("9.1.2")),
)
MADE_UP_VALUES = {
    "9.1.1": value("9.1.1", n=5),
    "9.1.2": value("9.1.2", status=Status.INITIATED, estimate=20),
}


@pytest.mark.parametrize(
    ("result", "values", "reported", "severity", "message"),
    [
        pytest.param(OUTPUT_12, VALUES_12, D(61), Severity.ERROR,
                     "Reported 61 % of planned, computed 48.7 % (the mean of 5 indicators' %),"
                     " which rounds to 49 %.", id="seed-1.2"),
        pytest.param(OUTPUT_12, VALUES_12, D(49), None, None, id="seed-1.2-as-rolled-up"),
        pytest.param(OUTPUT_12, VALUES_12, None, None, None, id="seed-nothing-reported"),
        pytest.param(MADE_UP, MADE_UP_VALUES, D(30), Severity.ERROR,
                     "Reported 30 % of planned, computed 35 % (the mean of 2 indicators' %).",
                     id="made-up"),
        pytest.param(MADE_UP, MADE_UP_VALUES, D(35), None, None, id="made-up-agrees"),
        pytest.param(MADE_UP, {}, D(35), Severity.WARNING,
                     "Reported 35 % of planned, but no % can be computed:"
                     " none of its indicators has a %.", id="made-up-no-values"),
    ],
)  # fmt: skip
def test_output_pct_mismatch(
    result: ResultRecord,
    values: dict[str, IndicatorValueRecord],
    reported: D | None,
    severity: Severity | None,
    message: str | None,
) -> None:
    finding = output_pct_mismatch(
        result=result,
        values=values,
        reported=reported,
        conventions=DEFAULTS,
    )
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.where, finding.severity, finding.message) == (
        "output-pct-mismatch",
        result.code,
        severity,
        message,
    )


def _agency(approved: str, committed: str | None, disbursed: str | None) -> FinanceFigures:
    line = FinanceLine(
        agency="UNDP",
        approved=D(approved),
        committed=None if committed is None else D(committed),
        disbursed=None if disbursed is None else D(disbursed),
    )
    (figures,), _ = finance_figures(lines=[line])
    return figures


SEED_UNDP = _agency("13947279", "5848841.07", "5594796.22")
SEED_UNOPS = _agency("10914712", "6975973.74", "6716550.71")


@pytest.mark.parametrize(
    ("figures", "committed", "disbursed", "expected"),
    [
        pytest.param(SEED_UNDP, D(41), D(40), [(Severity.ERROR,
                     "Committed: reported 41 % of approved, computed 41.9 % (5,848,841.07 of"
                     " 13,947,279.00): truncated, not rounded.")], id="seed-undp"),
        pytest.param(SEED_UNOPS, D(64), D(62), [], id="seed-unops"),
        pytest.param(_agency("1000", "500", "250"), D(50), D(30), [(Severity.ERROR,
                     "Disbursed: reported 30 % of approved, computed 25 % (250.00 of 1,000.00).")],
                     id="made-up-disbursed"),
        pytest.param(_agency("0", "500", None), D(50), None, [(Severity.WARNING,
                     "Committed: reported 50 % of approved, but no % can be computed:"
                     " there is no approved budget.")], id="made-up-no-budget"),
        pytest.param(_agency("1000", "500", "250"), D("50.0"), D(25), [], id="made-up-agrees"),
    ],
)  # fmt: skip
def test_finance_pct_mismatch(
    figures: FinanceFigures,
    committed: D | None,
    disbursed: D | None,
    expected: list[tuple[Severity, str]],
) -> None:
    found = finance_pct_mismatch(
        where="UNDP",
        figures=figures,
        reported_committed=committed,
        reported_disbursed=disbursed,
        sources=NO_SOURCES,
    )
    assert [(f.severity, f.message) for f in found] == expected
    assert all((f.rule, f.where) == ("finance-pct-mismatch", "UNDP") for f in found)


@pytest.mark.parametrize(
    ("committed", "disbursed", "message"),
    [
        pytest.param("6975973.74", "6716550.71", None, id="seed-unops"),
        pytest.param("12824814.81", "12311346.93", None, id="seed-total"),
        pytest.param("1000", "1000.01",
                     "Disbursed 1,000.01 is more than committed 1,000.00:"
                     " funds are committed before they are disbursed.", id="made-up"),
        pytest.param(None, "10", None, id="made-up-nothing-committed-recorded"),
    ],
)  # fmt: skip
def test_disbursed_above_committed(
    committed: str | None, disbursed: str, message: str | None
) -> None:
    finding = disbursed_above_committed(
        where="UNOPS",
        committed=None if committed is None else D(committed),
        disbursed=D(disbursed),
    )
    if message is None:
        assert finding is None
        return
    assert finding == Finding(
        rule="disbursed-above-committed",
        severity=Severity.ERROR,
        where="UNOPS",
        message=message,
        computed=D(committed or 0),
        reported=D(disbursed),
    )


def _group(
    group: BeneficiaryGroup, target: int | None, actual: int | None, reported: int | None
) -> BeneficiaryRecord:
    return BeneficiaryRecord(
        group=group,
        target=None if target is None else D(target),
        actual=None if actual is None else D(actual),
        reported_pct=None if reported is None else D(reported),
    )


@pytest.mark.parametrize(
    ("record", "severity", "message"),
    [
        pytest.param(_group(BeneficiaryGroup.MEN, 1471, 1459, 99), None, None, id="seed-men"),
        pytest.param(_group(BeneficiaryGroup.WOMEN, 368, 253, 69), None, None,
                     id="seed-women-half-up"),
        pytest.param(_group(BeneficiaryGroup.WOMEN, 368, 253, 68), Severity.ERROR,
                     "Women: reported 68 % of planned, computed 68.8 % (253 of 368):"
                     " truncated, not rounded.", id="made-up-women-truncated"),
        pytest.param(_group(BeneficiaryGroup.MEN, 1471, 1459, 98), Severity.ERROR,
                     "Men: reported 98 % of planned, computed 99.2 % (1,459 of 1,471),"
                     " which rounds to 99 %.", id="made-up-men"),
        pytest.param(_group(BeneficiaryGroup.CHILDREN, 100, 150, 100), Severity.ERROR,
                     "Children: reported 100 % of planned, computed 150 % (150 of 100).",
                     id="made-up-not-capped"),
        pytest.param(BeneficiaryRecord(group=BeneficiaryGroup.IDPS, applicable=False,
                                       reported_pct=D(10)), Severity.WARNING,
                     "IDPs: reported 10 % of planned, but no % can be computed:"
                     " the group is marked not applicable.", id="made-up-not-applicable"),
    ],
)  # fmt: skip
def test_beneficiary_pct_mismatch(
    record: BeneficiaryRecord, severity: Severity | None, message: str | None
) -> None:
    finding = beneficiary_pct_mismatch(record=record)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.where, finding.severity, finding.message) == (
        "beneficiary-pct-mismatch",
        "beneficiaries",
        severity,
        message,
    )
