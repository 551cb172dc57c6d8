"""The direct beneficiaries table.

The header row names the columns: the first holds the group (``Men (Target: 1,471)``), then
"Number of Beneficiaries" (the actual), "% of planned" (the reported %) and, if the report has
one, "Target". A target may also stand in the group's label (``Target: 1,471``). Groups: men,
women, children, IDPs, others, indirect beneficiaries, employment generation — matched by
their first words. ``n/a`` means not applicable; a text where a number should be (indirect
beneficiaries, employment) is the group's note, and the group is not applicable when its %
is n/a or blank and no number is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.records import BeneficiaryRecord
from logframe.interchange.legacy.blocks import Block, Row
from logframe.interchange.legacy.numbers import (
    NUMBER,
    is_not_applicable,
    parse_number,
    parse_percent,
)
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, label_key

_GROUPS = (
    (BeneficiaryGroup.MEN, ("men", "males?", "man")),
    (BeneficiaryGroup.WOMEN, ("women", "females?", "woman")),
    (BeneficiaryGroup.CHILDREN, ("children", "child", "boys and girls")),
    (BeneficiaryGroup.IDPS, ("idps?", "internally displaced")),
    (BeneficiaryGroup.OTHERS, ("others?",)),
    (BeneficiaryGroup.INDIRECT, ("indirect",)),
    (BeneficiaryGroup.EMPLOYMENT, ("employment",)),
)
_TARGET_IN_LABEL = re.compile(rf"target\s*[:=]?\s*({NUMBER})", re.IGNORECASE)


@dataclass(frozen=True)
class _Columns:
    actual: int = 1
    pct: int = 2
    target: int | None = None


def _group(label: str) -> BeneficiaryGroup | None:
    key = label_key(label)
    for group, words in _GROUPS:
        if any(re.match(rf"{word}\b", key) for word in words):
            return group
    return None


def _columns(header: Row) -> _Columns:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header.cells[1:], start=1):
        key = label_key(cell.text)
        if "%" in key or "percent" in key:
            roles.setdefault("pct", index)
        elif "target" in key or "planned" in key:
            roles.setdefault("target", index)
        elif key:
            roles.setdefault("actual", index)
    return _Columns(roles.get("actual", 1), roles.get("pct", 2), roles.get("target"))


def _record(
    row: Row, group: BeneficiaryGroup, columns: _Columns, log: SourceLog
) -> BeneficiaryRecord:
    name = group.value
    actual_cell, pct_cell = row.cell(columns.actual), row.cell(columns.pct)
    label_target = _TARGET_IN_LABEL.search(row.label)
    target_cell = row.cell(columns.target) if columns.target is not None else None
    target = parse_number(label_target[1]) if label_target else None
    log.keep(row.cell(0), where="beneficiaries", field=f"{name}_target" if label_target else name)
    if target_cell is not None and target_cell.text.strip():
        target = parse_number(target_cell.text)
        log.keep(
            target_cell,
            where="beneficiaries",
            field=f"{name}_target",
            understood=target is not None,
        )
    actual = parse_number(actual_cell.text)
    not_applicable = is_not_applicable(actual_cell.text)
    note = "" if actual is not None or not_applicable else collapse(actual_cell.text)
    pct = parse_percent(pct_cell.text, sign_required=False)
    pct_blank = not pct_cell.text.strip() or is_not_applicable(pct_cell.text)
    field_name = f"{name}_note" if note else f"{name}_actual"
    log.keep(actual_cell, where="beneficiaries", field=field_name)
    log.keep(
        pct_cell,
        where="beneficiaries",
        field=f"{name}_pct",
        understood=pct is not None or pct_blank,
    )
    applicable = not (actual is None and (not_applicable or (note and pct_blank)))
    return BeneficiaryRecord(
        group=group,
        target=target,
        actual=actual,
        applicable=applicable,
        note=note,
        reported_pct=pct,
    )


def read_beneficiaries(blocks: list[Block], log: SourceLog) -> list[BeneficiaryRecord]:
    """One record per group, in the table's order (a group's second row is kept unread)."""
    columns = _columns(blocks[0]) if blocks and isinstance(blocks[0], Row) else _Columns()
    records: dict[BeneficiaryGroup, BeneficiaryRecord] = {}
    for block in blocks[1:]:
        group = _group(block.label) if isinstance(block, Row) else None
        if group is None or group in records or not isinstance(block, Row):
            log.unread_block(block, where="beneficiaries")
            continue
        records[group] = _record(block, group, columns, log)
    return list(records.values())
