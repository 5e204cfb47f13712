"""``followup save``: keep a debrief in the local store, as a new loop or a new version."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "save"
HELP = "Save a debrief in the local store as a new loop (or a new version of one); prints its id."
ORDER = 30


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "debrief", type=Path, metavar="DEBRIEF", help="debrief file (.yaml or .json)"
    )
    parser.add_argument(
        "--loop", type=int, metavar="ID", help="save as the next version of loop ID"
    )


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.debrief import load_debrief
    from followup.store import Store

    debrief = load_debrief(args.debrief)
    with Store.open() as store:
        saved = service.save_debrief(store, debrief, args.loop)
    print(saved.loop_id)
    print(f"saved loop {saved.loop_id}, version {saved.version}", file=sys.stderr)
    return 0
