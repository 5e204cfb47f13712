"""The tracker through the CLI: save, loops, record, status (issue 4, part 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from followup.cli import main
from followup.store import Store

FIXTURES = Path(__file__).parents[2] / "fixtures" / "debriefs"
HARBORLINE = FIXTURES / "harborline.yaml"  # interview 2027-03-09
NORTHWIND = FIXTURES / "northwind-hospital.yaml"  # interview 2027-06-04


@pytest.fixture(autouse=True)
def _zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans in one fixed zone, whatever the machine's."""
    monkeypatch.setenv("FOLLOWUP_TZ", "America/New_York")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _save(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> int:
    code, out, _ = _run(capsys, "save", str(path), *extra)
    assert code == 0
    return int(out)


def _status(capsys: pytest.CaptureFixture[str], now: str) -> dict[str, Any]:
    code, out, _ = _run(capsys, "status", "--now", now, "--json")
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def test_save_prints_new_loop_ids_and_versions(
    capsys: pytest.CaptureFixture[str], followup_home: Path
) -> None:
    """save prints a new id per loop; --loop adds a version to an existing one."""
    assert _save(capsys, HARBORLINE) == 1
    assert _save(capsys, NORTHWIND) == 2
    assert _save(capsys, HARBORLINE, "--loop", "1") == 1
    with Store(followup_home / "followup.sqlite3") as store:
        assert [s.debrief_versions for s in store.list_loops()] == [2, 1]


def test_save_bad_file_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A debrief that does not validate is reported by field and not saved."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidate: {name: A}\ninterview: {company: X, role: Y}\ninterviewers: []\n")
    code, out, err = _run(capsys, "save", str(bad))
    assert code == 2
    assert out == ""
    assert "interview.date: required field is missing" in err
    code, out, _ = _run(capsys, "loops")
    assert out.startswith("no loops saved yet")


def test_loops_lists_saved_loops(capsys: pytest.CaptureFixture[str]) -> None:
    """loops shows each loop's id, date, company and role; --json gives the summaries."""
    _save(capsys, HARBORLINE)
    _save(capsys, NORTHWIND)
    code, out, _ = _run(capsys, "loops")
    assert code == 0
    lines = out.splitlines()
    assert "Harborline Logistics, Operations Analyst" in lines[1]
    assert "2027-06-04" in lines[2]
    code, out, _ = _run(capsys, "loops", "--json")
    assert [d["company"] for d in json.loads(out)] == [
        "Harborline Logistics",
        "Northwind General Hospital",
    ]


