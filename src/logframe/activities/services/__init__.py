"""The register's writes: one function per change, each in one transaction, audited.

``entry``: add, edit, confirm or reject an activity, attach a file; ``computed``: bind an
indicator to a rule, write the values the register gives, override one with a reason;
``proposals``: the activities a legacy report's narrative tells of, proposed.
"""

from logframe.activities.services.computed import (
    COMPUTED,
    computed_values_write,
    override_clear,
    override_set,
    rule_bind,
    rule_unbind,
)
from logframe.activities.services.entry import (
    ActivityInput,
    activity_create,
    activity_decide,
    activity_update,
    attachment_add,
)
from logframe.activities.services.proposals import activities_propose

__all__ = [
    "COMPUTED",
    "ActivityInput",
    "activities_propose",
    "activity_create",
    "activity_decide",
    "activity_update",
    "attachment_add",
    "computed_values_write",
    "override_clear",
    "override_set",
    "rule_bind",
    "rule_unbind",
]
