"""Migration 0008 carries its triggers frozen; the module that writes them must still agree,
or its change needs a migration of its own."""

from __future__ import annotations

import pytest

from logframe.portfolio.fund_counts import trigger_sql
from logframe.portfolio.migrations._triggers_0008 import TRIGGERS


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_the_frozen_triggers_are_those_the_module_writes(vendor: str) -> None:
    create, drop = trigger_sql(vendor)
    assert TRIGGERS[vendor] == (tuple(create), tuple(drop)), (
        "portfolio.fund_counts.trigger_sql changed: add a migration that drops the old "
        "triggers and creates the new ones"
    )


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_the_register_triggers_of_0010_are_those_the_module_writes(vendor: str) -> None:
    from logframe.portfolio.fund_counts import REGISTER_TRACKED
    from logframe.portfolio.migrations._triggers_0010 import TRIGGERS as TRIGGERS_0010

    create, drop = trigger_sql(vendor, REGISTER_TRACKED)
    assert TRIGGERS_0010[vendor] == (tuple(create), tuple(drop)), (
        "the register's triggers changed: add a migration that drops 0010's and creates them"
    )
