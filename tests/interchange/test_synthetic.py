"""The synthetic fund: deterministic, shaped like the seed, with the slips the rules find."""

from __future__ import annotations

from collections import Counter

import pytest

from logframe.domain.checks import check_period
from logframe.domain.measures import Measure, TargetKind
from logframe.domain.records import Disaggregation, ResultLevel
from logframe.interchange.projectfile.read import parse_project_document
from logframe.interchange.projectfile.write import project_document
from logframe.interchange.synthetic import synthetic_projects


def _fund(**kwargs):
    arguments = {"fund": "SYN", "projects": 20, "quarters": 3, "seed": 7} | kwargs
    return list(synthetic_projects(**arguments))


def test_the_same_arguments_give_the_same_fund():
    assert _fund() == _fund()
    assert _fund(seed=8) != _fund()
    assert [p.number for p in _fund(projects=3)] == ["S00001", "S00002", "S00003"]
    assert _fund(projects=5) == _fund()[:5]  # a bigger fund starts with the smaller one


def test_projects_are_shaped_like_the_seed():
    measures, targets, splits = Counter(), Counter(), Counter()
    for project in _fund():
        assert 1 <= len(project.participations) <= 3
        groups = [r for r in project.results if r.level == ResultLevel.JP_OUTPUT]
        outputs = [r for r in project.walk_results() if r.level == ResultLevel.OUTPUT]
        assert 2 <= len(groups) <= 4
        assert 3 <= len(outputs) <= 8
        for output in outputs:
            assert 5 <= len(output.indicators) <= 15
            for indicator in output.indicators:
                measures[indicator.measure] += 1
                targets[indicator.target.kind] += 1
                splits[indicator.disaggregation] += 1
        assert [p.quarter.code for p in project.periods] == ["2012Q1", "2012Q2", "2012Q3"]
        assert {f.organisation for f in project.periods[0].finance} == {
            p.organisation for p in project.participations
        }
        assert project.planned_end_date > project.periods[-1].quarter.end
    assert {Measure.COUNT, Measure.PERCENTAGE, Measure.MILESTONE} <= set(measures)
    assert {TargetKind.NUMBER, TargetKind.MILESTONE, TargetKind.TBD} <= set(targets)
    assert splits[Disaggregation.SEX] > 0


def test_values_grow_and_some_slips_are_found():
    rules = Counter()
    for project in _fund():
        first, last = project.periods[0], project.periods[-1]
        for period in project.periods:
            rules.update(f.rule for f in check_period(project=project, quarter=period.quarter))
        before = {v.indicator: v.actual.value for v in first.values}
        for value in last.values:
            if value.actual.value is not None and before.get(value.indicator) is not None:
                assert value.actual.value >= before[value.indicator]
    assert {"sex-split", "pct-mismatch", "missing-actual"} <= set(rules)


def test_a_synthetic_project_is_a_valid_project_file():
    project = _fund(projects=1)[0]
    assert parse_project_document(project_document(project), source="synthetic") == project


@pytest.mark.parametrize("arguments", [{"projects": -1}, {"quarters": -2}])
def test_negative_sizes_are_refused(arguments):
    with pytest.raises(ValueError, match="cannot be negative"):
        _fund(**arguments)
