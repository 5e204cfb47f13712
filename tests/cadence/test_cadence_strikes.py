"""Outcomes drive the plan: done steps, the chase, three strikes, rejection and offers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.cadence import CadenceSettings, OutcomeRecord, Plan, build_plan
from followup.debrief import Debrief

MakeDebrief = Callable[..., Debrief]
NY = ZoneInfo("America/New_York")
OPEN = ("pending", "due", "overdue")


def sent(step_id: str, when: str, outcome: str = "sent") -> OutcomeRecord:
    return OutcomeRecord.model_validate(
        {"step_id": step_id, "outcome": outcome, "at": dt.datetime.fromisoformat(when)}
    )


def open_steps(plan: Plan) -> list[str]:
    return [s.id for s in plan.steps if s.status in OPEN]


def priya(invited: bool = True) -> list[dict[str, Any]]:
    return [{"name": "Priya Raman", "role": "hiring_manager", "invited_to_call": invited}]


TEAM = [
    {"name": "Priya Raman", "role": "hiring_manager"},
    {"name": "Tom Okafor", "role": "peer"},
    {"name": "Dana Whitfield", "role": "assistant"},
]
NOW = dt.datetime(2027, 3, 24, 15, 0, tzinfo=NY)
LATER = dt.datetime(2027, 4, 7, 15, 0, tzinfo=NY)
TY = sent("thank_you:priya-raman", "2027-03-09T18:00:00-05:00")
CI = sent("check_in:priya-raman", "2027-03-23T10:00:00-04:00")
# The chase after CI to Priya, who invited calls: five business days apart.
CALL2 = sent("call:priya-raman:2", "2027-03-30T11:00:00-04:00")
CALL3 = sent("call:priya-raman:3", "2027-04-06T11:00:00-04:00")


def test_sent_steps_are_done(make_debrief: MakeDebrief) -> None:
    """A step recorded as sent is done and no longer the next step; a thank-you is no strike."""
    plan = build_plan(make_debrief("2027-03-09", decision="2027-03-19"), NOW, [TY], tz=NY)
    assert plan.steps[0].id == "thank_you:priya-raman"
    assert plan.steps[0].status == "done"
    assert plan.next_step is not None
    assert plan.next_step.id == "check_in:priya-raman"
    assert (plan.state, plan.unanswered) == ("active", 0)


def test_unanswered_check_in_to_a_person_who_invited_calls_is_followed_by_a_call(
    make_debrief: MakeDebrief,
) -> None:
    """After a silent check-in, the next contact is a call in the window, five business days on."""
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=priya(invited=True))
    plan = build_plan(debrief, NOW, [TY, CI], tz=NY)
    assert plan.next_step is not None
    step = plan.next_step
    assert (step.id, step.kind, step.channel, step.note_kind) == (
        "call:priya-raman:2",
        "call",
        "call",
        None,
    )
    assert step.due == dt.datetime(2027, 3, 30, 9, 0, tzinfo=NY)
    assert step.latest == dt.datetime(2027, 4, 1, 17, 0, tzinfo=NY)


def test_people_who_did_not_invite_calls_get_an_email_follow_up(make_debrief: MakeDebrief) -> None:
    """Without an invitation to call, the follow-up after a silent check-in is another e-mail."""
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=priya(invited=False))
    plan = build_plan(debrief, NOW, [TY, CI], tz=NY)
    assert plan.next_step is not None
    assert (plan.next_step.id, plan.next_step.channel) == ("check_in:priya-raman:2", "email")
    assert not [s for s in plan.steps if s.channel in ("call", "voicemail")]


def test_three_unanswered_follow_ups_end_the_plan(make_debrief: MakeDebrief) -> None:
    """Two silent follow-ups leave the third planned; the third moves the loop on for good."""
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=priya())
    two = build_plan(debrief, LATER, [TY, CI, CALL2], tz=NY)
    assert (two.state, two.unanswered) == ("active", 2)
    assert two.next_step is not None
    assert two.next_step.id == "call:priya-raman:3"
    assert two.next_step.due == dt.datetime(2027, 4, 6, 9, 0, tzinfo=NY)
    plan = build_plan(debrief, LATER, [TY, CI, CALL2, CALL3], tz=NY)
    assert (plan.state, plan.unanswered, plan.next_step) == ("moved_on", 3, None)
    assert open_steps(plan) == []


def test_three_silent_thank_yous_in_a_team_loop_do_not_move_the_loop_on(
    make_debrief: MakeDebrief,
) -> None:
    """Thank-you notes ask for nothing: three unanswered ones are no strikes, the check-in waits."""
    outcomes = [
        sent(f"thank_you:{slug}", "2027-03-09T18:00:00-05:00")
        for slug in ("priya-raman", "tom-okafor", "dana-whitfield")
    ]
    day_after = dt.datetime(2027, 3, 10, 15, 0, tzinfo=NY)
    plan = build_plan(make_debrief("2027-03-09", people=TEAM), day_after, outcomes, tz=NY)
    assert (plan.state, plan.unanswered, plan.warnings) == ("active", 0, ())
    assert [s.status for s in plan.steps if s.kind == "check_in"] == ["pending"]
    assert plan.next_step is not None
    assert plan.next_step.id == "check_in:priya-raman"


def test_a_thank_you_sent_after_a_check_in_does_not_delay_the_chase(
    make_debrief: MakeDebrief,
) -> None:
    """The chase counts its five business days from the check-in, not from a later thank-you."""
    people = [*priya(), {"name": "Tom Okafor", "role": "peer"}]
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=people)
    late_thanks = sent("thank_you:tom-okafor", "2027-03-25T10:00:00-04:00")
    plan = build_plan(debrief, NOW, [TY, CI, late_thanks], tz=NY)
    assert (plan.state, plan.unanswered) == ("active", 1)
    assert plan.next_step is not None
    assert plan.next_step.id == "call:priya-raman:2"
    assert plan.next_step.due == dt.datetime(2027, 3, 30, 9, 0, tzinfo=NY)


def test_a_reply_clears_the_strikes(make_debrief: MakeDebrief) -> None:
    """A reply resets the count; the chase then runs to three fresh silent follow-ups."""
    debrief = make_debrief(
        "2027-03-09", decision="2027-03-19", deadline="2027-03-17", people=priya(invited=False)
    )
    timeline = sent("timeline:priya-raman", "2027-03-10T10:00:00-05:00")
    reply = sent("timeline:priya-raman", "2027-03-11T09:00:00-05:00", "replied")
    chase = [CI, sent("check_in:priya-raman:2", "2027-03-30T10:00:00-04:00")]
    unreplied = build_plan(debrief, LATER, [TY, timeline, *chase], tz=NY)
    assert (unreplied.state, unreplied.unanswered) == ("moved_on", 3)
    history = [TY, timeline, reply, *chase]
    plan = build_plan(debrief, LATER, history, tz=NY)
    assert (plan.state, plan.unanswered) == ("active", 2)
    assert open_steps(plan) == ["check_in:priya-raman:3"]
    third = sent("check_in:priya-raman:3", "2027-04-06T10:00:00-04:00")
    finished = build_plan(debrief, LATER, [*history, third], tz=NY)
    assert (finished.state, finished.unanswered) == ("moved_on", 3)


def test_a_late_reply_reopens_a_moved_on_loop_without_new_chasing(
    make_debrief: MakeDebrief,
) -> None:
    """A reply after three strikes makes the loop active again, with nothing left to chase."""
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=priya())
    history = [TY, CI, CALL2, CALL3]
    assert build_plan(debrief, LATER, history, tz=NY).state == "moved_on"
    reply = sent("call:priya-raman:3", "2027-04-07T09:00:00-04:00", "replied")
    plan = build_plan(debrief, LATER, [*history, reply], tz=NY)
    assert (plan.state, plan.unanswered, open_steps(plan)) == ("active", 0, [])


def test_rejection_offers_a_reply_the_next_business_day(make_debrief: MakeDebrief) -> None:
    """A rejection cancels what was pending and plans a gracious reply within a business day."""
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=TEAM)
    history = [TY, sent("check_in:priya-raman", "2027-03-24T14:00:00-04:00", "rejected")]
    plan = build_plan(debrief, NOW, history, tz=NY)
    assert plan.state == "rejected"
    reply = plan.next_step
    assert reply is not None
    assert (reply.id, reply.kind, reply.to, reply.channel, reply.note_kind) == (
        "rejection_reply:priya-raman",
        "rejection_reply",
        "Priya Raman",
        "email",
        "rejection_reply",
    )
    assert reply.due == dt.datetime(2027, 3, 25, 9, 0, tzinfo=NY)
    assert reply.latest == dt.datetime(2027, 3, 29, 17, 0, tzinfo=NY)
    assert open_steps(plan) == ["rejection_reply:priya-raman"]


def test_rejection_reply_goes_to_whoever_sent_the_rejection(make_debrief: MakeDebrief) -> None:
    """A rejection recorded on the coordinator's step is answered to the coordinator."""
    debrief = make_debrief("2027-03-09", people=TEAM)
    history = [sent("thank_you:dana-whitfield", "2027-03-12T10:00:00-05:00", "rejected")]
    plan = build_plan(debrief, NOW, history, tz=NY)
    assert [s.to for s in plan.steps if s.kind == "rejection_reply"] == ["Dana Whitfield"]


