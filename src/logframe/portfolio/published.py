"""An indicator's IATI baselines and result periods, as stored in ``Indicator.published``.

They are kept as published (values as text, any dimensions), in one JSON document per
indicator: ``{"baselines": [...], "periods": [...]}``; an indicator with neither stores ``{}``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from logframe.domain.records import (
    IndicatorRecord,
    PublishedBaseline,
    PublishedPeriod,
    PublishedValue,
)


def published_document(indicator: IndicatorRecord) -> dict[str, Any]:
    """The JSON document of what ``indicator`` published; ``{}`` when nothing."""
    document: dict[str, Any] = {}
    if indicator.published_baselines:
        document["baselines"] = [_baseline(b) for b in indicator.published_baselines]
    if indicator.published_periods:
        document["periods"] = [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "targets": [_value(v) for v in p.targets],
                "actuals": [_value(v) for v in p.actuals],
            }
            for p in indicator.published_periods
        ]
    return document


def published_records(
    document: dict[str, Any],
) -> tuple[tuple[PublishedBaseline, ...], tuple[PublishedPeriod, ...]]:
    """The baselines and periods of a stored document."""
    baselines = tuple(
        PublishedBaseline(
            year=b["year"],
            iso_date=date.fromisoformat(b["iso_date"]) if b.get("iso_date") else None,
            value=b.get("value", ""),
            dimensions=_dimensions(b),
            comment=b.get("comment", ""),
        )
        for b in document.get("baselines", ())
    )
    periods = tuple(
        PublishedPeriod(
            start=date.fromisoformat(p["start"]),
            end=date.fromisoformat(p["end"]),
            targets=tuple(_value_record(v) for v in p["targets"]),
            actuals=tuple(_value_record(v) for v in p["actuals"]),
        )
        for p in document.get("periods", ())
    )
    return baselines, periods


def _baseline(b: PublishedBaseline) -> dict[str, Any]:
    return {
        "year": b.year,
        "iso_date": b.iso_date.isoformat() if b.iso_date else "",
        "value": b.value,
        "dimensions": [list(d) for d in b.dimensions],
        "comment": b.comment,
    }


def _value(v: PublishedValue) -> dict[str, Any]:
    return {"value": v.value, "dimensions": [list(d) for d in v.dimensions], "comment": v.comment}


def _value_record(v: dict[str, Any]) -> PublishedValue:
    return PublishedValue(value=v["value"], dimensions=_dimensions(v), comment=v["comment"])


def _dimensions(item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(value)) for name, value in item.get("dimensions", ()))
