"""The plan as an iCalendar file: times, alarms and UIDs survive a round trip through a parser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from followup.cadence import OutcomeRecord, Plan, build_plan
from followup.debrief import Debrief, load_debrief
from followup.export import plan_to_ics

ROOT = Path(__file__).parent.parent.parent
NY = ZoneInfo("America/New_York")
NOW = dt.datetime(2027, 3, 9, 12, 0, tzinfo=NY)


def harborline() -> Debrief:
    return load_debrief(ROOT / "fixtures" / "debriefs" / "harborline.yaml")


def events(data: bytes) -> dict[str, Any]:
    """Parsed VEVENTs by UID."""
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def export(debrief: Debrief, plan: Plan, now: dt.datetime = NOW) -> bytes:
    return plan_to_ics(plan, debrief, now=now)


def test_every_step_round_trips_with_its_time_and_alarm() -> None:
    """Each step is one event at its due time in the interview's zone, with a 30-minute alarm."""
    debrief = harborline()
    plan = build_plan(debrief, NOW, tz=NY)
    cal = Calendar.from_ical(export(debrief, plan))
    parsed = cal.walk("VEVENT")
    assert len(parsed) == len(plan.steps) == 4
    for step, event in zip(plan.steps, parsed, strict=True):
        start = event.decoded("DTSTART")
        assert start == step.due
        assert start.utcoffset() == step.due.utcoffset()
        assert event["DTSTART"].params["TZID"] == "America/New_York"
        assert event.decoded("DTEND") - start == dt.timedelta(minutes=30)
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == dt.timedelta(minutes=-30)
        assert step.to in str(event["SUMMARY"])
    assert str(parsed[0]["SUMMARY"]) == "Thank-you note to Priya Raman"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["America/New_York"]


def test_times_after_a_dst_change_keep_their_wall_clock() -> None:
    """The check-in after DST starts is 9:00 local, 13:00 UTC, once parsed back."""
    debrief = harborline()
    parsed = events(export(debrief, build_plan(debrief, NOW, tz=NY))).values()
    check_in = next(e for e in parsed if "Check-in" in str(e["SUMMARY"]))
    start = check_in.decoded("DTSTART")
    assert start.astimezone(dt.UTC) == dt.datetime(2027, 3, 23, 13, 0, tzinfo=dt.UTC)


def test_reexport_keeps_uids_so_calendars_update() -> None:
    """A later export, after outcomes and a debrief edit, carries the same UID for each step."""
    debrief = harborline()
    first = events(export(debrief, build_plan(debrief, NOW, tz=NY)))
    sent = OutcomeRecord(
        step_id="thank_you:priya-raman", outcome="sent", at=dt.datetime(2027, 3, 9, 18, tzinfo=NY)
    )
    later = dt.datetime(2027, 3, 12, 9, tzinfo=NY)
    edited = debrief.model_copy(
        update={"interview": debrief.interview.model_copy(update={"overall": "Went well."})}
    )
    second = events(export(edited, build_plan(edited, later, [sent], tz=NY), now=later))
    assert set(first) == set(second)
    assert len(first) == 4


def test_uids_differ_between_steps_and_between_loops() -> None:
    """UIDs are unique per step and change with the company, so loops never collide."""
    debrief = harborline()
    plan = build_plan(debrief, NOW, tz=NY)
    ours = set(events(export(debrief, plan)))
    other = debrief.model_copy(
        update={"interview": debrief.interview.model_copy(update={"company": "Other Co"})}
    )
    theirs = set(events(export(other, build_plan(other, NOW, tz=NY))))
    assert len(ours) == len(plan.steps)
    assert all(uid.endswith("@followup") for uid in ours)
    assert not ours & theirs


def test_cancelled_steps_are_exported_as_cancelled() -> None:
    """After an offer, re-importing removes the reminders: events carry STATUS:CANCELLED."""
    debrief = harborline()
    offer = OutcomeRecord(
        step_id="thank_you:tom-okafor", outcome="offer", at=dt.datetime(2027, 3, 15, 10, tzinfo=NY)
    )
    plan = build_plan(debrief, NOW, [offer], tz=NY)
    statuses = [str(e["STATUS"]) for e in Calendar.from_ical(export(debrief, plan)).walk("VEVENT")]
    assert statuses == ["CONFIRMED" if s.status == "done" else "CANCELLED" for s in plan.steps]
    assert "CANCELLED" in statuses


def test_file_is_rfc5545_shaped() -> None:
    """CRLF line ends, lines folded at 75 octets, PRODID and VERSION present."""
    debrief = harborline()
    data = export(debrief, build_plan(debrief, NOW, tz=NY))
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert all(len(line) <= 75 for line in lines)
    assert b"\nPRODID:" in data or b"\r\nPRODID:" in data
    assert b"VERSION:2.0" in data


def test_non_ascii_names_survive() -> None:
    """Accented names come back unchanged from the calendar file."""
    debrief = harborline()
    person = debrief.interviewers[0].model_copy(update={"name": "José Núñez-Ørsted"})
    renamed = debrief.model_copy(update={"interviewers": (person,)})
    cal = Calendar.from_ical(export(renamed, build_plan(renamed, NOW, tz=NY)))
    assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == "Thank-you note to José Núñez-Ørsted"
