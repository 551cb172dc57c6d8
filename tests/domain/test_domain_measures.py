"""Status words and effective actuals, as the seed report writes them."""

from decimal import Decimal as D

import pytest

from logframe.domain.measures import (
    Actual,
    Measure,
    Part,
    Status,
    effective_actual,
    parse_status,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not yet initiated", Status.NOT_YET_INITIATED),
        ("  not   YET initiated ", Status.NOT_YET_INITIATED),
        ("Not-yet-initiated.", Status.NOT_YET_INITIATED),
        ("not_yet_initiated", Status.NOT_YET_INITIATED),
        ("Initiated", Status.INITIATED),
        ("INITIATED", Status.INITIATED),
        ("Partially", Status.PARTIALLY),
        ("Part", Status.PARTIALLY),
        ("Partial", Status.PARTIALLY),
        ("Completed", Status.COMPLETED),
        ("Complete", Status.COMPLETED),
        ("Yes", Status.COMPLETED),
        ("yes", Status.COMPLETED),
        ("Done", Status.COMPLETED),
    ],
)
def test_parse_status_reads_the_seeds_words(text: str, expected: Status) -> None:
    assert parse_status(text) is expected


@pytest.mark.parametrize("text", ["", "  ", "No", "Ongoing", "n/a", "Initiated 8%", "yesterday"])
def test_parse_status_never_guesses(text: str) -> None:
    assert parse_status(text) is None


@pytest.mark.parametrize(
    ("actual", "measure", "expected"),
    [
        pytest.param(Actual(value=D(498), male=D(468), female=D(28)), Measure.COUNT, D(498),
                     id="value-wins-over-split"),
        pytest.param(Actual(male=D(468), female=D(28)), Measure.COUNT, D(496),
                     id="male-plus-female"),
        pytest.param(Actual(male=D(468)), Measure.COUNT, None, id="male-only-is-not-a-total"),
        pytest.param(Actual(parts=(Part("Test 1", D(95)), Part("Test 2", D(98)))),
                     Measure.PERCENTAGE, D("96.5"), id="percentage-parts-mean"),
        pytest.param(Actual(parts=(Part("Baghdad", D(7)), Part("Erbil", D(6)))),
                     Measure.COUNT, D(13), id="count-parts-sum"),
        pytest.param(Actual(value=D(93), parts=(Part("Test 1", D(95)),)), Measure.PERCENTAGE,
                     D(93), id="value-wins-over-parts"),
        pytest.param(Actual(), Measure.COUNT, None, id="blank"),
        pytest.param(Actual(status=Status.INITIATED), Measure.MILESTONE, None, id="status-only"),
    ],
)  # fmt: skip
def test_effective_actual(actual: Actual, measure: Measure, expected: D | None) -> None:
    assert effective_actual(actual=actual, measure=measure) == expected
