"""Fixtures for the IATI tests: the real samples, the seed as an IATI publisher would
export it, and counts of a file's elements taken with plain lxml (not our reader)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

SAMPLES = Path(__file__).resolve().parent / "samples"  # copies of ../shared/iati/samples
WORLD_BANK = SAMPLES / "real-worldbank-679.xml"
WRI = SAMPLES / "real-wri-521257057-strategic-plan-2023-2027.xml"
OFFICIAL = SAMPLES / "iati-official-activity-example-annotated-2.03.xml"
ALL_SAMPLES = (WORLD_BANK, WRI, OFFICIAL)
TODAY = date(2026, 11, 28)


def counts(path: Path) -> dict[str, int]:
    """How many of each part the file holds, counted by XPath on the whole tree."""
    tree = etree.parse(str(path))
    paths = {
        "activities": "//iati-activity",
        "results": "//iati-activity/result",
        "indicators": "//result/indicator",
        "baselines": "//indicator/baseline",
        "periods": "//indicator/period",
        "targets": "//indicator/period/target",
        "actuals": "//indicator/period/actual",
        "dimensions": "//indicator/period/*/dimension | //indicator/baseline/dimension",
        "budgets": "//iati-activity/budget",
        "transactions": "//iati-activity/transaction",
    }
    return {name: len(tree.xpath(xpath)) for name, xpath in paths.items()}  # type: ignore[arg-type]


def record_counts(records) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The same counts, taken from records."""
    indicators = [i for r in records for res in r.walk_results() for i in res.indicators]
    periods = [p for i in indicators for p in i.published_periods]
    values = [v for p in periods for v in (*p.targets, *p.actuals)]
    return {
        "activities": len(records),
        "results": sum(len(r.walk_results()) for r in records),
        "indicators": len(indicators),
        "baselines": sum(len(i.published_baselines) for i in indicators),
        "periods": len(periods),
        "targets": sum(len(p.targets) for p in periods),
        "actuals": sum(len(p.actuals) for p in periods),
        "dimensions": sum(len(v.dimensions) for v in values)
        + sum(len(b.dimensions) for i in indicators for b in i.published_baselines),
        "budgets": sum(len(r.budgets) for r in records),
        "transactions": sum(len(r.transactions) for r in records),
    }


@pytest.fixture
def export_settings():  # type: ignore[no-untyped-def]
    from logframe.interchange.iati.export import ExportSettings

    return ExportSettings(
        reporting_org_ref="XM-DAC-41114",
        reporting_org_name="United Nations Development Programme",
        country="IQ",
        public_url="https://logframe.example.org",
        today=TODAY,
        generated=datetime(2026, 11, 28, 1, 0),
    )


@pytest.fixture
def seed_record(example_record):  # type: ignore[no-untyped-def]
    """The seed project with its DAC code (elections, 15151) as a fund would set it."""
    return replace(example_record, sector_code="15151")
