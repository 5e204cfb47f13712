"""``followup plan``: when to send which note, or make which call, to whom."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from followup.cadence import CadenceSettings, Plan

NAME = "plan"
HELP = "Plan the follow-ups of a debrief: thank-you notes, check-in, timeline note, calls."
ORDER = 20


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "debrief", type=Path, metavar="DEBRIEF", help="debrief file (.yaml or .json)"
    )
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="plan as of this moment, e.g. 2027-03-10T09:30 (default now; "
        "no UTC offset means the interview's zone)",
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        help="the interview's time zone, e.g. Europe/Berlin "
        "(default $FOLLOWUP_TZ, else this machine's zone)",
    )
    parser.add_argument(
        "--holidays",
        type=Path,
        metavar="FILE",
        help="days off besides weekends: one ISO date per line, # comments allowed",
    )
    parser.add_argument(
        "--voicemail",
        action="store_true",
        help="plan calls after hours (until 20:30) as voicemails, for when you work days",
    )
    parser.add_argument("--ics", type=Path, metavar="FILE", help="also write the plan as .ics")
    parser.add_argument(
        "--markdown", type=Path, metavar="FILE", help="also write a Markdown summary of the plan"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"steps": [{"kind", "to", "channel", "due", "latest", "status"}], ...}',
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="say which rule put each step there, and list the settings with their reasons",
    )


def _write(path: Path, data: bytes | str) -> None:
    from followup.errors import InputError

    try:
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.cadence import CadenceSettings, local_zone, parse_holidays, resolve_zone
    from followup.debrief import load_debrief
    from followup.errors import InputError

    debrief = load_debrief(args.debrief)
    zone = resolve_zone(args.tz, source="--tz") if args.tz else local_zone()
    holidays: frozenset[dt.date] = frozenset()
    if args.holidays:
        try:
            text = args.holidays.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "cannot be read as UTF-8 text"
            raise InputError(reason, source=str(args.holidays)) from None
        holidays = parse_holidays(text, source=str(args.holidays))
    settings = CadenceSettings(
        holidays=holidays, call_channel="voicemail" if args.voicemail else "call"
    )
    now = service.parse_when(args.now, field="--now", zone=zone)
    plan = service.plan_loop(debrief, now, settings=settings, tz=zone)

    if args.ics:
        from followup.export import plan_to_ics

        _write(args.ics, plan_to_ics(plan, debrief))
    if args.markdown:
        from followup.export import loop_markdown

        _write(args.markdown, loop_markdown(debrief, [], plan))
    if args.json:
        print(json.dumps(_plan_json(plan), indent=2, ensure_ascii=False))
    else:
        _print_plan(plan, debrief.interview.company, debrief.interview.role, args.explain)
        if args.explain:
            _print_settings(settings)
    return 0


def _plan_json(plan: Plan) -> dict[str, object]:
    return {
        "steps": [
            {
                "kind": step.kind,
                "to": step.to,
                "channel": step.channel,
                "due": step.due.isoformat(),
                "latest": step.latest.isoformat(),
                "status": step.status,
            }
            for step in plan.steps
        ],
        "state": plan.state,
        "zone": plan.zone,
        "warnings": list(plan.warnings),
    }


def _print_plan(plan: Plan, company: str, role: str, explain: bool) -> None:
    from followup.export import step_summary

    print(f"{company}, {role}: {plan.state.replace('_', ' ')} (times in {plan.zone})")
    rows = [
        (
            f"{step.due:%a %Y-%m-%d %H:%M}",
            f"{step.latest:%a %Y-%m-%d %H:%M}",
            step.status,
            step_summary(step),
            step.channel,
            step.id,
        )
        for step in plan.steps
    ]
    header = ("due", "latest", "status", "step", "channel", "id")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row, step in zip([header, *rows], [None, *plan.steps], strict=True):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if explain and step is not None and step.reason:
            print(f"    why: {step.reason}")
    for warning in plan.warnings:
        print(f"note: {warning}")


def _print_settings(settings: CadenceSettings) -> None:
    from followup.cadence import settings_table

    print("\nsettings:")
    for name, value, reason in settings_table(settings):
        print(f"  {name} = {value}\n    {reason}")
