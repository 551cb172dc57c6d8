"""The fund report as JSON: every figure unrounded, as a string (a ``Decimal`` kept exact,
without trailing zeros)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import Any

from logframe.reporting.fund.model import FundReportModel

SCHEMA = "logframe-fund-report/1"


def render_json(model: FundReportModel) -> bytes:
    document = {"schema": SCHEMA, **_plain(dataclasses.asdict(model))}
    document["behind"] = [p.number for p in model.behind]
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):  # the same text whatever the database's scale: "49723982"
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value
