"""Every write to the portfolio goes through a function here: checked, audited, one transaction."""

from logframe.portfolio.services.changes import Changes
from logframe.portfolio.services.project_import import project_import

__all__ = ["Changes", "project_import"]
