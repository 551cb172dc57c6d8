"""render_markdown: the same sections as GitHub-flavoured Markdown, with pipe tables."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.reporting.build import build_report
from logframe.reporting.markdown import render_markdown
from logframe.reporting.richtext import html_to_markdown

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.fixture
def markdown(project: ProjectRecord, quarter: Quarter) -> str:
    return render_markdown(build_report(project=project, quarter=quarter))


def test_the_sections_come_in_the_seed_reports_order(markdown: str):
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "Development Goal and Immediate Objectives",
        "Outputs, Key Activities and Procurement",
        "Financial Status",
        "Beneficiaries",
        "Quantitative Achievements against Objectives and Results",
        "Qualitative Achievements against Objectives and Results",
        "Main Implementation Constraints and Challenges",
        "Notes",
        "Data-Quality Findings",
    ]
    assert markdown.startswith("# Quarterly Progress Report\n")


def test_table_rows(markdown: str):
    lines = markdown.splitlines()
    assert (
        "| 3.1.4 Number of personnel trained on IT systems | 252 | 25 (22 male / 3 female)"
        " | **≠ 10 %** (reported 5 %) |"
    ) in lines
    assert (
        "| **Total** | **24,861,991.00** | **12,824,814.81** | **51.6 %** | **12,311,346.93**"
        " | **49.5 %** |   |   |"
    ) in lines
    assert "| Men (Target: 1,471) | 1,459 | 99 % |" in lines
    assert "| :--- | ---: | ---: | ---: |" in lines  # figures aligned right


def test_every_row_of_a_table_has_as_many_cells_as_its_header(markdown: str):
    for table in re.findall(r"(?:^\|.*\|$\n?)+", markdown, flags=re.M):
        widths = {len(UNESCAPED_PIPE.findall(row)) for row in table.splitlines()}
        assert len(widths) == 1, table


def test_pipes_and_markup_in_user_text_are_escaped(project: ProjectRecord, quarter: Quarter):
    output = project.results[0].children[0]
    odd = replace(output.indicators[2], text="Activities | *all* of_them")
    changed = replace(
        project,
        results=(
            replace(
                project.results[0],
                children=(replace(output, indicators=(*output.indicators[:2], odd)),),
            ),
            *project.results[1:],
        ),
    )
    markdown = render_markdown(build_report(project=changed, quarter=quarter))
    assert r"| 1.1.8 Activities \| \*all\* of\_them<sup>1</sup> | 19 | 13 | 68 % |" in markdown


def test_rich_text_becomes_markdown(markdown: str):
    assert "The programme has continued to support **IHEC** capacity." in markdown
    assert "- **Data centre:** cabling rearranged\n- Email restored" in markdown


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>a<br>b</p>", "a\\\nb"),
        (
            "<p><strong>bold</strong>, <b>b</b>, <em>it</em>, <i>i</i></p>",
            "**bold**, **b**, *it*, *i*",
        ),
        (
            '<p>see <a href="https://example.org/a b">this</a></p>',
            "see [this](https://example.org/a%20b)",
        ),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
        ("<ol><li>x</li><li>y</li></ol>", "1. x\n2. y"),
        ("<ol><li>x<ul><li>x.a</li></ul></li></ol>", "1. x\n   - x.a"),
        ("<p>Intro</p><ul><li>x</li></ul><p>End</p>", "Intro\n\n- x\n\nEnd"),
        ("<p>a * b _c_ [d] &lt;e&gt; | f</p>", r"a \* b \_c\_ \[d\] \<e\> \| f"),
        ("<p>1. not a list</p><p>- nor this</p>", "1\\. not a list\n\n\\- nor this"),
        ("<p>  spread\n   out  </p>", "spread out"),
        ("<div><span>kept</span> text</div>", "kept text"),
        ("<p> </p><p><strong> </strong></p>", ""),
    ],
)
def test_html_to_markdown(html: str, markdown: str):
    assert html_to_markdown(html) == markdown
