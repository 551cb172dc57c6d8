"""The dashboards through Django's test client: who sees what, the seed's figures, sorting,
filtering, paging, and what each page costs in queries."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logframe.domain.finance import elapsed_percent
from logframe.domain.formatting import format_percent

pytestmark = pytest.mark.django_db

FUND_URL = "/funds/UNDG-ITF/"
OVERVIEW_URL = "/funds/UNDG-ITF/projects/G11-23/"
# the seed: 18 Oct 2010 to 17 Oct 2013, its only quarter 2013Q1
ELAPSED = elapsed_percent(start=date(2010, 10, 18), end=date(2013, 10, 17), on=date(2013, 3, 31))
# the overview's cost for a project manager: session and user (2), the project and the
# memberships (2), the quarters with who submitted and approved them (1), the project as
# records (18, budgets, transactions and content translations included); the fund page's:
# session and user (2), the fund and the memberships (2), the page cache's versions (1), the
# filters' choices (2), the count and totals (1), the page's rows (1), its records (19) and
# its findings' counts (``fund_counts.finding_counts``: two or three once counted, about
# twenty more for the quarters counted for the first time): at most
OVERVIEW_QUERIES = 23
FUND_QUERIES = 60


def _import(record, **changes):
    from logframe.portfolio.services import project_import

    return project_import(record=replace(record, **changes), actor=None, reason="test").project


def _page(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def _css(selector: str) -> str:
    """A small CSS subset as XPath (lxml's cssselect is not installed): descendant steps of
    ``tag``, ``#id``, ``.class`` and ``[attr]`` or ``[attr=value]``."""
    steps = []
    for step in selector.split():
        tag = re.match(r"[a-z0-9*]*", step)[0] or "*"  # type: ignore[index]
        tests = []
        for kind, name, value in re.findall(r"([#.\[])([\w-]+)(?:=([\w-]+))?\]?", step):
            if kind == "#":
                tests.append(f"@id='{name}'")
            elif kind == ".":
                tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
            else:
                tests.append(f"@{name}='{value}'" if value else f"@{name}")
        steps.append(tag + "".join(f"[{t}]" for t in tests))
    return "//" + "//".join(steps)


def _all(page, selector: str) -> list[lxml.html.HtmlElement]:
    return page.xpath(_css(selector))


def _texts(page, selector: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in _all(page, selector)]


def _numbers(page) -> list[str]:
    return _texts(page, "#projects tbody tr td.project-cell a")


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.fixture
def signed_in(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def viewer_client(client, make_member, loaded_project):
    client.force_login(make_member("viewer", "viewer", loaded_project, fund_wide=True))
    return client


# who sees what


def test_a_stranger_gets_404_for_the_fund_and_the_project(
    client, loaded_project, django_user_model
):
    client.force_login(django_user_model.objects.create_user("nobody", password="pw-long-enough"))
    assert client.get(FUND_URL).status_code == 404
    assert client.get(OVERVIEW_URL).status_code == 404


@pytest.mark.parametrize("url", [FUND_URL, OVERVIEW_URL])
def test_dashboards_ask_for_a_login(client, loaded_project, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_focal_point_sees_only_their_project(client, example_record, make_member):
    mine = _import(example_record)
    _import(example_record, number="G99-1")
    client.force_login(make_member("undp", "focal_point", mine, "UNDP"))
    page = _page(client.get(FUND_URL))
    assert _numbers(page) == ["G11-23"]
    assert "G99-1" not in lxml.html.tostring(page).decode()
    assert client.get(OVERVIEW_URL).status_code == 200
    assert client.get("/funds/UNDG-ITF/projects/G99-1/").status_code == 404


def test_a_fund_wide_viewer_sees_every_project(viewer_client, example_record):
    _import(example_record, number="G99-1")
    assert _numbers(_page(viewer_client.get(FUND_URL))) == ["G11-23", "G99-1"]


def test_home_lists_the_funds_when_there_are_several(client, example_record, django_user_model):
    _import(example_record)
    other = replace(example_record.fund, code="OTHER-TF", name="Another trust fund")
    _import(example_record, fund=other)
    client.force_login(django_user_model.objects.create_superuser("root", "r@x.org", "pw-long"))
    page = _page(client.get("/"))
    assert _texts(page, "table.grid tbody td a") == ["OTHER-TF", "UNDG-ITF"]


# the project overview on the seed


def test_overview_shows_the_seed_figures(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    tiles = dict(zip(_texts(page, ".tile-label"), _texts(page, ".tile-value"), strict=True))
    assert tiles["Committed"] == "51.6 %"
    assert tiles["Disbursed"] == "49.5 %"
    assert tiles["Time elapsed"] == format_percent(ELAPSED, 1) == "81.8 %"
    assert tiles["Outputs"] == "65 %"  # the mean of the six outputs' %
    assert tiles["Findings"] == "5 errors"
    total = _texts(page, "#finance-table tr.total td")
    assert total == ["24,861,991.00", "51.6 %", "49.5 %"]
    assert "81.8 %" in _texts(page, "#finance-table tfoot td")[0]


def test_overview_chart_data_matches_the_table(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    data = json.loads(page.get_element_by_id("chart-data").text_content())
    assert data["labels"] == ["All agencies", "UNDP", "UNOPS"]
    assert data["committed"][0] == 51.6
    assert data["disbursed"][0] == 49.5
    assert data["elapsed"] == float(round(ELAPSED, 1))
    assert page.get_element_by_id("finance-chart").tag == "canvas"
    scripts = _all(page, "script")
    assert all(s.get("src") or s.get("type") == "application/json" for s in scripts)


def test_overview_progress_bars_per_output(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    bars = {
        bar.get("aria-label").split(":")[0]: bar.get("value")
        for bar in _all(page, ".outputs progress")
    }
    assert len(bars) == 6  # the six outputs; the three JP outputs are headings
    assert bars["Output 1.1"] == "56.3"
    outputs = dict(
        zip(_texts(page, ".output .output-label"), _texts(page, ".output .output-pct"), strict=True)
    )
    assert outputs["Output 1.1"] == "56 %"  # agrees with the report's claim: shown alone
    assert outputs["Output 1.2"] == "49 % reported 61 %"  # disagrees: both shown
    assert outputs["Output 3.1"] == "59 % reported 63 %"


def test_overview_counts_indicators_by_status(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    counts = dict(
        zip(_texts(page, ".band .band-label"), map(int, _texts(page, ".band-count")), strict=True)
    )
    # 51 indicators against 81.75 % of the time elapsed: only 2.2.2 (85 %) is on track;
    # not started: 1.2.1 and 1.2.3 at 0 %, and three milestones not yet initiated
    assert counts == {
        "Achieved": 16,
        "On track": 1,
        "Behind": 19,
        "Not started": 5,
        "No % / tbd": 10,
    }
    rules = _texts(page, ".band-rule")
    assert "81.8 %" in rules[1]


def test_overview_summarises_the_findings(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    assert _texts(page, ".severity-counts li") == ["5 errors", "8 warnings", "6 notes"]
    top = _texts(page, ".top-findings li")
    assert len(top) == 5
    assert all(t.startswith("error") for t in top)
    link = _all(page, ".findings-card a")[-1]
    assert link.get("href") == "/funds/UNDG-ITF/projects/G11-23/report/?period=2013Q1#findings"
    assert "All 19 findings" in link.text_content()


def test_overview_shows_the_quarter_state_and_due_date(signed_in):
    page = _page(signed_in.get(OVERVIEW_URL))
    assert _texts(page, ".quarter-panel h2 .state") == ["open"]
    assert _texts(page, ".due-date") == ["30 April 2013"]  # 31 March + 30 days
    days = (date.today() - date(2013, 4, 30)).days
    assert _texts(page, ".quarter-due .due") == [f"late by {days:,} days"]
    assert _all(page, "select#period option[selected]")[0].get("value") == "2013Q1"


def test_overview_of_a_returned_quarter_says_who_and_why(
    client, loaded_project, manager, make_member
):
    from logframe.workflow.transitions import period_return, period_submit

    reviewer = make_member("reviewer", "reviewer", loaded_project, fund_wide=True)
    reviewer.first_name, reviewer.last_name = "Rita", "Reviewer"
    reviewer.save()
    period = loaded_project.periods.get()
    period_submit(period=period, actor=manager)
    client.force_login(manager)
    page = _page(client.get(OVERVIEW_URL))
    assert _texts(page, ".quarter-panel h2 .state") == ["submitted"]
    assert _texts(page, ".who li")[0].startswith("Submitted by manager on ")
    due = _texts(page, ".quarter-due .due")[0]
    assert due.startswith("submitted ")
    assert due.endswith(" days late")  # submitted today, years after 30 April 2013
    period_return(period=period, actor=reviewer, comment="Output 1.2: 61 % does not add up.")
    page = _page(client.get(OVERVIEW_URL))
    assert _texts(page, ".quarter-panel h2 .state") == ["returned"]
    assert "Output 1.2: 61 % does not add up." in _texts(page, ".review-comment")[0]


def test_overview_unknown_quarters_are_404(signed_in):
    assert signed_in.get(OVERVIEW_URL + "?period=2019Q1").status_code == 404
    assert signed_in.get(OVERVIEW_URL + "?period=soon").status_code == 404


def test_overview_of_a_project_without_quarters_is_a_friendly_empty_state(
    client, example_record, make_member
):
    empty = _import(example_record, number="G00-1", periods=())
    client.force_login(make_member("m0", "project_manager", empty, "UNDP"))
    page = _page(client.get("/funds/UNDG-ITF/projects/G00-1/"))
    assert _texts(page, ".empty-state h2") == ["No quarter reported yet"]
    assert not _all(page, "canvas") + _all(page, "script[src]")
    assert "UNDP" in _texts(page, ".facts dd")[0]
    assert _texts(page, "nav.tabs a[aria-current=page]") == ["Overview"]


def test_overview_costs_a_fixed_number_of_queries(signed_in):
    with CaptureQueriesContext(connection) as queries:
        signed_in.get(OVERVIEW_URL)
    assert len(queries) == OVERVIEW_QUERIES


# the fund page


def test_fund_page_shows_each_projects_key_figures(signed_in):
    page = _page(signed_in.get(FUND_URL))
    cells = _texts(page, "#projects tbody tr td")
    headers = [h.split("⇅")[0].strip("▲▼ ") for h in _texts(page, "#projects thead th")]
    row = dict(zip(headers, cells, strict=True))
    assert row["Project"].startswith("G11-23 Institutional Development Support")
    assert row["Lead"] == "UNDP 2 agencies"
    assert row["Budget"] == "24,861,991.00"
    assert row["Committed"] == "51.6 %"
    assert row["Disbursed"] == "49.5 %"
    assert row["Time elapsed"] == "81.8 %"
    assert row["Outputs"] == "65 %"  # the mean of 56.3, 48.7, 70, 77.1, 76.3 and 58.7
    assert row["Findings"] == "5 / 8"
    assert row["Quarter"] == "2013Q1"
    assert row["State"] == "open"
    assert row["Report due"].startswith("late by ")


def _three_projects(example_record):
    """G11-23 (the seed), G99-1 (Health, committed lower) and G99-2 (submitted)."""
    from logframe.portfolio import models as m

    seed = _import(example_record)
    low = _import(example_record, number="G99-1", sector="Health")
    _import(example_record, number="G99-2", title="Water for the south")
    m.FinancialStatus.objects.filter(period__project=low).update(committed=Decimal(1000))
    m.ReportingPeriod.objects.filter(project__number="G99-2").update(state="submitted")
    return seed


def test_each_project_shows_its_own_sums(viewer_client, example_record):
    # selectors.fund_project_rows gives every project the first one's sums (the default
    # ordering of its subquery hides the outer project); the dashboards' rows do not
    _three_projects(example_record)
    page = _page(viewer_client.get(FUND_URL))
    committed = [td.text_content() for td in page.xpath("//table[@id='projects']/tbody/tr/td[4]")]
    assert committed == ["51.6 %", "0.0 %", "51.6 %"]


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("", ["G11-23", "G99-1", "G99-2"]),
        ("?sort=-project", ["G99-2", "G99-1", "G11-23"]),
        ("?sort=committed", ["G99-1", "G11-23", "G99-2"]),  # ties by number
        ("?sort=-committed", ["G11-23", "G99-2", "G99-1"]),
        ("?sort=state", ["G11-23", "G99-1", "G99-2"]),  # open before submitted
        ("?sort=-state", ["G99-2", "G11-23", "G99-1"]),
        ("?sort=nonsense", ["G11-23", "G99-1", "G99-2"]),
        ("?state=submitted", ["G99-2"]),
        ("?state=open&sort=-project", ["G99-1", "G11-23"]),
        ("?state=none", []),
        ("?sector=Health", ["G99-1"]),
        ("?sector=Unknown", ["G11-23", "G99-1", "G99-2"]),  # not on offer: left out
        ("?lead=UNDP", ["G11-23", "G99-1", "G99-2"]),
        ("?q=water", ["G99-2"]),
        ("?q=g99&sort=-committed", ["G99-2", "G99-1"]),
    ],
)
def test_fund_page_sorts_and_filters(viewer_client, example_record, query, numbers):
    _three_projects(example_record)
    assert _numbers(_page(viewer_client.get(FUND_URL + query))) == numbers


def test_sort_headers_link_to_the_other_direction_and_keep_the_filters(
    viewer_client, example_record
):
    _three_projects(example_record)
    page = _page(viewer_client.get(FUND_URL + "?sort=committed&q=g&page=1"))
    committed = _all(page, "#projects thead th[aria-sort]")
    assert [th.get("aria-sort") for th in committed] == ["ascending"]
    links = {a.text_content().strip("▲▼⇅ "): a.get("href") for a in _all(page, "th a.sort")}
    assert links["Committed"] == "?q=g&sort=-committed"  # the page is dropped
    assert links["Budget"] == "?q=g&sort=budget"
    assert set(links) == {"Project", "Lead", "Budget", "Committed", "Disbursed", "Time elapsed",
                          "Quarter", "State", "Report due"}  # fmt: skip


def test_fund_page_pages_the_list(viewer_client, example_record, monkeypatch):
    from logframe.web.dashboards import fund_list

    _three_projects(example_record)
    monkeypatch.setattr(fund_list, "PAGE_SIZE", 2)
    first = _page(viewer_client.get(FUND_URL + "?sort=-project"))
    assert _numbers(first) == ["G99-2", "G99-1"]
    assert _all(first, ".pager a[rel=next]")[0].get("href") == "?sort=-project&page=2"
    assert _numbers(_page(viewer_client.get(FUND_URL + "?sort=-project&page=2"))) == ["G11-23"]


def test_fund_page_costs_the_same_queries_for_1_and_6_projects(viewer_client, example_record):
    _import(example_record)
    viewer_client.get("/preferences/")  # the CSRF cookie: both reads ask the page cache
    with CaptureQueriesContext(connection) as one:
        viewer_client.get(FUND_URL)
    for n in range(5):
        _import(example_record, number=f"G99-{n}")
    with CaptureQueriesContext(connection) as six:
        page = _page(viewer_client.get(FUND_URL))
    assert len(_numbers(page)) == 6
    assert _texts(page, "#projects tbody .finding-count") == ["5 / 8"] * 6
    assert len(one) == len(six) <= FUND_QUERIES
