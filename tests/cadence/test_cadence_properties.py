"""Properties over random dates, zones, holidays and silent employers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.cadence import CadenceSettings, OutcomeRecord, Plan, Step, build_plan
from followup.debrief import Debrief

ZONES = [
    "America/New_York",
    "America/Los_Angeles",
    "America/Santiago",
    "Europe/Berlin",
    "Europe/London",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
]
OPEN = ("pending", "due", "overdue")


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Debrief, CadenceSettings, ZoneInfo, int]:
    date = draw(st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)))
    offset = st.one_of(st.none(), st.integers(-5, 40))
    decision, deadline = draw(offset), draw(offset)
    people = [
        {
            "name": f"Person {chr(65 + i)}",
            "role": role,
            "invited_to_call": draw(st.booleans()),
        }
        for i, role in enumerate(
            draw(
                st.lists(
                    st.sampled_from(["decision_maker", "hiring_manager", "peer", "assistant"]),
                    min_size=1,
                    max_size=3,
                )
            )
        )
    ]
    interview: dict[str, object] = {"company": "Acme", "role": "Analyst", "date": date}
    candidate: dict[str, object] = {"name": "Morgan Hale"}
    if decision is not None:
        interview["decision_expected"] = date + dt.timedelta(days=decision)
    if deadline is not None:
        candidate["decision_deadline"] = date + dt.timedelta(days=deadline)
    debrief = Debrief.model_validate(
        {"candidate": candidate, "interview": interview, "interviewers": people}
    )
    holidays = frozenset(
        date + dt.timedelta(days=n) for n in draw(st.lists(st.integers(0, 60), max_size=8))
    )
    cadence = CadenceSettings(
        holidays=holidays, call_channel=draw(st.sampled_from(["call", "voicemail"]))
    )
    zone = ZoneInfo(draw(st.sampled_from(ZONES)))
    # Up to three thank-yous plus four follow-ups: enough sends to pass the three strikes.
    return debrief, cadence, zone, draw(st.integers(0, 7))


def business_day(day: dt.date, cadence: CadenceSettings) -> bool:
    return day.weekday() in cadence.workdays and day not in cadence.holidays


def check_step(step: Step, debrief: Debrief, cadence: CadenceSettings, zone: ZoneInfo) -> None:
    due, latest = step.due.astimezone(zone), step.latest.astimezone(zone)
    assert due.utcoffset() == step.due.utcoffset()  # expressed in the interview's zone
    assert due <= latest
    person = next(p for p in debrief.interviewers if p.name == step.to)
    if step.kind == "thank_you":
        interview_day = debrief.interview.date
        end = dt.datetime.combine(interview_day, cadence.interview_ends_at)
        assert due.date() == interview_day
        assert latest.replace(tzinfo=None) <= end + dt.timedelta(hours=24)
        assert business_day(latest.date(), cadence) or latest.date() == interview_day
        return
    assert business_day(due.date(), cadence), step
    assert business_day(latest.date(), cadence), step
    if step.channel == "voicemail":
        low, high = cadence.window_end, cadence.after_hours_until
    else:
        low, high = cadence.window_start, cadence.window_end
    assert low <= due.time() <= high, step
    assert low <= latest.time() <= high, step
    if step.channel in ("call", "voicemail"):
        assert person.invited_to_call
    deadline = debrief.candidate.decision_deadline
    if step.kind == "timeline":
        assert deadline is not None
        assert due.date() < deadline


def check_plan(plan: Plan, debrief: Debrief, cadence: CadenceSettings, zone: ZoneInfo) -> None:
    for step in plan.steps:
        check_step(step, debrief, cadence, zone)
    seen: set[tuple[str, dt.date]] = set()
    for step in plan.steps:
        if step.status in OPEN:
            key = (step.to, step.due.astimezone(zone).date())
            assert key not in seen, f"two contacts to {key}"
            seen.add(key)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_step_on_a_day_off_or_outside_its_window(
    scenario: tuple[Debrief, CadenceSettings, ZoneInfo, int],
) -> None:
    """Steps sit on business days in their windows; one contact a person a day; calls invited."""
    debrief, cadence, zone, sends = scenario
    history: list[OutcomeRecord] = []
    now = dt.datetime.combine(debrief.interview.date, dt.time(8), tzinfo=zone)
    plan = build_plan(debrief, now, history, settings=cadence, tz=zone)
    check_plan(plan, debrief, cadence, zone)
    for _ in range(sends):
        if plan.next_step is None:
            break
        history.append(
            OutcomeRecord(step_id=plan.next_step.id, outcome="sent", at=plan.next_step.due)
        )
        plan = build_plan(debrief, plan.next_step.due, history, settings=cadence, tz=zone)
        check_plan(plan, debrief, cadence, zone)
    # Thank-you notes ask for nothing, so only the follow-ups sent are strikes.
    strikes = sum(not r.step_id.startswith("thank_you:") for r in history)
    assert plan.unanswered == strikes
    if strikes >= cadence.max_unanswered:
        assert plan.state == "moved_on"
        assert plan.next_step is None
    else:
        assert plan.state == "active"
        assert plan.next_step is not None
