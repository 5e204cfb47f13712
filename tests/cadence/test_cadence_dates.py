"""Table tests: each step lands on the date and time the cadence rules give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.cadence import CadenceSettings, Plan, build_plan
from followup.debrief import Debrief

MakeDebrief = Callable[..., Debrief]
NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
# Planned well before every interview below, so no status depends on it.
EARLY = dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)


def windows(plan: Plan) -> dict[str, tuple[str, str]]:
    return {s.id: (s.due.isoformat(), s.latest.isoformat()) for s in plan.steps}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


TEAM = [
    {"name": "Tom Okafor", "role": "peer"},
    {"name": "Ava Lindqvist", "role": "decision_maker"},
    {"name": "Priya Raman", "role": "hiring_manager"},
]

# (id, zone, interview date, debrief extras, holidays, expected windows)
CASES: list[tuple[str, ZoneInfo, str, dict[str, Any], tuple[str, ...], dict[str, tuple[str, str]]]]
CASES = [
    (
        "weekday, decision on a Saturday, DST starts in between",
        NY,
        "2027-03-09",
        {"decision": "2027-03-20"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "check_in:priya-raman": ("2027-03-23T09:00:00-04:00", "2027-03-25T17:00:00-04:00"),
        },
    ),
    (
        "late Friday: thank-you by Friday evening, check-in a week on after DST starts",
        NY,
        "2027-03-12",
        {},
        (),
        {
            "thank_you:priya-raman": ("2027-03-12T17:00:00-05:00", "2027-03-12T20:30:00-05:00"),
            "check_in:priya-raman": ("2027-03-19T09:00:00-04:00", "2027-03-23T17:00:00-04:00"),
        },
    ),
    (
        "Easter holidays in Berlin with DST on Easter Sunday",
        BERLIN,
        "2027-03-25",
        {},
        ("2027-03-26", "2027-03-29"),
        {
            "thank_you:priya-raman": ("2027-03-25T17:00:00+01:00", "2027-03-25T20:30:00+01:00"),
            "check_in:priya-raman": ("2027-04-05T09:00:00+02:00", "2027-04-07T17:00:00+02:00"),
        },
    ),
    (
        "Berlin autumn: DST ends between decision and check-in",
        BERLIN,
        "2027-10-28",
        {"decision": "2027-10-29"},
        (),
        {
            "thank_you:priya-raman": ("2027-10-28T17:00:00+02:00", "2027-10-29T17:00:00+02:00"),
            "check_in:priya-raman": ("2027-11-02T09:00:00+01:00", "2027-11-04T17:00:00+01:00"),
        },
    ),
    (
        "Tokyo, no DST",
        TOKYO,
        "2027-06-07",
        {"decision": "2027-06-09"},
        (),
        {
            "thank_you:priya-raman": ("2027-06-07T17:00:00+09:00", "2027-06-08T17:00:00+09:00"),
            "check_in:priya-raman": ("2027-06-11T09:00:00+09:00", "2027-06-15T17:00:00+09:00"),
        },
    ),
    (
        "decision date before the interview is treated as unknown",
        NY,
        "2027-03-09",
        {"decision": "2027-03-05"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "check_in:priya-raman": ("2027-03-16T09:00:00-04:00", "2027-03-18T17:00:00-04:00"),
        },
    ),
    (
        "interview on a Saturday: thank-you still that day, by the evening",
        NY,
        "2027-03-13",
        {},
        (),
        {
            "thank_you:priya-raman": ("2027-03-13T17:00:00-05:00", "2027-03-13T20:30:00-05:00"),
            "check_in:priya-raman": ("2027-03-19T09:00:00-04:00", "2027-03-23T17:00:00-04:00"),
        },
    ),
    (
        "Thanksgiving: holiday next day, decision on a holiday",
        NY,
        "2027-11-24",
        {"decision": "2027-11-26"},
        ("2027-11-25", "2027-11-26"),
        {
            "thank_you:priya-raman": ("2027-11-24T17:00:00-05:00", "2027-11-24T20:30:00-05:00"),
            "check_in:priya-raman": ("2027-11-30T09:00:00-05:00", "2027-12-02T17:00:00-05:00"),
        },
    ),
    (
        "own deadline before their decision: timeline note to the decision maker",
        NY,
        "2027-03-09",
        {"decision": "2027-03-26", "deadline": "2027-03-22", "people": TEAM},
        (),
        {
            "thank_you:tom-okafor": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "thank_you:ava-lindqvist": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "timeline:ava-lindqvist": ("2027-03-15T09:00:00-04:00", "2027-03-18T17:00:00-04:00"),
            "check_in:ava-lindqvist": ("2027-03-30T09:00:00-04:00", "2027-04-01T17:00:00-04:00"),
        },
    ),
    (
        "own deadline and no decision known: timeline a week before the deadline",
        NY,
        "2027-03-09",
        {"deadline": "2027-03-19"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "timeline:priya-raman": ("2027-03-12T09:00:00-05:00", "2027-03-17T17:00:00-04:00"),
            "check_in:priya-raman": ("2027-03-16T09:00:00-04:00", "2027-03-18T17:00:00-04:00"),
        },
    ),
    (
        "timeline and check-in would reach one person on one day: the check-in moves",
        NY,
        "2027-03-09",
        {"deadline": "2027-03-23"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "timeline:priya-raman": ("2027-03-16T09:00:00-04:00", "2027-03-19T17:00:00-04:00"),
            "check_in:priya-raman": ("2027-03-17T09:00:00-04:00", "2027-03-19T17:00:00-04:00"),
        },
    ),
    (
        "deadline the day after the interview: too close for a timeline note",
        NY,
        "2027-03-09",
        {"deadline": "2027-03-10"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "check_in:priya-raman": ("2027-03-16T09:00:00-04:00", "2027-03-18T17:00:00-04:00"),
        },
    ),
    (
        "deadline on the decision date: no timeline note",
        NY,
        "2027-03-09",
        {"decision": "2027-03-19", "deadline": "2027-03-19"},
        (),
        {
            "thank_you:priya-raman": ("2027-03-09T17:00:00-05:00", "2027-03-10T17:00:00-05:00"),
            "check_in:priya-raman": ("2027-03-23T09:00:00-04:00", "2027-03-25T17:00:00-04:00"),
        },
    ),
]


@pytest.mark.parametrize(
    ("zone", "date", "extras", "holidays", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_steps_land_on_the_dates_the_rules_give(
    make_debrief: MakeDebrief,
    zone: ZoneInfo,
    date: str,
    extras: dict[str, Any],
    holidays: tuple[str, ...],
    expected: dict[str, tuple[str, str]],
) -> None:
    """Every step's due and latest time match the hand-computed table, in the interview's zone."""
    settings = CadenceSettings(holidays=frozenset(day(h) for h in holidays))
    plan = build_plan(make_debrief(date, **extras), EARLY, settings=settings, tz=zone)
    assert windows(plan) == expected


def test_timeline_goes_to_the_hiring_manager_without_a_decision_maker(
    make_debrief: MakeDebrief,
) -> None:
    """With no decision maker in the loop, the hiring manager gets the timeline note."""
    people = [{"name": "Tom Okafor", "role": "peer"}, TEAM[2]]
    plan = build_plan(
        make_debrief("2027-03-09", deadline="2027-03-19", people=people), EARLY, tz=NY
    )
    assert [s.to for s in plan.steps if s.kind == "timeline"] == ["Priya Raman"]


def test_every_person_gets_exactly_one_thank_you(make_debrief: MakeDebrief) -> None:
    """One thank-you e-mail per person met, each with the thank-you note attached."""
    plan = build_plan(make_debrief("2027-03-09", people=TEAM), EARLY, tz=NY)
    thanks = [s for s in plan.steps if s.kind == "thank_you"]
    assert [s.to for s in thanks] == ["Tom Okafor", "Ava Lindqvist", "Priya Raman"]
    assert {(s.channel, s.note_kind) for s in thanks} == {("email", "thank_you")}


def test_one_check_in_in_a_fresh_plan(make_debrief: MakeDebrief) -> None:
    """A fresh plan has exactly one check-in, an e-mail carrying the check-in note."""
    plan = build_plan(make_debrief("2027-03-09", decision="2027-03-19", people=TEAM), EARLY, tz=NY)
    check_ins = [s for s in plan.steps if s.kind in ("check_in", "call")]
    assert [(s.kind, s.channel, s.note_kind) for s in check_ins] == [
        ("check_in", "email", "check_in")
    ]


@pytest.mark.parametrize(
    ("now", "status"),
    [
        ("2027-03-09T12:00:00-05:00", "pending"),
        ("2027-03-09T17:00:00-05:00", "due"),
        ("2027-03-10T16:59:00-05:00", "due"),
        ("2027-03-10T17:01:00-05:00", "overdue"),
    ],
)
def test_thank_you_status_follows_now(make_debrief: MakeDebrief, now: str, status: str) -> None:
    """Pending before the interview ends, due for 24 hours, then shown as overdue."""
    plan = build_plan(make_debrief("2027-03-09"), dt.datetime.fromisoformat(now), tz=NY)
    assert plan.steps[0].kind == "thank_you"
    assert plan.steps[0].status == status


def test_decision_date_in_the_past_leaves_the_check_in_overdue(make_debrief: MakeDebrief) -> None:
    """Planning after the decision date keeps the rule's date and marks the check-in overdue."""
    now = dt.datetime(2027, 3, 15, 12, 0, tzinfo=NY)
    plan = build_plan(make_debrief("2027-03-01", decision="2027-03-03"), now, tz=NY)
    check_in = next(s for s in plan.steps if s.kind == "check_in")
    assert check_in.due == dt.datetime(2027, 3, 5, 9, 0, tzinfo=NY)
    assert check_in.status == "overdue"
    assert plan.next_step is not None
    assert plan.next_step.kind == "thank_you"


