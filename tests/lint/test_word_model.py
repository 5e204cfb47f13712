"""The word models: the shipped weights are the trained ones, and how the rules use them."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from followup.lint import Finding, lint_note, problem_solving, pushy
from followup.lint.context import NoteContext
from followup.lint.word_model import MODEL_CATEGORIES, Model, body, evidence, ignored, load_model

ROOT = Path(__file__).resolve().parents[2]


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> tuple[object, ...]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return tuple(_module(ROOT / "bench" / "lint_quality.py").load_corpus())
    finally:
        sys.path.remove(str(ROOT / "bench"))


@pytest.mark.parametrize("category", MODEL_CATEGORIES)
def test_shipped_weights_are_what_the_corpus_trains(
    corpus: tuple[object, ...], category: str
) -> None:
    """Edit the labelled notes without retraining and this fails: run `make model`."""
    trainer = _module(ROOT / "tools" / "train_word_model.py")
    texts = [evidence(e.text, ignored(category)) for e in corpus]  # type: ignore[attr-defined]
    labels = [category in e.categories for e in corpus]  # type: ignore[attr-defined]
    weights, bias = trainer.fit(texts, labels)
    model = load_model(category)
    assert bias == pytest.approx(model.bias, abs=2e-4)
    kept = {f: w for f, w in weights.items() if abs(w) >= 1e-4}
    assert set(model.weights) <= set(weights)
    worst = max(abs(kept.get(f, 0.0) - w) for f, w in model.weights.items())
    assert worst < 2e-4


@pytest.mark.parametrize(
    ("category", "hard"), [("problem_solving", "interest_only"), ("pushy", "timeline")]
)
def test_model_separates_the_corpus(corpus: tuple[object, ...], category: str, hard: str) -> None:
    """On the notes it was trained on: nearly every labelled note, few hard negatives."""
    model = load_model(category)
    positive = [e for e in corpus if category in e.categories]  # type: ignore[attr-defined]
    # As the linter asks it: a note that permits a no never reaches the pushy model.
    negative = [
        e
        for e in corpus
        if getattr(e, hard) and (category != "pushy" or not pushy.permits_no(NoteContext(e.text)))  # type: ignore[attr-defined]
    ]
    caught = sum(model.score(e.text) >= model.threshold for e in positive)  # type: ignore[attr-defined]
    flagged = sum(model.score(e.text) >= model.threshold for e in negative)  # type: ignore[attr-defined]
    assert caught / len(positive) >= 0.9
    assert flagged / len(negative) <= 0.1


NOTE = (
    "Dear Ms. Reed,\n\n"
    "Thank you for showing me the clinic on Tuesday. "
    "A reminder call the day before could bring the no-shows down. "
    "Would a reminder call help with the no-shows? "
    "I would be glad to hear more about the reminder calls.\n\n"
    "Best regards,\nSam Park\n"
)
# A stand-in model: only the words of a reminder call count.
REMINDERS = Model(
    weights={"reminder": 2.0, "call": 1.0, "no-shows": 0.5}, bias=0.0, threshold=0.5, min_words=0
)


def _model_findings(text: str, model: Model) -> list[Finding]:
    ctx = NoteContext(text)
    problem_solving.check_model(ctx, model)
    return ctx.findings


def test_a_model_finding_is_a_warning_on_the_weightiest_statement() -> None:
    """It warns on the sentence that weighs most, never on a question or on interest."""
    (finding,) = _model_findings(NOTE, REMINDERS)
    assert finding.rule == "problem_solving.prescription"
    assert finding.severity == "warning"
    assert NOTE[finding.start : finding.end] == (
        "A reminder call the day before could bring the no-shows down."
    )
    assert finding.fix is not None  # the usual rewrite replaces that sentence


def test_the_model_is_silent_below_its_threshold_or_without_a_statement() -> None:
    assert not _model_findings(NOTE, dataclasses.replace(REMINDERS, threshold=0.999))
    only_questions = NOTE.replace(
        "A reminder call the day before could bring the no-shows down. ", ""
    )
    assert not _model_findings(only_questions, REMINDERS)


ECHOED = (
    "Dear Ms. Reed,\n\n"
    "Thank you for showing me the clinic on Tuesday. "
    "You mentioned that reminder calls for the no-shows keep slipping. "
    "At my last clinic I ran the front desk for two years.\n\n"
    "Best regards,\nSam Park\n"
)


def test_the_problem_solving_model_does_not_read_their_account_reported_back() -> None:
    """Their problem echoed ("You mentioned that ...") is not evidence of a fix; a proposal
    in the same sentence, or a question, is still read."""
    ignore = ignored("problem_solving")
    assert "You mentioned" not in evidence(ECHOED, ignore)
    assert "At my last clinic" in evidence(ECHOED, ignore)
    proposing = ECHOED.replace("keep slipping.", "keep slipping, and I would automate them.")
    assert "You mentioned" in evidence(proposing, ignore)
    assert "Would a reminder call help?" in evidence(
        ECHOED.replace("At my", "Would a reminder call help? At my"), ignore
    )
    # The stand-in model would flag the echo; reading only the evidence, it does not.
    reader = dataclasses.replace(REMINDERS, threshold=0.55)
    echo_model = dataclasses.replace(reader, ignore=ignore)
    assert reader.flags(ECHOED)
    assert not echo_model.flags(ECHOED)
    assert not _model_findings(ECHOED, echo_model)


TOLD_AND_WISHED = (
    "Dear Ms. Reed,\n\n"
    "Thank you for showing me the clinic on Tuesday. "
    "Our reminder desk cut the no-shows from 20% to 9% last year. "
    "I would love to meet the reminder team on your next training day.\n\n"
    "Best regards,\nSam Park\n"
)


def test_the_model_points_only_at_the_shape_of_a_proposal() -> None:
    """The writer's past told and a wish are no proposal, however their words weigh; a
    claim of what a change would do, or an imperative, is."""
    reader = dataclasses.replace(REMINDERS, threshold=0.55)
    assert reader.flags(TOLD_AND_WISHED)
    assert not _model_findings(TOLD_AND_WISHED, reader)
    for proposal in ("A reminder call could cut them further.", "Move the reminder calls to noon."):
        text = TOLD_AND_WISHED.replace("last year. ", f"last year. {proposal} ")
        (finding,) = _model_findings(text, reader)
        assert text[finding.start : finding.end] == proposal


def test_the_rules_come_first() -> None:
    """Where a rule already flags the note, the model adds nothing."""
    text = NOTE.replace("Thank you", "Here is my plan: hire two schedulers. Thank you")
    found = [f for f in lint_note(text) if f.category == "problem_solving"]
    assert found
    assert all("suggestion reads" not in f.message for f in found)


PRESSING = (
    "Dear Mr. Hale,\n\n"
    "Thank you for the interview on Monday. "
    "I have been checking my inbox every hour since we spoke. "
    "I enjoyed meeting the team.\n\n"
    "Best regards,\nSam Park\n"
)
INBOX = Model(weights={"inbox": 2.0, "every hour": 2.0}, bias=0.0, threshold=0.5, min_words=0)


def test_a_pushy_model_finding_is_a_warning_on_the_weightiest_sentence() -> None:
    ctx = NoteContext(PRESSING)
    pushy.check_model(ctx, INBOX)
    (finding,) = ctx.findings
    assert finding.rule == "pushy.pressure"
    assert finding.severity == "warning"
    assert PRESSING[finding.start : finding.end] == (
        "I have been checking my inbox every hour since we spoke."
    )


def test_a_note_that_permits_a_no_never_reaches_the_pushy_model() -> None:
    """Polite timelines talk about dates and other offers; with a 'no' allowed, no warning."""
    polite = (
        "Dear Mr. Hale,\n\nThank you for the interview on Monday. I should let you know that "
        "I have another offer and need to answer it by Friday, so I would be grateful to know "
        "where things stand before then; if that is not possible, I completely understand.\n\n"
        "Best regards,\nSam Park\n"
    )
    assert load_model("pushy").score(polite) >= 0.0
    assert [f for f in lint_note(polite) if f.category == "pushy"] == []


def test_the_models_judge_whole_notes_only() -> None:
    """A fragment (the rules' test tables wrap single sentences) is too short to score."""
    assert len(body(PRESSING).split()) < load_model("pushy").min_words
    assert INBOX.flags(PRESSING)
    assert not dataclasses.replace(INBOX, min_words=50).flags(PRESSING)
    ctx = NoteContext(PRESSING)
    pushy.check_model(ctx, dataclasses.replace(INBOX, min_words=50))
    assert ctx.findings == []