@pytest.mark.parametrize("outcome", ["offer", "withdrawn"])
def test_offer_or_withdrawal_closes_the_loop(make_debrief: MakeDebrief, outcome: str) -> None:
    """An offer or a withdrawal is final: every open step is cancelled."""
    history = [sent("thank_you:priya-raman", "2027-03-15T10:00:00-04:00", outcome)]
    plan = build_plan(make_debrief("2027-03-09"), NOW, history, tz=NY)
    assert (plan.state, plan.next_step, open_steps(plan)) == (outcome, None, [])


def test_voicemail_setting_plans_calls_after_hours(make_debrief: MakeDebrief) -> None:
    """With call_channel=voicemail, the call waits for the window's close and ends by 20:30."""
    settings = CadenceSettings(call_channel="voicemail")
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=priya())
    step = build_plan(debrief, NOW, [TY, CI], settings=settings, tz=NY).next_step
    assert step is not None
    assert (step.kind, step.channel) == ("call", "voicemail")
    assert step.due == dt.datetime(2027, 3, 30, 17, 0, tzinfo=NY)
    assert step.latest == dt.datetime(2027, 4, 1, 20, 30, tzinfo=NY)


def test_no_second_contact_on_a_day_someone_was_already_contacted(
    make_debrief: MakeDebrief,
) -> None:
    """A thank-you sent late on the check-in's day pushes the check-in to the next business day."""
    late = sent("thank_you:priya-raman", "2027-03-23T08:00:00-04:00")
    plan = build_plan(make_debrief("2027-03-09", decision="2027-03-19"), NOW, [late], tz=NY)
    check_in = next(s for s in plan.steps if s.id == "check_in:priya-raman")
    assert check_in.due == dt.datetime(2027, 3, 24, 9, 0, tzinfo=NY)
    assert check_in.latest == dt.datetime(2027, 3, 26, 17, 0, tzinfo=NY)


