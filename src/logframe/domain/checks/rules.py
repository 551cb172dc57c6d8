"""The ids of the data-quality rules: stable slugs that users, fixtures and files rely on.

Every id is explained in ``docs/checks.md`` (a test makes sure of it).
"""

from __future__ import annotations

# header and dates
DATES = "dates"
# finance
FINANCE_PCT_MISMATCH = "finance-pct-mismatch"
TOTAL_MISMATCH = "total-mismatch"
DISBURSED_ABOVE_COMMITTED = "disbursed-above-committed"
# beneficiaries
BENEFICIARY_PCT_MISMATCH = "beneficiary-pct-mismatch"
# indicators and outputs
SEX_SPLIT = "sex-split"
PCT_MISMATCH = "pct-mismatch"
CAP_UNEVEN = "cap-uneven"
OUTPUT_PCT_MISMATCH = "output-pct-mismatch"
STATUS_PCT = "status-pct"
STATUS_WORD = "status-word"
MISSING_ACTUAL = "missing-actual"
TARGET_TBD = "target-tbd"
MILESTONE_ESTIMATE = "milestone-estimate"
# narrative
NARRATIVE_PARTICIPANTS = "narrative-participants"
NARRATIVE_DATES = "narrative-dates"
NARRATIVE_REPEATED = "narrative-repeated"
# footnotes
FOOTNOTE_EMPTY = "footnote-empty"
FOOTNOTE_MISSING = "footnote-missing"
# the imported file
UNPARSED_CELL = "unparsed-cell"
# the activity register
ACTIVITY_DUPLICATE = "activity-duplicate"
ACTIVITY_PARTICIPANTS = "activity-participants"
ACTIVITY_DATES = "activity-dates"
ACTIVITY_VALUE_MISMATCH = "activity-value-mismatch"

ALL_RULES = (
    DATES,
    FINANCE_PCT_MISMATCH,
    TOTAL_MISMATCH,
    DISBURSED_ABOVE_COMMITTED,
    BENEFICIARY_PCT_MISMATCH,
    SEX_SPLIT,
    PCT_MISMATCH,
    CAP_UNEVEN,
    OUTPUT_PCT_MISMATCH,
    STATUS_PCT,
    STATUS_WORD,
    MISSING_ACTUAL,
    TARGET_TBD,
    MILESTONE_ESTIMATE,
    NARRATIVE_PARTICIPANTS,
    NARRATIVE_DATES,
    NARRATIVE_REPEATED,
    FOOTNOTE_EMPTY,
    FOOTNOTE_MISSING,
    UNPARSED_CELL,
    ACTIVITY_DUPLICATE,
    ACTIVITY_PARTICIPANTS,
    ACTIVITY_DATES,
    ACTIVITY_VALUE_MISMATCH,
)
