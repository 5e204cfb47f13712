"""``followup lint``: check notes the way a career coach would, before you send them."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.debrief import Debrief, Interviewer
    from followup.lint import Finding

NAME = "lint"
HELP = "Lint follow-up notes; the files given together are one loop, compared for duplication."
ORDER = 20

# A note is a few kilobytes; this only keeps a wrong file from hanging the run.
MAX_NOTE_BYTES = 200_000


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notes", type=Path, nargs="+", metavar="NOTE", help="note files (text)")
    parser.add_argument(
        "--debrief",
        type=Path,
        metavar="DEBRIEF",
        help="debrief of the loop: enables the accuracy, first-name and topic checks",
    )
    parser.add_argument(
        "--to", metavar="NAME", help="the person the (single) note is for, as in the debrief"
    )
    parser.add_argument("--json", action="store_true", help='print {"findings": [...]}')
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding is at least this severe (default error)",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="turn a rule or a whole category off (repeatable); see `followup rules`",
    )


def _read(path: Path) -> str:
    from followup.files import decode_utf8, read_limited

    return decode_utf8(read_limited(path, limit=MAX_NOTE_BYTES, what="note"), source=str(path))


def _person(debrief: Debrief, name: str) -> Interviewer:
    from followup.errors import InputError
    from followup.text import slugify

    wanted = slugify(name)
    for exact in (True, False):
        fits = [
            p
            for p in debrief.interviewers
            if (slugify(p.name) == wanted)
            or (not exact and wanted in {slugify(p.first_name), slugify(p.last_name)})
        ]
        if len(fits) == 1:
            return fits[0]
    names = ", ".join(p.name for p in debrief.interviewers)
    raise InputError(f"--to {name!r} matches no single person in the debrief (people: {names})")


def _by_file_name(debrief: Debrief, path: Path) -> Interviewer | None:
    """The person whose slug the file is named after (``followup draft --out`` names)."""
    from followup.text import slugify

    stem = path.stem.lower()
    for person in debrief.interviewers:
        slug = slugify(person.name)
        rest = stem[len(slug) :]
        if stem.startswith(slug) and (not rest or (rest[0] == "-" and rest[1:].isdigit())):
            return person
    return None


def _recipients(
    args: argparse.Namespace, debrief: Debrief | None, texts: Sequence[str]
) -> list[Interviewer | None]:
    from followup.debrief import Interviewer
    from followup.errors import InputError
    from followup.lint import match_recipient

    if args.to is not None:
        if len(args.notes) != 1:
            raise InputError("--to names the recipient of one note; give exactly one NOTE")
        if debrief is None:
            return [Interviewer(name=args.to)]
        return [_person(debrief, args.to)]
    if debrief is None:
        return [None] * len(texts)
    return [
        _by_file_name(debrief, path) or match_recipient(text, debrief)
        for path, text in zip(args.notes, texts, strict=True)
    ]


def _human(findings: Sequence[Finding], path: str, files: Sequence[str]) -> None:
    for f in findings:
        print(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule}: {f.message}")
        if f.suggestion is not None:
            # A fix can be applied as it stands; anything else is advice to read.
            text = f.suggestion or "(delete it)"
            print(f"    {'suggestion' if f.fix else 'advice'}: {text}")
        if f.related_note is not None:
            print(f"    also in: {files[f.related_note]}")


def run(args: argparse.Namespace) -> int:
    from followup.debrief import load_debrief
    from followup.lint import SEVERITY_RANK, NoteInput, lint_loop, load_lint_config

    texts = [_read(p) for p in args.notes]
    debrief = load_debrief(args.debrief) if args.debrief else None
    config = load_lint_config().merged(args.disable)
    recipients = _recipients(args, debrief, texts)
    files = [str(p) for p in args.notes]
    notes = [
        NoteInput(text=t, recipient=r, label=Path(f).name)
        for t, r, f in zip(texts, recipients, files, strict=True)
    ]
    results = lint_loop(notes, debrief=debrief, config=config)
    if args.json:
        payload = [
            {
                **f.model_dump(mode="json"),
                "file": files[i],
                "related_file": None if f.related_note is None else files[f.related_note],
            }
            for i, found in enumerate(results)
            for f in found
        ]
        print(json.dumps({"findings": payload}, indent=2, ensure_ascii=False))
    else:
        for path, found in zip(files, results, strict=True):
            _human(found, path, files)
        counts = {s: sum(f.severity == s for r in results for f in r) for s in SEVERITY_RANK}
        noun = "note" if len(files) == 1 else "notes"
        print(
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info "
            f"in {len(files)} {noun}."
        )
    if args.fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[args.fail_on]
    failed = any(SEVERITY_RANK[f.severity] >= threshold for found in results for f in found)
    return 1 if failed else 0
