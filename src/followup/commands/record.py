"""``followup record``: note what happened at one step of a loop's plan."""

from __future__ import annotations

import argparse

NAME = "record"
HELP = "Record an outcome (sent, replied, rejected, offer, withdrawn) for a step of a loop's plan."
ORDER = 32

# followup.cadence.Outcome, repeated so that --help imports nothing (a test keeps them equal).
OUTCOMES = ("sent", "replied", "rejected", "offer", "withdrawn")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("loop", type=int, metavar="LOOP", help="loop id (see `followup loops`)")
    parser.add_argument(
        "step", metavar="STEP", help="step id from the plan, e.g. thank_you:priya-raman"
    )
    parser.add_argument("outcome", choices=OUTCOMES, metavar="OUTCOME", help=" | ".join(OUTCOMES))
    parser.add_argument(
        "--at", metavar="ISO", help="when it happened (default now; no zone means local time)"
    )


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.store import Store

    at = service.parse_when(args.at, field="--at")
    with Store.open() as store:
        plan = service.record_outcome(store, args.loop, args.step, args.outcome, at)
    print(f"loop {args.loop}: {args.step} {args.outcome} at {at.isoformat(timespec='minutes')}")
    step = plan.next_step
    if step is None:
        print(f"nothing left to do (loop {plan.state.replace('_', ' ')})")
    else:
        print(f"next: {service.step_summary(step)}, due {step.due:%Y-%m-%d %H:%M}")
    return 0
