"""Direct beneficiaries' % of planned, pinned by the seed report."""

from decimal import Decimal as D

import pytest

from logframe.domain.beneficiaries import BeneficiaryGroup, beneficiary_percent
from logframe.domain.percentages import agrees, round_half_up


@pytest.mark.parametrize(
    ("group", "target", "actual", "shown", "reported"),
    [
        (BeneficiaryGroup.MEN, D(1471), D(1459), D(99), D(99)),
        (BeneficiaryGroup.WOMEN, D(368), D(253), D(69), D(69)),  # 68.75 rounds half-up
    ],
)
def test_beneficiary_percent_reproduces_the_seed(
    group: BeneficiaryGroup, target: D, actual: D, shown: D, reported: D
) -> None:
    computed = beneficiary_percent(target=target, actual=actual)
    assert computed is not None
    assert round_half_up(value=computed, places=0) == shown  # beneficiary_decimals = 0
    assert agrees(computed=computed, reported=reported)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        pytest.param(D(100), D(150), D(150), id="over-achievement-is-not-capped"),
        pytest.param(None, None, None, id="children-n/a"),
        pytest.param(D(100), None, None, id="no-actual"),
        pytest.param(None, D(5), None, id="no-target"),
        pytest.param(D(0), D(5), None, id="zero-target"),
    ],
)
def test_beneficiary_percent_rules(target: D | None, actual: D | None, expected: D | None) -> None:
    assert beneficiary_percent(target=target, actual=actual) == expected
