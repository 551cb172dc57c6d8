"""What the entry page shows each person: the indicator table by output, who may edit
which line, the quarter's state, the findings; and how it is put together (no inline
script, htmx vendored)."""

from __future__ import annotations

import re

import pytest
from entry_support import HTMX, url, value_data, value_of

from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db


def page(client) -> str:
    response = client.get(url("project-entry"))
    assert response.status_code == 200
    return response.content.decode()


def editable_rows(html: str) -> set[str]:
    """The indicator codes whose line has a form on the page."""
    ids = set(re.findall(r'<form id="form-v(\d+)"', html))
    codes = m.Indicator.objects.filter(pk__in=ids).values_list("code", flat=True)
    return set(codes)


def test_the_latest_quarter_opens(as_user, manager):
    response = as_user(manager).get(url("project-entry-latest"))
    assert response["Location"] == url("project-entry")


def test_the_table_is_grouped_by_output(as_user, manager):
    html = page(as_user(manager))
    heads = re.findall(r'<tbody id="result-\d+" class="result-head( group)?">', html)
    assert len(heads) == 9  # 3 JP outputs, 6 outputs
    order = re.findall(r'<th scope="row" class="code">([\d.]+)</th>', html)
    assert order[:3] == ["1.1.1", "1.1.2", "1.1.3"]
    assert order.index("1.1.11") < order.index("1.2.1") < order.index("3.1.10")
    assert editable_rows(html) == set(
        m.Indicator.objects.filter(result__project__number="G11-23").values_list("code", flat=True)
    )


def test_a_focal_point_edits_its_agencys_outputs_and_reads_the_others(as_user, undp):
    html = page(as_user(undp))
    rows = editable_rows(html)
    assert {"1.1.9", "1.3.7", "2.1.4"} <= rows
    assert not {code for code in rows if code.startswith(("2.2.", "3.1."))}
    assert "Read-only for you: UNOPS enters this output." in html
    assert "2.2.2" in html
    assert "254 (211 male, 43 female)" in html
    assert 'action="/funds/UNDG-ITF/projects/G11-23/2013Q1/entry/finance/UNDP/"' in html
    assert "/entry/finance/UNOPS/" not in html
    assert "/entry/beneficiaries/" not in html
    assert "/entry/texts/" not in html


def test_a_viewer_reads_everything_and_edits_nothing(as_user, viewer):
    html = page(as_user(viewer))
    assert not editable_rows(html)
    assert "<textarea" not in html
    assert "As a follow up to recommendations" in html  # the narrative, as rich text


def test_a_milestone_has_status_and_percent_and_a_count_its_split(as_user, manager):
    html = page(as_user(manager))
    milestone = value_of("1.1.1").indicator.pk
    split = value_of("1.1.9").indicator.pk
    plain = value_of("1.1.8").indicator.pk
    assert f'name="v{milestone}-status"' in html
    assert f'name="v{milestone}-estimated_pct"' in html
    assert f'name="v{milestone}-value"' not in html
    assert f'name="v{split}-male"' in html
    assert f'name="v{split}-female"' in html
    assert f'name="v{plain}-value"' in html
    assert f'name="v{plain}-male"' not in html
    assert f'<input type="hidden" name="v{split}-version" value="0" form="form-v{split}"' in html


def test_the_page_loads_htmx_and_entry_js_and_holds_no_inline_script(as_user, manager):
    html = page(as_user(manager))
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == [
        '<script src="/static/web/vendor/htmx/htmx.min.js" defer>',
        '<script src="/static/web/entry.js" defer>',
    ]
    assert re.search(r"<script[^>]*>\s*[^<\s]", html) is None
    assert not re.findall(r"<[^>]+\son[a-z]+=", html)  # no inline event handlers
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert 'hx-trigger="entry-saved from:body"' in html


def test_the_vendored_htmx_is_version_2():
    from pathlib import Path

    import logframe.web

    vendor = Path(logframe.web.__file__).parent / "static" / "web" / "vendor" / "htmx"
    assert 'version:"2.' in (vendor / "htmx.min.js").read_text()
    assert "htmx 2." in (vendor / "README.md").read_text()
    assert (vendor / "LICENSE").exists()


