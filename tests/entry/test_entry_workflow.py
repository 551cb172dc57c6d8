"""The quarter's workflow through HTTP: submit, return with comments, resubmit, approve
(locked for everyone), reopen with a reason, open the next quarter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from entry_support import period_of, url, value_data, value_of

pytestmark = pytest.mark.django_db


def said(response) -> str:
    """The last message the response leaves for the person."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


def test_the_whole_cycle(client, manager, undp, reviewer, admin):
    client.force_login(manager)
    response = client.post(url("period-submit"))
    assert response.status_code == 302
    assert response["Location"] == url("project-entry")
    assert said(response) == "2013Q1 is submitted for review; it is read-only until reviewed."
    assert period_of().state == "submitted"
    page = client.get(url("project-entry")).content.decode()
    assert "2013Q1 was submitted by manager on" in page
    assert 'id="form-v' not in page  # no row can be edited
    assert "Submit 2013Q1" not in page

    client.force_login(reviewer)
    page = client.get(url("project-entry")).content.decode()
    assert "Approve 2013Q1" in page
    assert "Return for changes" in page
    refused = client.post(url("period-return"), {"comment": "  "})
    assert said(refused) == "Not returned: Say what must change before it can be approved."
    assert period_of().state == "submitted"
    client.post(url("period-return"), {"comment": "1.1.9: the split does not add up."})
    assert period_of().state == "returned"

    client.force_login(undp)
    page = client.get(url("project-entry")).content.decode()
    assert "was returned for changes" in page
    assert "1.1.9: the split does not add up." in page
    fixed = client.post(
        url("entry-value", code="1.1.9"), value_data("1.1.9", value="496", male="468", female="28")
    )
    assert fixed.status_code == 302

    client.force_login(manager)
    client.post(url("period-submit"))
    assert period_of().state == "submitted"

    client.force_login(reviewer)
    approved = client.post(url("period-approve"))
    assert said(approved) == "2013Q1 is approved and locked."
    assert period_of().state == "approved"

    client.force_login(undp)
    before = value_of("1.1.9").version
    refused = client.post(url("entry-value", code="1.1.9"), value_data("1.1.9", value="1"))
    assert refused.status_code == 403
    assert "2013Q1 is approved: it cannot be changed unless a fund administrator reopens it" in (
        refused.content.decode()
    )
    assert value_of("1.1.9").version == before
    page = client.get(url("project-entry")).content.decode()
    assert "and is locked" in page
    assert "Only a fund administrator can reopen it." in page
    assert "<input" not in page.split('id="indicators"')[1].split('id="findings-panel"')[0]

    client.force_login(admin)
    no_reason = client.post(url("period-reopen"), {"reason": ""})
    assert said(no_reason) == "Not reopened: A reopened quarter needs a written reason."
    assert period_of().state == "approved"
    client.post(url("period-reopen"), {"reason": "UNOPS corrected its disbursement."})
    assert period_of().state == "open"
    assert "reopened: UNOPS corrected its disbursement." in [
        h.history_change_reason for h in period_of().history.all()
    ]


def test_the_next_quarter_opens_once_the_latest_is_submitted(client, manager):
    client.force_login(manager)
    page = client.get(url("project-entry")).content.decode()
    assert "2013Q2 can be opened once 2013Q1 is submitted." in page
    assert url("period-open-next") not in page
    response = client.post(url("period-open-next"))
    assert response.status_code == 302
    assert said(response) == (
        "Not opened: 2013Q1 is still open: submit it first, so that what is carried forward"
        " is what was reported."
    )
    assert period_of().project.periods.count() == 1


def test_opening_the_next_quarter_carries_cumulative_values_forward(client, manager):
    client.force_login(manager)
    type(period_of()).objects.filter(pk=period_of().pk).update(state="submitted")
    assert url("period-open-next") in client.get(url("project-entry")).content.decode()
    response = client.post(url("period-open-next"))
    assert response.status_code == 302
    assert response["Location"] == url("project-entry", period="2013Q2")
    assert said(response).startswith("2013Q2 is open; ")
    carried = value_of("1.1.9", quarter="2013Q2")
    assert (carried.value, carried.male, carried.female) == (
        Decimal(498),
        Decimal(468),
        Decimal(28),
    )
    page = client.get(response["Location"]).content.decode()
    assert '<option value="2013Q2" selected>' in page
    latest = client.get(url("project-entry-latest"))
    assert latest["Location"] == url("project-entry", period="2013Q2")
    chosen = client.get(url("project-entry-latest") + "?period=2013Q1")
    assert chosen["Location"] == url("project-entry", period="2013Q1")


def test_buttons_are_shown_to_whom_may_use_them(client, manager, undp, viewer, reviewer, admin):
    def page_for(user) -> str:
        client.force_login(user)
        return client.get(url("project-entry")).content.decode()

    assert "Submit 2013Q1 for review" in page_for(manager)
    assert "Open 2013Q2" not in page_for(manager)  # not before 2013Q1 is submitted
    assert "2013Q2 can be opened once 2013Q1 is submitted." in page_for(manager)
    for user in (undp, viewer, reviewer):
        html = page_for(user)
        assert "Submit 2013Q1" not in html
        assert "Open 2013Q2" not in html
        assert "Approve 2013Q1" not in html  # the quarter is open, not submitted
    assert "your role does not enter figures" in page_for(viewer)
    assert "Submit 2013Q1 for review" in page_for(admin)


def test_an_unknown_quarter_or_project_is_not_found(as_user, manager):
    client = as_user(manager)
    assert client.get(url("project-entry", period="2019Q1")).status_code == 404
    assert client.get(url("project-entry", period="soon")).status_code == 404
    assert client.get("/funds/UNDG-ITF/projects/NOPE/entry/").status_code == 404
