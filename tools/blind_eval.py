"""Measure the linter once on a fresh blind set, before anyone reads its notes.

A blind set is written from ``docs/blind-evaluation-brief.md`` by someone who never saw
the rules, tests or fixtures: ``DIR/notes.yaml`` (id, label, text, why; labels
problem_solving, interest_only, pushy, timeline_polite, informal, misspelled, clean)
and optionally ``DIR/loops.yaml`` (copy, reworded, courtesy). Keep the set outside the
repository until it is measured; then it may join ``fixtures/notes`` as a
``holdout-N.yaml`` with its first figures in the header, for tuning and training.

Run: ``.venv/bin/python tools/blind_eval.py DIR [--details]`` (``--details`` lists the
misses: look only after the first figures are written down).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from followup.lint import Finding, NoteInput, lint_loop, lint_note

FLAGGED = frozenset({"warning", "error"})
# label -> (category that must be flagged, whether it should be)
EXPECTED = {
    "problem_solving": ("problem_solving", True),
    "interest_only": ("problem_solving", False),
    "pushy": ("pushy", True),
    "timeline_polite": ("pushy", False),
    "informal": ("formality", True),
}


def _hit(note: dict[str, Any], findings: list[Finding]) -> tuple[bool, bool]:
    """(flagged, as it should be) for one labelled note."""
    label = note["label"]
    if label in EXPECTED:
        category, should = EXPECTED[label]
        hit = any(f.category == category and f.severity in FLAGGED for f in findings)
        return hit, hit == should
    if label == "misspelled":
        caught = {
            note["text"][f.start : f.end].lower() for f in findings if f.category == "spelling"
        }
        hit = all(w.lower() in caught for w in note.get("misspelled", []))
        return hit, hit
    hit = any(f.severity == "error" for f in findings)  # clean: no error allowed
    return hit, not hit


# Notes with no fault at all: none of them may get an error, whatever its category.
FAULTLESS = frozenset({"clean", "timeline_polite", "interest_only"})


def main(folder: Path, details: bool) -> None:
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    faultless = errors = 0
    for note in yaml.safe_load((folder / "notes.yaml").read_text("utf-8")):
        findings = lint_note(note["text"])
        hit, right = _hit(note, findings)
        totals[note["label"]] += 1
        hits[note["label"]] += hit
        if note["label"] in FAULTLESS:
            faultless += 1
            erred = any(f.severity == "error" for f in findings)
            errors += erred
            right = right and not erred
        if details and not right:
            print(f"--- {note['id']} ({note['label']}): {note.get('why', '')}")
            for f in findings:
                if f.severity in FLAGGED:
                    print(f"    {f.severity} {f.rule}: {note['text'][f.start : f.end]!r}")
    for label, total in totals.items():
        print(f"{label:16s} flagged {hits[label]}/{total} = {hits[label] / total:.2f}")
    if faultless:
        print(
            f"faultless notes (clean, timelines, interest-only) with an error: {errors}/{faultless}"
        )
    loops_file = folder / "loops.yaml"
    if not loops_file.exists():
        return
    loop_totals: Counter[str] = Counter()
    loop_hits: Counter[str] = Counter()
    for loop in yaml.safe_load(loops_file.read_text("utf-8")):
        findings = lint_loop([NoteInput(text=t) for t in loop["notes"]])
        copied = any(
            f.category == "duplication" and f.severity in FLAGGED for note in findings for f in note
        )
        loop_totals[loop["label"]] += 1
        loop_hits[loop["label"]] += copied
    for label, total in loop_totals.items():
        print(f"loops {label:10s} duplication flagged {loop_hits[label]}/{total}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: blind_eval.py DIR [--details]")
    main(Path(sys.argv[1]), "--details" in sys.argv)