def test_timeline_note_is_cancelled_once_the_deadline_has_passed(
    make_debrief: MakeDebrief,
) -> None:
    """A timeline note after your own deadline is moot: it is cancelled, with a warning."""
    now = dt.datetime(2027, 3, 22, 9, 0, tzinfo=NY)
    plan = build_plan(make_debrief("2027-03-09", deadline="2027-03-19"), now, tz=NY)
    timeline = next(s for s in plan.steps if s.kind == "timeline")
    assert timeline.status == "cancelled"
    assert any("deadline has passed" in w for w in plan.warnings)


def test_deadline_too_close_is_explained(make_debrief: MakeDebrief) -> None:
    """When no timeline note fits before the deadline, the plan says to mention it instead."""
    plan = build_plan(make_debrief("2027-03-09", deadline="2027-03-10"), EARLY, tz=NY)
    assert any("mention it in the thank-you note" in w for w in plan.warnings)


def test_naive_now_is_read_in_the_interview_zone(make_debrief: MakeDebrief) -> None:
    """A ``now`` without an offset means wall-clock time in the interview's zone."""
    debrief = make_debrief("2027-03-09")
    naive = build_plan(debrief, dt.datetime(2027, 3, 9, 16, 30), tz=BERLIN)
    aware = build_plan(debrief, dt.datetime(2027, 3, 9, 16, 30, tzinfo=BERLIN), tz=BERLIN)
    assert naive == aware
    assert naive.steps[0].status == "pending"


def test_the_same_plan_in_another_zone_keeps_local_times(make_debrief: MakeDebrief) -> None:
    """Times are local to the zone given: 17:00 in Tokyo is not 17:00 in New York."""
    debrief = make_debrief("2027-06-07")
    tokyo = build_plan(debrief, EARLY, tz=TOKYO).steps[0].due
    new_york = build_plan(debrief, EARLY, tz=NY).steps[0].due
    assert tokyo.hour == new_york.hour == 17
    assert new_york - tokyo == dt.timedelta(hours=13)
