"""Outcomes per plan step in the store, and the loop state they imply."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest

from followup.cadence import Outcome, OutcomeRecord
from followup.commands.record import OUTCOMES
from followup.debrief import Debrief
from followup.errors import InputError
from followup.store import Store

EST = dt.timezone(dt.timedelta(hours=-5))
AT = dt.datetime(2027, 3, 9, 18, 0, tzinfo=EST)


def test_outcomes_round_trip_in_time_order(store: Store, debrief: Debrief) -> None:
    """Recorded outcomes come back as OutcomeRecords ordered by when they happened."""
    loop = store.save_debrief(debrief).loop_id
    later = AT + dt.timedelta(days=2)
    store.record_outcome(loop, "check_in:priya-raman", "sent", later)
    store.record_outcome(loop, "thank_you:priya-raman", "sent", AT)
    assert store.outcomes(loop) == [
        OutcomeRecord(step_id="thank_you:priya-raman", outcome="sent", at=AT),
        OutcomeRecord(step_id="check_in:priya-raman", outcome="sent", at=later),
    ]


def test_outcomes_are_per_loop(store: Store, debrief: Debrief) -> None:
    """An outcome recorded on one loop does not appear on another."""
    a = store.save_debrief(debrief).loop_id
    b = store.save_debrief(debrief).loop_id
    store.record_outcome(a, "thank_you:tom-okafor", "sent", AT)
    assert store.outcomes(b) == []
    assert len(store.outcomes(a)) == 1


def test_bad_outcome_and_naive_time_are_refused(store: Store, debrief: Debrief) -> None:
    """An unknown outcome or a time without a zone is an InputError, and nothing is stored."""
    loop = store.save_debrief(debrief).loop_id
    with pytest.raises(InputError, match=r"^outcome: "):
        store.record_outcome(loop, "thank_you:tom-okafor", "ghosted", AT)
    with pytest.raises(InputError, match=r"^at: input should have timezone info$"):
        store.record_outcome(loop, "thank_you:tom-okafor", "sent", dt.datetime(2027, 3, 9, 18))
    with pytest.raises(InputError, match=r"^no loop 42"):
        store.record_outcome(42, "thank_you:tom-okafor", "sent", AT)
    assert store.outcomes(loop) == []


def test_latest_terminal_outcome_sets_listed_state(store: Store, debrief: Debrief) -> None:
    """The loop list's state is the latest of rejected/offer/withdrawn, else active."""
    loop = store.save_debrief(debrief).loop_id
    store.record_outcome(loop, "thank_you:priya-raman", "sent", AT)
    assert store.list_loops()[0].state == "active"
    store.record_outcome(loop, "check_in:priya-raman", "rejected", AT + dt.timedelta(days=9))
    store.record_outcome(loop, "check_in:priya-raman", "offer", AT + dt.timedelta(days=3))
    assert store.list_loops()[0].state == "rejected"


def test_cli_outcome_choices_match_the_planner() -> None:
    """The record command offers exactly the planner's outcomes."""
    assert set(OUTCOMES) == set(get_args(Outcome))
