"""``followup tone``: does a note's tone fit? The linter's findings and, with a model, its read."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from followup.commands._options import add_model_options

NAME = "tone"
HELP = (
    "Check a note's tone: the linter's findings, plus a model's one-paragraph read if configured."
)
ORDER = 26


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "note", metavar="NOTE", help="note file, '-' for standard input, or the note text itself"
    )
    parser.add_argument(
        "--expected",
        choices=("formal", "friendly", "familylike"),
        default="formal",
        help="the tone of the conversation the note should mirror (default formal)",
    )
    add_model_options(parser, "linter only, or also ask a model")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def _read_note(arg: str) -> str:
    from followup.errors import InputError

    if arg == "-":
        return sys.stdin.read()
    path = Path(arg)
    if "\n" not in arg and len(arg) < 4096 and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the note ({type(exc).__name__})", source=arg) from None
    return arg


def run(args: argparse.Namespace) -> int:
    from followup.drafting.tone import tone_check
    from followup.settings import load_settings
    from followup.store import Store

    settings = load_settings(backend=args.backend, model=args.model, base_url=args.base_url)
    note = _read_note(args.note)
    with Store.open(settings) as store:
        report = tone_check(note, args.expected, settings=settings, store=store)
    if args.json:
        payload = report.model_dump(mode="json", exclude={"findings"})
        payload["findings"] = [f.model_dump(mode="json") for f in report.findings]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    if not report.findings:
        print(f"No findings against the expected {report.expected} tone.")
    for f in report.findings:
        print(f"{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]")
    if report.model_read:
        print(f"\n{report.model} reads it so: {report.model_read}")
    if report.model_error:
        print(f"followup: no model read: {report.model_error}", file=sys.stderr)
    return 0
