"""The checks a JSON Schema cannot make: codes are unique and every reference resolves.

Run on a document the schema has accepted, so every value has its expected type. Each problem
names the JSON path of the offending value.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from logframe.domain.periods import Quarter
from logframe.domain.records import TextSubject
from logframe.interchange.projectfile.errors import Problem
from logframe.interchange.projectfile.translations import translation_problems

Node = Mapping[str, Any]


def find_problems(project: Node) -> list[Problem]:
    """Every consistency problem of a schema-valid ``project`` object, in document order."""
    checker = _Checker()
    checker.check_project(project)
    return checker.problems


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.organisations: dict[Hashable, str] = {}
        self.footnotes: dict[Hashable, str] = {}
        self.results: dict[Hashable, str] = {}
        self.indicators: dict[Hashable, str] = {}
        self.activities: dict[Hashable, str] = {}

    def check_project(self, project: Node) -> None:
        for i, organisation in enumerate(project.get("organisations", ())):
            path = f"project.organisations[{i}].code"
            self.unique(
                self.organisations, key=organisation["code"], path=path, what="organisation"
            )
        for i, footnote in enumerate(project.get("footnotes", ())):
            path = f"project.footnotes[{i}].number"
            self.unique(self.footnotes, key=footnote["number"], path=path, what="footnote")
        agent = project["fund"].get("administrative_agent", "")
        self.organisation(agent, path="project.fund.administrative_agent")
        self.organisation(project.get("line_ministry", ""), path="project.line_ministry")
        participants: dict[Hashable, str] = {}
        for i, participation in enumerate(project.get("participations", ())):
            path = f"project.participations[{i}].organisation"
            self.organisation(participation["organisation"], path=path)
            code = participation["organisation"]
            self.unique(participants, key=code, path=path, what="participation of")
        self.results_under(project.get("results", ()), path="project.results")
        quarters: dict[Hashable, str] = {}
        for i, period in enumerate(project.get("periods", ())):
            path = f"project.periods[{i}]"
            self.unique(quarters, key=period["quarter"], path=f"{path}.quarter", what="period")
            self.period(period, path=path)
        self.problems += translation_problems(
            project,
            codes={
                TextSubject.RESULT: self.results,
                TextSubject.INDICATOR: self.indicators,
                TextSubject.ACTIVITY: self.activities,
            },
        )

    def results_under(self, results: Sequence[Node], *, path: str) -> None:
        for i, result in enumerate(results):
            here = f"{path}[{i}]"
            self.unique(self.results, key=result["code"], path=f"{here}.code", what="result code")
            self.organisation(result.get("lead", ""), path=f"{here}.lead")
            for j, partner in enumerate(result.get("partners", ())):
                self.organisation(partner, path=f"{here}.partners[{j}]")
            for j, activity in enumerate(result.get("activities", ())):
                self.activity(activity, path=f"{here}.activities[{j}]")
            for j, indicator in enumerate(result.get("indicators", ())):
                self.indicator(indicator, path=f"{here}.indicators[{j}]")
            self.results_under(result.get("children", ()), path=f"{here}.children")

    def activity(self, activity: Node, *, path: str) -> None:
        code = activity["code"]
        self.unique(self.activities, key=code, path=f"{path}.code", what="activity code")
        self.marks(activity.get("footnotes", ()), path=f"{path}.footnotes")

    def indicator(self, indicator: Node, *, path: str) -> None:
        code = indicator["code"]
        self.unique(self.indicators, key=code, path=f"{path}.code", what="indicator code")
        self.marks(indicator.get("footnotes", ()), path=f"{path}.footnotes")
        target = indicator["target"]
        if target["kind"] == "number" and "value" not in target:
            self.add(f"{path}.target", detail="a target of kind 'number' needs a value")
        if target["kind"] != "number" and "value" in target:
            detail = f"only a target of kind 'number' has a value, not kind {target['kind']!r}"
            self.add(f"{path}.target.value", detail=detail)

    def marks(self, marks: Sequence[Node], *, path: str) -> None:
        for i, mark in enumerate(marks):
            if mark["number"] not in self.footnotes:
                detail = f"footnote {mark['number']} is not listed in project.footnotes"
                self.add(f"{path}[{i}].number", detail=detail)

    def period(self, period: Node, *, path: str) -> None:
        try:
            Quarter.parse(period["quarter"])
        except ValueError as error:
            self.add(f"{path}.quarter", detail=str(error))
        self.entries(period, path=path, key="values", field="indicator", known=self.indicators)
        self.entries(
            period, path=path, key="finance", field="organisation", known=self.organisations
        )
        self.entries(period, path=path, key="beneficiaries", field="group", known=None)
        self.entries(period, path=path, key="progress", field="result", known=self.results)

    def entries(
        self, period: Node, *, path: str, key: str, field: str, known: Mapping[Hashable, str] | None
    ) -> None:
        """The entries of ``period[key]`` name distinct things, all known, in ``field``."""
        seen: dict[Hashable, str] = {}
        for i, entry in enumerate(period.get(key, ())):
            here = f"{path}.{key}[{i}].{field}"
            if known is not None and entry[field] not in known:
                detail = (
                    f"unknown {field} {entry[field]!r}: no {field} in the project has this code"
                )
                self.add(here, detail=detail)
            self.unique(seen, key=entry[field], path=here, what=f"entry for {field}")

    def organisation(self, code: str, *, path: str) -> None:
        if code and code not in self.organisations:
            detail = f"unknown organisation {code!r}: not listed in project.organisations"
            self.add(path, detail=detail)

    def unique(self, seen: dict[Hashable, str], *, key: Hashable, path: str, what: str) -> None:
        if key in seen:
            self.add(path, detail=f"duplicate {what} {key!r} (first at {seen[key]})")
        else:
            seen[key] = path

    def add(self, path: str, *, detail: str) -> None:
        self.problems.append(Problem(path=path, detail=detail))
