"""Direct beneficiaries: groups and % of planned."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from logframe.domain.percentages import ratio_percent


class BeneficiaryGroup(StrEnum):
    """The beneficiary groups a progress report lists."""

    MEN = "men"
    WOMEN = "women"
    CHILDREN = "children"
    IDPS = "idps"
    OTHERS = "others"
    INDIRECT = "indirect"
    EMPLOYMENT = "employment"


# the groups as the fund's report template names them (one wording for every screen)
GROUP_LABELS: dict[BeneficiaryGroup, str] = {
    BeneficiaryGroup.MEN: "Men",
    BeneficiaryGroup.WOMEN: "Women",
    BeneficiaryGroup.CHILDREN: "Children",
    BeneficiaryGroup.IDPS: "IDPs",
    BeneficiaryGroup.OTHERS: "Others",
    BeneficiaryGroup.INDIRECT: "Indirect beneficiaries",
    BeneficiaryGroup.EMPLOYMENT: "Employment generation (men/women)",
}


def beneficiary_percent(*, target: Decimal | None, actual: Decimal | None) -> Decimal | None:
    """Actual beneficiaries as a % of the target, unrounded and NOT capped.

    Reaching more people than planned is shown as it is (over 100 %). None when either
    figure is missing ("n/a") or the target is 0. Men: 1,459 of 1,471 → 99.18 %.
    """
    if target is None or actual is None:
        return None
    return ratio_percent(part=actual, whole=target)
