"""Fixtures of the reporting tests: the seed-like project of ``reporting_project``."""

from __future__ import annotations

import pytest
from reporting_project import PROJECT, Q1_2013

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord


@pytest.fixture
def project() -> ProjectRecord:
    return PROJECT


@pytest.fixture
def quarter() -> Quarter:
    return Q1_2013
