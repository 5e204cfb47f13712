"""Planner and export speed: build_plan, a long silent chase, and the .ics export.

Prints figures; asserts nothing. Run: .venv/bin/python bench/plan.py
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from zoneinfo import ZoneInfo

from followup.cadence import CadenceSettings, OutcomeRecord, build_plan
from followup.debrief import load_debrief
from followup.export import plan_to_ics

ROOT = Path(__file__).resolve().parent.parent
ZONE = ZoneInfo("America/New_York")


def timed(fn: Callable[[], object], repeat: int = 200) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return median(samples) * 1000


def main() -> None:
    debrief = load_debrief(ROOT / "fixtures" / "debriefs" / "harborline.yaml")
    now = dt.datetime(2027, 3, 9, 12, tzinfo=ZONE)
    plan = build_plan(debrief, now, tz=ZONE)
    ms = timed(lambda: build_plan(debrief, now, tz=ZONE))
    print(f"build_plan, fresh 3-person loop: {ms:.3f} ms")

    # A patient user: ten strikes allowed, every contact sent and unanswered.
    settings = CadenceSettings(max_unanswered=10)
    history: list[OutcomeRecord] = []
    chased = build_plan(debrief, now, history, settings=settings, tz=ZONE)
    while chased.next_step is not None:
        step = chased.next_step
        history.append(OutcomeRecord(step_id=step.id, outcome="sent", at=step.due))
        chased = build_plan(debrief, step.due, history, settings=settings, tz=ZONE)
    ms = timed(lambda: build_plan(debrief, now, history, settings=settings, tz=ZONE))
    print(f"build_plan, {len(history)} outcomes recorded: {ms:.3f} ms")
    ms = timed(lambda: plan_to_ics(plan, debrief), 50)
    print(f"plan_to_ics, {len(plan.steps)} events: {ms:.3f} ms")


if __name__ == "__main__":
    main()
