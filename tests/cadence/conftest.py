"""Builders for the planner's tests: small debriefs with only the dates that matter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from followup.debrief import Debrief

MakeDebrief = Callable[..., Debrief]


def build_debrief(
    date: str,
    *,
    decision: str | None = None,
    deadline: str | None = None,
    people: list[dict[str, Any]] | None = None,
) -> Debrief:
    """A debrief for an interview on ``date`` (ISO) with the given people."""
    people = people or [
        {"name": "Priya Raman", "role": "hiring_manager", "email": "priya@example.com"}
    ]
    interview: dict[str, Any] = {"company": "Acme", "role": "Analyst", "date": date}
    if decision:
        interview["decision_expected"] = decision
    candidate: dict[str, Any] = {"name": "Morgan Hale", "email": "morgan@example.com"}
    if deadline:
        candidate["decision_deadline"] = deadline
    return Debrief.model_validate(
        {"candidate": candidate, "interview": interview, "interviewers": people}
    )


@pytest.fixture
def make_debrief() -> MakeDebrief:
    """The ``build_debrief`` factory."""
    return build_debrief
