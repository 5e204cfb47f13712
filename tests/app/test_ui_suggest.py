"""Which text an "apply suggestion" replaces, per kind of finding, on real lint output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief
from followup.lint import lint_note
from followup.ui.suggest import edit_for

HARBORLINE = Path(__file__).resolve().parents[2] / "fixtures" / "debriefs" / "harborline.yaml"


@dataclass(frozen=True)
class _F:
    rule: str
    category: str
    start: int
    end: int
    suggestion: str | None


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


def test_advice_is_not_applied() -> None:
    """Structure and duplication suggestions are advice: no edit."""
    advice = _F("structure.no-next-step", "structure", 0, 5, "I would welcome the chance.")
    assert edit_for("Hello there.", advice) is None
    rewrite = _F("duplication.cross-note", "duplication", 0, 5, "Rewrite it around...")
    assert edit_for("Hello there.", rewrite) is None


def test_pushy_suggestion_replaces_its_sentence() -> None:
    """A pushy phrase's better sentence replaces the sentence the phrase sits in."""
    body = "Dear Ann,\n\nThanks. I really need this job badly. Best regards."
    start = body.index("really")
    finding = _F("pushy.desperate", "pushy", start, start + 6, "I remain very interested.")
    edit = edit_for(body, finding)
    assert edit is not None
    assert edit.original == "I really need this job badly."


def test_stock_phrase_word_swap_applies_but_advice_does_not() -> None:
    """A short replacement for a stock word applies; a sentence of advice does not."""
    body = "I will delve into it."
    start = body.index("delve")
    swap = _F("generic.stock-phrase", "generic", start, start + 5, "look into")
    assert edit_for(body, swap) is not None
    tip = _F("generic.stock-phrase", "generic", 0, 4, "Open with thanks and something specific.")
    assert edit_for(body, tip) is None


def test_stale_span_gives_no_edit() -> None:
    """A span past the end of the text (the note changed) gives no edit."""
    assert edit_for("short", _F("formality.slang", "formality", 3, 99, "x")) is None
