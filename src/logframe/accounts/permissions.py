"""The permissions, as ``rules`` predicates, so templates and views can ask ``has_perm``.

Each delegates to :mod:`logframe.accounts.access`; the object is the project.
"""

from __future__ import annotations

from typing import Any

import rules

from logframe.accounts.access import project_access


def _access(attribute: str) -> Any:
    def check(user: Any, project: Any) -> bool:
        if project is None:
            return False
        return bool(getattr(project_access(user=user, project=project), attribute))

    check.__name__ = f"project_{attribute}"
    return rules.predicate(check)


rules.add_perm("portfolio.view_project", _access("can_view"))
rules.add_perm("portfolio.enter_project", _access("can_edit_anything"))
rules.add_perm("portfolio.submit_project", _access("is_manager"))
rules.add_perm("portfolio.review_project", _access("can_review"))
rules.add_perm("portfolio.reopen_project", _access("is_admin"))