@pytest.mark.parametrize(("people", "limit"), [(priya(), 3), (TEAM, 3), (priya(), 5)])
def test_sending_every_next_step_without_reply_stops_after_the_limit(
    make_debrief: MakeDebrief, people: list[dict[str, Any]], limit: int
) -> None:
    """A silent employer: every thank-you, then exactly ``max_unanswered`` follow-ups, then done."""
    settings = CadenceSettings(max_unanswered=limit)
    debrief = make_debrief("2027-03-09", decision="2027-03-19", people=people)
    history: list[OutcomeRecord] = []
    follow_ups: list[str] = []
    now = dt.datetime(2027, 3, 9, 9, 0, tzinfo=NY)
    plan = build_plan(debrief, now, history, settings=settings, tz=NY)
    while plan.next_step is not None:
        step = plan.next_step
        history.append(OutcomeRecord(step_id=step.id, outcome="sent", at=step.due))
        if step.kind != "thank_you":
            follow_ups.append(step.id)
        now = step.due
        plan = build_plan(debrief, now, history, settings=settings, tz=NY)
        assert len(follow_ups) <= limit
        assert plan.unanswered == len(follow_ups)
    chase = "call" if debrief.interviewers[0].invited_to_call else "check_in"
    expected = ["check_in:priya-raman"] + [f"{chase}:priya-raman:{n}" for n in range(2, limit + 1)]
    assert (plan.state, follow_ups) == ("moved_on", expected)
    assert len(history) == len(people) + limit


def test_namesakes_get_distinct_step_ids(make_debrief: MakeDebrief) -> None:
    """Two people with the same name still get separate, stable step ids."""
    people = [{"name": "Alex Kim"}, {"name": "Alex Kim", "email": "alex2@example.com"}]
    plan = build_plan(make_debrief("2027-03-09", people=people), NOW, tz=NY)
    thanks = [s.id for s in plan.steps if s.kind == "thank_you"]
    assert thanks == ["thank_you:alex-kim", "thank_you:alex-kim-2"]
