"""Data-quality rules: pure checks over a project's records, run on any reporting period.

``check_period`` runs them all; each family of rules has its module (``indicators``,
``milestones``, ``outputs``, ``finance``, ``beneficiaries``, ``dates``, ``narrative``,
``footnotes``, ``cells``), each rule a small pure function. Rule ids are in ``rules``
and explained in ``docs/checks.md``.
"""

from logframe.domain.checks.period import check_period

__all__ = ["check_period"]
