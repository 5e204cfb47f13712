"""``followup status``: the active loops with their next action, soonest first."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.service import LoopStatus

NAME = "status"
HELP = "List active loops with their next action and date; warn when fewer than six are active."
ORDER = 33


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now", metavar="ISO", help="plan as of this moment (default now; no zone means local)"
    )
    parser.add_argument("--json", action="store_true", help="print the status as JSON")


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.store import Store

    now = service.parse_when(args.now, field="--now")
    with Store.open() as store:
        status = service.tracker_status(store, now)
    if args.json:
        payload = {
            "now": status.now.isoformat(),
            "active": [_loop_json(s) for s in status.active],
            "closed": [_loop_json(s) for s in status.closed],
            "warning": status.warning,
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if not status.active:
        print("no active loops; `followup save DEBRIEF` adds one")
    for s in status.active:
        step = s.plan.next_step
        head = f"loop {s.loop_id:>3}  {s.company}, {s.role}"
        if step is None:
            print(f"{'-':<16}  {head}: nothing scheduled")
            continue
        due = step.due.astimezone(now.tzinfo)
        print(
            f"{due:%Y-%m-%d %H:%M}  {head}: {service.step_summary(step)} [{step.status}] "
            f"(step {step.id})"
        )
    if status.closed:
        print(f"({len(status.closed)} closed loop(s) not shown; `followup loops` lists all)")
    if status.warning:
        print(f"followup: warning: {status.warning}", file=sys.stderr)
    return 0


def _loop_json(status: LoopStatus) -> dict[str, object]:
    step = status.plan.next_step
    return {
        "loop_id": status.loop_id,
        "company": status.company,
        "role": status.role,
        "state": status.plan.state,
        "next_step": None if step is None else step.model_dump(mode="json"),
    }
