"""The offline drafter's notes pass the linter: no errors, no duplication warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.cli import main
from followup.debrief import load_debrief
from followup.lint import NoteInput, lint_loop
from followup.service import draft_loop

ROOT = Path(__file__).resolve().parents[2]
DEBRIEFS = sorted((ROOT / "fixtures" / "debriefs").glob("*.yaml"))


@pytest.mark.parametrize("path", DEBRIEFS, ids=[p.stem for p in DEBRIEFS])
def test_offline_thank_you_notes_are_clean(path: Path) -> None:
    """Every fixture debrief drafts notes with no error finding and no duplication warning."""
    debrief = load_debrief(path)
    drafts = draft_loop(debrief)
    by_name = {p.name: p for p in debrief.interviewers}
    notes = [NoteInput(text=d.body, recipient=by_name[d.interviewer]) for d in drafts]
    for draft, found in zip(drafts, lint_loop(notes, debrief=debrief), strict=True):
        bad = [
            (f.rule, draft.body[f.start : f.end])
            for f in found
            if f.severity == "error" or (f.category == "duplication" and f.severity == "warning")
        ]
        assert bad == [], draft.interviewer


def test_draft_json_carries_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """`followup draft --json` keeps its keys and adds each note's findings."""
    assert main(["draft", str(DEBRIEFS[0]), "--json"]) == 0
    notes = json.loads(capsys.readouterr().out)
    for note in notes:
        assert {"interviewer", "email", "subject", "body", "findings"} <= set(note)
        assert isinstance(note["findings"], list)
