"""``followup draft``: one note per person met, from a debrief file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from followup.commands._options import add_model_options

if TYPE_CHECKING:
    from followup.debrief import Debrief
    from followup.drafting.base import Draft

NAME = "draft"
HELP = "Draft one distinct note per interviewer from a debrief (YAML or JSON)."
ORDER = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "debrief", type=Path, metavar="DEBRIEF", help="debrief file (.yaml or .json)"
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="write DIR/<name>.txt per note")
    parser.add_argument(
        "--eml",
        type=Path,
        metavar="DIR",
        help="also write DIR/<name>.eml per note: unsent drafts your mail client opens",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"interviewer", "email", "subject", "body", "findings"}',
    )
    parser.add_argument(
        "--kind",
        choices=("thank_you", "check_in", "timeline", "rejection_reply"),
        default="thank_you",
        help="which note to draft (default thank_you)",
    )
    add_model_options(parser, "offline (default) or a model")
    parser.add_argument(
        "--max-concurrency", type=int, metavar="N", help="notes drafted at once (default 4)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print each rendered prompt and its token count; send nothing",
    )


def run(args: argparse.Namespace) -> int:
    from followup import service
    from followup.debrief import load_debrief

    debrief = load_debrief(args.debrief)
    drafts = _draft(debrief, args)
    if drafts is None:
        return 0
    if args.eml:
        paths = service.write_eml(drafts, debrief.candidate, args.eml)
        print(f"followup: wrote {len(paths)} .eml draft(s) to {args.eml}", file=sys.stderr)
    findings = service.lint_drafts(debrief, drafts)
    if args.json:
        payload = [
            {
                "interviewer": d.interviewer,
                "email": d.email,
                "subject": d.subject,
                "body": d.body,
                "backend": d.backend,
                "fallback_reason": d.fallback_reason,
                "repair_rounds": d.repair_rounds,
                "findings": [f.model_dump(mode="json") for f in found],
            }
            for d, found in zip(drafts, findings, strict=True)
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    elif args.out:
        for path, found in zip(service.write_notes(drafts, args.out), findings, strict=True):
            print(path)
            # The file holds "Subject: ..." and a blank line above the body.
            for f in found:
                print(f"{path}:{f.line + 2}:{f.column}: {f.severity} {f.rule}: {f.message}")
    else:
        for i, (d, found) in enumerate(zip(drafts, findings, strict=True)):
            if i:
                print("\n" + "-" * 72 + "\n")
            to = f"{d.interviewer} <{d.email}>" if d.email else d.interviewer
            print(f"To: {to}\n{service.note_text(d)}", end="")
            for f in found:
                print(f"lint: body {f.line}:{f.column}: {f.severity} {f.rule}: {f.message}")
    return 0


def _draft(debrief: Debrief, args: argparse.Namespace) -> list[Draft] | None:
    """The loop's notes; with ``--dry-run``, print the prompts instead and return None."""
    from followup import service
    from followup.drafting.prompts import estimate
    from followup.settings import load_settings

    settings = load_settings(
        backend=args.backend,
        model=args.model,
        base_url=args.base_url,
        max_concurrency=args.max_concurrency,
    )
    if args.dry_run:
        est = estimate(debrief, settings, args.kind)
        for prompt in est.prompts:
            print(f"=== {prompt.interviewer}: {prompt.tokens:,} prompt tokens ===")
            for role, text in prompt.messages:
                print(f"--- {role} ---\n{text}\n")
        for notice in est.notices:
            print(f"notice: {notice}")
        print(est.summary())
        return None
    if settings.backend == "offline":
        return service.draft_loop(debrief, kind=args.kind)
    from followup.store import Store

    with Store.open(settings) as store:
        drafter = service.make_drafter(settings, store)
        est = estimate(debrief, settings, args.kind)
        print(f"followup: sending {est.summary()}", file=sys.stderr)
        for notice in est.notices:
            print(f"followup: notice: {notice}", file=sys.stderr)
        drafts = service.draft_loop(debrief, drafter, args.kind)
    for d in drafts:
        if d.fallback_reason:
            print(f"followup: {d.interviewer}: {d.fallback_reason}", file=sys.stderr)
    return drafts
