"""Fixtures for the project-file tests: the transcribed seed and a small valid document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE = REPOSITORY / "examples" / "itf-g11-23" / "project.json"


@pytest.fixture
def example_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def small_document() -> dict[str, Any]:
    """A canonical document with one of each part, for the tests to break one thing at a time."""
    return {
        "format": "logframe-project",
        "version": 1,
        "project": {
            "fund": {"code": "F", "name": "A fund"},
            "number": "P-1",
            "title": "A project",
            "organisations": [{"code": "UNDP", "name": "UNDP"}],
            "participations": [{"organisation": "UNDP", "role": "lead", "approved_budget": "10"}],
            "results": [
                {
                    "code": "1",
                    "text": "JP output",
                    "level": "jp_output",
                    "children": [
                        {
                            "code": "1.1",
                            "text": "Output",
                            "level": "output",
                            "lead": "UNDP",
                            "activities": [{"code": "1.1.1", "text": "Train"}],
                            "indicators": [
                                {
                                    "code": "1.1.1",
                                    "text": "People trained",
                                    "measure": "count",
                                    "target": {"kind": "number", "value": "20"},
                                    "footnotes": [{"number": 1}],
                                },
                                {
                                    "code": "1.1.2",
                                    "text": "Plan adopted",
                                    "measure": "milestone",
                                    "target": {"kind": "milestone", "milestone": "Yes"},
                                },
                            ],
                        }
                    ],
                }
            ],
            "footnotes": [{"number": 1, "text": "Training means any course."}],
            "periods": [
                {
                    "quarter": "2013Q1",
                    "values": [
                        {
                            "indicator": "1.1.1",
                            "actual": {"value": "12", "male": "8", "female": "4"},
                        },
                        {"indicator": "1.1.2", "actual": {"status": "initiated"}},
                    ],
                    "finance": [{"organisation": "UNDP", "committed": "5"}],
                    "beneficiaries": [{"group": "men", "target": "10", "actual": "8"}],
                    "progress": [{"result": "1.1", "narrative": "<p>Done.</p>"}],
                }
            ],
        },
    }
