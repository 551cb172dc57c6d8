"""What the page-cache tests share: a fund-wide viewer's client."""

from __future__ import annotations

import pytest


@pytest.fixture
def viewer(client, make_member, loaded_project):  # type: ignore[no-untyped-def]
    client.force_login(make_member("viewer", "viewer", loaded_project, fund_wide=True))
    client.get("/preferences/")  # the CSRF cookie a browser holds after its first page
    return client