def test_status_sorts_by_next_action_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Active loops are listed soonest next action first, whatever order they were saved in."""
    _save(capsys, NORTHWIND)
    _save(capsys, HARBORLINE)
    data = _status(capsys, "2027-03-09T12:00")
    active = data["active"]
    assert [loop["loop_id"] for loop in active] == [2, 1]
    dues = [loop["next_step"]["due"] for loop in active]
    assert dues == ["2027-03-09T17:00:00-05:00", "2027-06-04T17:00:00-04:00"]
    _, out, _ = _run(capsys, "status", "--now", "2027-03-09T12:00")
    first, second = out.splitlines()[:2]
    assert first.startswith("2027-03-09 17:00  loop   2  Harborline Logistics")
    assert "thank-you note to Priya Raman by email" in first
    assert second.startswith("2027-06-04 17:00  loop   1  Northwind")


def test_status_warns_below_six_active(capsys: pytest.CaptureFixture[str]) -> None:
    """Fewer than six active loops gives a warning; six do not."""
    for _ in range(5):
        _save(capsys, HARBORLINE)
    code, _, err = _run(capsys, "status", "--now", "2027-03-09T12:00")
    assert code == 0
    assert "warning: only 5 opportunities are active; coaches advise keeping six to ten" in err
    assert "only 5" in str(_status(capsys, "2027-03-09T12:00")["warning"])
    _save(capsys, HARBORLINE)
    code, _, err = _run(capsys, "status", "--now", "2027-03-09T12:00")
    assert err == ""
    assert _status(capsys, "2027-03-09T12:00")["warning"] is None


def test_status_on_empty_store_warns(capsys: pytest.CaptureFixture[str]) -> None:
    """With nothing saved, status says so and warns that none are active."""
    code, out, err = _run(capsys, "status")
    assert code == 0
    assert out.startswith("no active loops")
    assert "only 0 opportunities are active" in err


def test_record_marks_step_done_and_plan_moves_on(capsys: pytest.CaptureFixture[str]) -> None:
    """Recording 'sent' on a step marks it done; the next action becomes the following step."""
    loop = _save(capsys, HARBORLINE)
    code, out, _ = _run(
        capsys, "record", str(loop), "thank_you:priya-raman", "sent", "--at", "2027-03-09T18:00"
    )
    assert code == 0
    assert out.splitlines()[0] == "loop 1: thank_you:priya-raman sent at 2027-03-09T18:00-05:00"
    assert out.splitlines()[1].startswith("next: thank-you note to Tom Okafor by email")
    next_step = _status(capsys, "2027-03-09T19:00")["active"][0]["next_step"]
    assert next_step["id"] == "thank_you:tom-okafor"
    with Store.open() as store:
        (record,) = store.outcomes(loop)
    assert record.step_id == "thank_you:priya-raman"
    assert record.at.isoformat() == "2027-03-09T23:00:00+00:00"


def test_record_terminal_outcome_closes_the_loop(capsys: pytest.CaptureFixture[str]) -> None:
    """An offer recorded on a loop takes it out of the active list."""
    loop = _save(capsys, HARBORLINE)
    _save(capsys, NORTHWIND)
    code, _, _ = _run(
        capsys, "record", str(loop), "check_in:priya-raman", "offer", "--at", "2027-03-15"
    )
    assert code == 0
    data = _status(capsys, "2027-03-16T09:00")
    assert [x["loop_id"] for x in data["active"]] == [2]
    assert [(x["loop_id"], x["state"]) for x in data["closed"]] == [(1, "offer")]
    assert "only 1 opportunity is active" in str(data["warning"])


def test_record_unknown_step_lists_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    """A step id not in the plan is a one-line error listing the plan's step ids."""
    loop = _save(capsys, HARBORLINE)
    code, out, err = _run(capsys, "record", str(loop), "thank_you:priya", "sent")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("followup: error: loop 1 has no step 'thank_you:priya'; its steps are: ")
    for step in ("thank_you:priya-raman", "thank_you:tom-okafor", "thank_you:dana-whitfield"):
        assert step in err
    with Store.open() as store:
        assert store.outcomes(loop) == []


def test_record_bad_loop_time_and_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown loop, an unreadable --at and an unknown outcome are each refused in one line."""
    loop = _save(capsys, HARBORLINE)
    code, _, err = _run(capsys, "record", "7", "thank_you:priya-raman", "sent")
    assert (code, err) == (2, "followup: error: no loop 7; `followup loops` lists them\n")
    code, _, err = _run(
        capsys, "record", str(loop), "thank_you:priya-raman", "sent", "--at", "yesterday"
    )
    assert code == 2
    assert err.startswith("followup: error: --at: expected a date or time")
    with pytest.raises(SystemExit):
        main(["record", str(loop), "thank_you:priya-raman", "ghosted"])
    assert "invalid choice: 'ghosted'" in capsys.readouterr().err


def test_tests_never_see_the_real_home(followup_home: Path) -> None:
    """Every test runs with FOLLOWUP_HOME in a temporary folder and no API key."""
    import os

    assert os.environ["FOLLOWUP_HOME"] == str(followup_home)
    assert "OPENAI_API_KEY" not in os.environ
    assert Store.open().path == followup_home / "followup.sqlite3"
