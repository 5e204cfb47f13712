"""``followup draft``: one note per person met, from a debrief file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

NAME = "draft"
HELP = "Draft one distinct note per interviewer from a debrief (YAML or JSON)."
ORDER = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "debrief", type=Path, metavar="DEBRIEF", help="debrief file (.yaml or .json)"
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="write DIR/<name>.txt per note")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"interviewer", "email", "subject", "body"}',
    )


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.debrief import load_debrief

    debrief = load_debrief(args.debrief)
    drafts = service.draft_loop(debrief)
    if args.json:
        payload = [
            {"interviewer": d.interviewer, "email": d.email, "subject": d.subject, "body": d.body}
            for d in drafts
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    elif args.out:
        for path in service.write_notes(drafts, args.out):
            print(path)
    else:
        for i, d in enumerate(drafts):
            if i:
                print("\n" + "-" * 72 + "\n")
            to = f"{d.interviewer} <{d.email}>" if d.email else d.interviewer
            print(f"To: {to}\n{service.note_text(d)}", end="")
    return 0
