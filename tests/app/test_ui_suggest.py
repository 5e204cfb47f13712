"""Which text an "apply suggestion" replaces, per kind of finding, on real lint output."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief
from followup.lint import Finding, NoteInput, lint_loop, lint_note
from followup.ui.suggest import Edit, edit_for

HARBORLINE = Path(__file__).resolve().parents[2] / "fixtures" / "debriefs" / "harborline.yaml"


@pytest.fixture
def debrief() -> Debrief:
    """The three-person Harborline loop."""
    return load_debrief(HARBORLINE)


def _applied(body: str, rule: str, debrief: Debrief) -> str:
    finding = next(
        f
        for f in lint_note(body, debrief=debrief, recipient=debrief.interviewers[1])
        if f.rule == rule
    )
    edit = edit_for(body, finding)
    assert edit is not None
    assert body[edit.start : edit.end] == edit.original
    return body[: edit.start] + edit.text + body[edit.end :]


def test_casual_greeting_replaces_the_whole_salutation(debrief: Debrief) -> None:
    """'Hey Tom,' becomes the suggested salutation, not 'Dear Mr. Okafor, Tom,'."""
    body = "Hey Tom,\n\nThank you for the time today.\n\nBest regards,\nMorgan"
    fixed = _applied(body, "formality.casual-greeting", debrief)
    assert fixed.startswith("Dear Mr. Okafor,\n\nThank you")


def test_slang_replaces_just_the_word(debrief: Debrief) -> None:
    """'thx' becomes 'thank you' in place."""
    body = "Dear Mr. Okafor,\n\nthx for the time today.\n\nBest regards,\nMorgan"
    assert "\n\nthank you for the time today." in _applied(body, "formality.slang", debrief)


def _finding(body: str, rule: str, debrief: Debrief | None = None) -> Finding:
    to = debrief.interviewers[1] if debrief else None
    return next(f for f in lint_note(body, debrief=debrief, recipient=to) if f.rule == rule)


def test_advice_is_not_applied(debrief: Debrief) -> None:
    """Structure and duplication suggestions are advice: no edit."""
    body = "Dear Mr. Okafor,\n\nThank you for the time today.\n\nBest regards,\nMorgan"
    advice = _finding(body, "structure.no-next-step", debrief)
    assert advice.suggestion
    assert edit_for(body, advice) is None
    shared = "I was impressed by how the dispatch team rebuilt its routing tables last spring."
    loop = lint_loop([NoteInput(text=f"Dear Ann,\n\n{shared}\n\nBest,\nMo")] * 2)
    copied = next(f for f in loop[0] if f.rule == "duplication.cross-note")
    assert copied.fix is None


def test_pushy_suggestion_replaces_its_sentence() -> None:
    """A pushy phrase's better sentence replaces the sentence the phrase sits in."""
    body = "Dear Ms. Reed,\n\nThanks. I really need this job badly. Best regards."
    edit = edit_for(body, _finding(body, "pushy.pressure"))
    assert edit is not None
    assert edit.original == "I really need this job badly."


def test_stock_phrase_word_swap_applies_but_advice_does_not() -> None:
    """A drop-in for a stock word applies; a sentence of advice does not."""
    body = "Dear Ms. Reed,\n\nI hope this email finds you well. I will delve into it."
    found = [f for f in lint_note(body) if f.rule == "generic.stock-phrase"]
    edits = {body[f.start : f.end]: edit_for(body, f) for f in found}
    assert edits["delve"] == Edit(
        body.index("delve"), body.index("delve") + 5, "delve", "look into"
    )
    assert edits["I hope this email finds you well"] is None


def test_stale_span_gives_no_edit() -> None:
    """A fix past the end of the text on screen (the note changed) gives no edit."""
    body = "Dear Mr. Okafor,\n\nthx for the time today.\n\nBest regards,\nMorgan"
    finding = _finding(body, "formality.slang")
    assert edit_for(body, finding) is not None
    assert edit_for(body[:10], finding) is None
