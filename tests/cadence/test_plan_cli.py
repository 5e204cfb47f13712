"""`followup plan` as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from followup.cli import main

ROOT = Path(__file__).parent.parent.parent
HARBORLINE = ROOT / "fixtures" / "debriefs" / "harborline.yaml"
NY = ["--tz", "America/New_York"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_published_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints steps with kind, to, channel, and ISO due/latest with a UTC offset."""
    code, out, _ = run(
        ["plan", str(HARBORLINE), "--now", "2027-03-09T18:00", *NY, "--json"], capsys
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["state"] == "active"
    steps = payload["steps"]
    assert [(s["kind"], s["to"], s["status"]) for s in steps] == [
        ("thank_you", "Priya Raman", "due"),
        ("thank_you", "Tom Okafor", "due"),
        ("thank_you", "Dana Whitfield", "due"),
        ("check_in", "Priya Raman", "pending"),
    ]
    for step in steps:
        assert {"kind", "to", "channel", "due", "latest", "status"} <= set(step)
        for key in ("due", "latest"):
            assert dt.datetime.fromisoformat(step[key]).utcoffset() is not None
    assert steps[3]["due"] == "2027-03-23T09:00:00-04:00"


def test_now_with_an_offset_is_taken_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    """An explicit offset on --now is respected even when it differs from the zone's."""
    argv = ["plan", str(HARBORLINE), *NY, "--json", "--now", "2027-03-10T22:30:00+00:00"]
    _, out, _ = run(argv, capsys)
    assert json.loads(out)["steps"][0]["status"] == "overdue"  # 17:30 in New York


def test_holidays_file_moves_the_check_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A holiday on the check-in date pushes it to the next business day."""
    holidays = tmp_path / "days.txt"
    holidays.write_text("2027-03-23\n", encoding="utf-8")
    argv = ["plan", str(HARBORLINE), *NY, "--json", "--holidays", str(holidays)]
    _, out, _ = run([*argv, "--now", "2027-03-09T12:00"], capsys)
    assert json.loads(out)["steps"][3]["due"] == "2027-03-24T09:00:00-04:00"


def test_ics_and_markdown_are_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--ics writes a calendar with one event per step; --markdown a summary with the plan."""
    ics, md = tmp_path / "plan.ics", tmp_path / "plan.md"
    argv = ["plan", str(HARBORLINE), *NY, "--ics", str(ics), "--markdown", str(md)]
    code, out, _ = run([*argv, "--now", "2027-03-09T12:00"], capsys)
    assert code == 0
    assert "Check-in e-mail to Priya Raman" in out
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 4
    assert "| check in | Priya Raman | email | pending |" in md.read_text(encoding="utf-8")


def test_explain_shows_reasons_and_settings(capsys: pytest.CaptureFixture[str]) -> None:
    """--explain gives each step's rule and the settings with their reasons."""
    _, out, _ = run(["plan", str(HARBORLINE), *NY, "--explain", "--now", "2027-03-09"], capsys)
    assert "why: One brief check-in 2 business days after their expected decision." in out
    assert "max_unanswered = 3" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--now", "next tuesday"], "--now: expected a date or time"),
        (["--tz", "Mars/Olympus"], "--tz: unknown time zone 'Mars/Olympus'"),
    ],
)
def test_bad_flags_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """Bad --now or --tz values end with exit code 2 and one line naming the flag."""
    code, out, err = run(["plan", str(HARBORLINE), *extra], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


def test_bad_holiday_file_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed holidays file is reported with its path and line number."""
    holidays = tmp_path / "days.txt"
    holidays.write_text("2027-12-25\n25/12/2027\n", encoding="utf-8")
    code, _, err = run(["plan", str(HARBORLINE), "--holidays", str(holidays)], capsys)
    assert code == 2
    assert f"{holidays}: line 2: '25/12/2027'" in err


def test_missing_holiday_file_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A holidays path that does not exist is one readable line, not a traceback."""
    code, _, err = run(["plan", str(HARBORLINE), "--holidays", str(tmp_path / "no")], capsys)
    assert code == 2
    assert "No such file" in err
    assert "Traceback" not in err
