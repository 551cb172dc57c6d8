"""A fund's conventions: defaults, immutability."""

from decimal import Decimal as D

import pytest

from logframe.domain.conventions import Conventions, RollupRule
from logframe.domain.measures import Status


def test_defaults_are_the_seeds_conventions() -> None:
    conventions = Conventions()
    assert (conventions.indicator_decimals, conventions.finance_decimals) == (0, 1)
    assert conventions.beneficiary_decimals == 0
    assert conventions.cap_at_100 is True
    assert conventions.rollup is RollupRule.MEAN
    assert conventions.score_percentage_indicators is False
    assert dict(conventions.status_pct) == {
        Status.NOT_YET_INITIATED: None,
        Status.INITIATED: None,
        Status.PARTIALLY: None,
        Status.COMPLETED: D(100),
    }


def test_conventions_are_hashable_and_compare_by_value() -> None:
    assert hash(Conventions()) == hash(Conventions())
    assert Conventions() == Conventions()
    assert Conventions(status_pct={Status.COMPLETED: D(90)}) != Conventions()


def test_status_scale_cannot_be_changed_after_creation() -> None:
    given = {Status.COMPLETED: D(100), Status.INITIATED: D(10)}
    conventions = Conventions(status_pct=given)
    given[Status.INITIATED] = D(50)
    assert conventions.status_pct[Status.INITIATED] == D(10)
    with pytest.raises(TypeError):
        conventions.status_pct[Status.PARTIALLY] = D(50)  # type: ignore[index]


def test_a_status_left_out_has_no_default() -> None:
    conventions = Conventions(status_pct={Status.COMPLETED: D(100)})
    assert conventions.status_pct[Status.PARTIALLY] is None


@pytest.mark.parametrize("name", ["indicator_decimals", "finance_decimals", "beneficiary_decimals"])
def test_negative_decimals_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        Conventions(**{name: -1})  # type: ignore[arg-type]