def test_a_save_refreshes_the_findings(as_user, undp):
    client = as_user(undp)
    findings = client.get(url("entry-findings"), **HTMX).content.decode()
    assert "498 reported, but 468 male + 28 female = 496." in findings
    saved = client.post(
        url("entry-value", code="1.1.9"),
        value_data("1.1.9", value="498", male="400", female="50"),
        **HTMX,
    )
    assert saved["HX-Trigger"] == "entry-saved"
    # the row comes back with its findings list kept from the page (hx-preserve): the
    # quarter's checks run once, for the panel's answer, which replaces every line's list
    kept = f'<ul class="row-findings" id="findings-{_anchor_of("1.1.9")}" hx-preserve="true">'
    assert kept + "</ul>" in saved.content.decode()
    findings = client.get(url("entry-findings"), **HTMX).content.decode()
    assert "498 reported, but 400 male + 50 female = 450." in findings
    assert "400 male + 50 female = 450." in _list_of(findings, _anchor_of("1.1.9"))
    fixed = client.post(
        url("entry-value", code="1.1.9"),
        value_data("1.1.9", value="498", male="448", female="50"),
        **HTMX,
    )
    assert "male +" not in fixed.content.decode()
    findings = client.get(url("entry-findings"), **HTMX).content.decode()
    assert 'data-where="1.1.9"' not in findings


def test_the_findings_answer_refreshes_every_lines_list_out_of_band(as_user, undp):
    """A save on 1.2.2 changes what output 1.2's line says: the findings panel's answer
    carries every block's list, so the other lines change without a page load."""
    from logframe.portfolio.models import Indicator, Result

    client = as_user(undp)
    output = Result.objects.get(project__number="G11-23", code="1.2")
    before = client.get(url("entry-findings"), **HTMX).content.decode()
    lists = re.findall(
        r'<ul class="row-findings" id="findings-([^"]+)" hx-swap-oob="true">', before
    )
    indicators = Indicator.objects.filter(result__project__number="G11-23")
    assert {f"indicator-{pk}" for pk in indicators.values_list("pk", flat=True)} <= set(lists)
    assert {"beneficiaries", f"result-{output.pk}", "finance-UNDP"} <= set(lists)
    assert "computed 48.7 %" in _list_of(before, f"result-{output.pk}")

    saved = client.post(
        url("entry-value", code="1.2.2"), value_data("1.2.2", status="completed"), **HTMX
    )
    assert saved.status_code == 200, saved.content.decode()
    after = client.get(url("entry-findings"), **HTMX).content.decode()
    assert "computed 48.7 %" not in _list_of(after, f"result-{output.pk}")
    assert "Reported 61 % of planned, computed" in _list_of(after, f"result-{output.pk}")


def _anchor_of(code: str) -> str:
    from logframe.portfolio.models import Indicator

    return f"indicator-{Indicator.objects.get(result__project__number='G11-23', code=code).pk}"


def test_a_row_saved_without_htmx_and_refused_shows_its_findings(as_user, undp):
    """Without HTMX a refused save draws the whole page again: the row's findings are there."""
    client = as_user(undp)
    refused = client.post(
        url("entry-value", code="1.1.9"),
        value_data("1.1.9", value="498", male="400", female="fifty"),
    )
    assert refused.status_code == 422
    page = refused.content.decode()
    assert 'hx-preserve="true"' not in page
    assert "468 male + 28 female = 496." in _list_of(page, _anchor_of("1.1.9"))


def _list_of(html: str, anchor: str) -> str:
    start = html.index(f'id="findings-{anchor}"')
    return html[start : html.index("</ul>", start)]


def test_the_state_banner_explains_a_locked_quarter(as_user, undp):
    m.ReportingPeriod.objects.filter(project__number="G11-23").update(state="submitted")
    html = page(as_user(undp))
    assert "It is read-only while a reviewer approves it or returns it for changes." in html
    assert not editable_rows(html)
    assert 'type="file"' not in html


def test_each_value_links_to_its_history(client, undp):
    client.force_login(undp)
    html = client.get("/funds/UNDG-ITF/projects/G11-23/2013Q1/entry/").content.decode()
    assert "/funds/UNDG-ITF/projects/G11-23/2013Q1/values/1.1.9/history/" in html
    assert "/funds/UNDG-ITF/projects/G11-23/2013Q1/values/2.2.2/history/" in html  # read-only row


def test_editors_find_the_excel_template_on_the_page(as_user, undp, viewer):
    page = as_user(undp).get(url("project-entry")).content.decode()
    assert f'href="{url("workbook-template")}" download>Download the Excel template' in page
    assert f'href="{url("workbook-upload")}">upload it' in page
    assert (
        "Download the Excel template"
        not in as_user(viewer).get(url("project-entry")).content.decode()
    )
