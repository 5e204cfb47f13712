"""The Markdown summary of a loop: facts, notes verbatim, the plan as a table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from followup.cadence import build_plan
from followup.debrief import load_debrief
from followup.drafting.base import Draft
from followup.export import loop_markdown

ROOT = Path(__file__).parent.parent.parent
NY = ZoneInfo("America/New_York")
DEBRIEF = load_debrief(ROOT / "fixtures" / "debriefs" / "harborline.yaml")


def test_summary_has_facts_notes_and_plan() -> None:
    """The summary lists the dates, each note in a fenced block, and one table row per step."""
    plan = build_plan(DEBRIEF, dt.datetime(2027, 3, 9, 12, tzinfo=NY), tz=NY)
    note = Draft(interviewer="Priya Raman", email="p@example.com", subject="Thanks", body="Hi.")
    text = loop_markdown(DEBRIEF, [note], plan)
    assert text.startswith("# Follow-up: Operations Analyst at Harborline Logistics\n")
    assert "- Their decision expected: 2027-03-20" in text
    assert "```text\nHi.\n```" in text
    assert "| Tue 2027-03-23 09:00 | Thu 2027-03-25 17:00 | check in | Priya Raman |" in text
    assert text.count("| thank you |") == 3


def test_user_text_cannot_break_the_markup() -> None:
    """Backticks in a note lengthen the fence; pipes in a name are escaped in the table."""
    person = DEBRIEF.interviewers[0].model_copy(update={"name": "Priya | Raman"})
    debrief = DEBRIEF.model_copy(update={"interviewers": (person,)})
    plan = build_plan(debrief, dt.datetime(2027, 3, 9, 12, tzinfo=NY), tz=NY)
    note = Draft(interviewer="Priya | Raman", subject="s", body="Use ``` and ```` here.")
    text = loop_markdown(debrief, [note], plan)
    assert "`````text\nUse ``` and ```` here.\n`````" in text
    assert "| Priya \\| Raman |" in text


def test_summary_without_a_plan_has_no_plan_section() -> None:
    """Notes only: no plan heading is printed when no plan is given."""
    assert "## Plan" not in loop_markdown(DEBRIEF, [], None)
