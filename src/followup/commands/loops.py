"""``followup loops``: list the interview loops kept in the local store."""

from __future__ import annotations

import argparse
import json

NAME = "loops"
HELP = "List the interview loops in the local store."
ORDER = 31


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list")


def run(args: argparse.Namespace) -> int:
    from followup.store import Store

    with Store.open() as store:
        loops = store.list_loops()
    if args.json:
        print(json.dumps([s.model_dump(mode="json") for s in loops], indent=2, ensure_ascii=False))
        return 0
    if not loops:
        print("no loops saved yet; `followup save DEBRIEF` adds one")
        return 0
    print(f"{'ID':>4}  {'DATE':<10}  {'STATE':<9}  {'VERS':>4}  {'DRAFTS':>6}  COMPANY, ROLE")
    for s in loops:
        print(
            f"{s.loop_id:>4}  {s.interview_date.isoformat():<10}  {s.state:<9}  "
            f"{s.debrief_versions:>4}  {s.draft_versions:>6}  {s.company}, {s.role}"
        )
    return 0
