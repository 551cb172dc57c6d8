"""``logframe generate-portfolio``: a synthetic fund in the database, the same every time."""

from __future__ import annotations

import pytest

from logframe.cli.main import main
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_synthetic_fund_is_loaded_and_checked(capsys):
    args = ["generate-portfolio", "--fund", "SYN", "--projects", "3", "--quarters", "2"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "fund SYN: 3 projects of 2 quarters loaded (seed 1)" in out
    assert "  3 of 3 projects" in err
    assert "  figures of 3 of 3 projects" in err  # the stored figures' phase has its own
    assert "s of this process's CPU)" in out
    assert m.Project.objects.filter(fund__code="SYN").count() == 3
    assert m.ReportingPeriod.objects.filter(project__fund__code="SYN").count() == 6
    history = m.IndicatorValue.history.count()
    assert main(args) == 2  # the fund exists: refused, nothing changes
    assert "fund SYN already holds 3 projects: nothing loaded. Add --update" in (
        capsys.readouterr().err
    )
    assert m.IndicatorValue.history.count() == history
    assert main([*args, "--update"]) == 0  # through the audited import: nothing differs
    assert m.IndicatorValue.history.count() == history
    capsys.readouterr()
    assert main(["check", "S00001", "--period", "2012Q2", "--fund", "SYN"]) == 0
    assert "S00001" in capsys.readouterr().out


@pytest.mark.parametrize("option", [["--projects", "-1"], ["--quarters", "99"]])
def test_impossible_sizes_exit_2(option, capsys):
    assert main(["generate-portfolio", "--fund", "SYN", *option]) == 2
    assert "--projects must be 0 to 100,000 and --quarters 0 to 40" in capsys.readouterr().err
    assert not m.Project.objects.exists()
