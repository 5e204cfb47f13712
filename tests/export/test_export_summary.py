"""One wording for a step: the calendar's title line and the CLI's mid-line form agree."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from followup import service
from followup.cadence import Channel, Step, StepKind
from followup.export import step_summary

WHEN = dt.datetime(2027, 3, 10, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def step(kind: StepKind, channel: Channel = "email") -> Step:
    return Step(
        id=f"{kind}:priya-raman",
        kind=kind,
        to="Priya Raman",
        channel=channel,
        due=WHEN,
        latest=WHEN,
        status="pending",
        note_kind=None if kind == "call" else kind,
    )


@pytest.mark.parametrize(
    ("kind", "channel", "title", "inline"),
    [
        (
            "thank_you",
            "email",
            "Thank-you note to Priya Raman",
            "thank-you note to Priya Raman by email",
        ),
        ("check_in", "email", "Check-in e-mail to Priya Raman", "check-in e-mail to Priya Raman"),
        (
            "timeline",
            "email",
            "Timeline note to Priya Raman",
            "timeline note to Priya Raman by email",
        ),
        ("call", "call", "Call Priya Raman", "call Priya Raman"),
        ("call", "voicemail", "Voicemail for Priya Raman", "voicemail for Priya Raman"),
        (
            "rejection_reply",
            "email",
            "Reply to the rejection from Priya Raman",
            "reply to the rejection from Priya Raman by email",
        ),
    ],
)
def test_each_kind_has_one_wording_in_both_forms(
    kind: StepKind, channel: Channel, title: str, inline: str
) -> None:
    """The title names the step; the CLI's form is the same words mid-line, channel named once."""
    assert step_summary(step(kind, channel)) == title
    assert step_summary(step(kind, channel), inline=True) == inline
    assert service.step_summary(step(kind, channel)) == inline
