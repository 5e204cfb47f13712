"""Running the rules: one note, or a loop of notes compared with each other."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from followup.debrief import Debrief, Interviewer, Tone
from followup.lint import (
    accuracy,
    duplication,
    formality,
    generic,
    problem_solving,
    pushy,
    spelling,
    structure,
)
from followup.lint.config import LintConfig
from followup.lint.context import DebriefFacts, NoteContext
from followup.lint.finding import Finding

__all__ = ["NoteInput", "lint_loop", "lint_note", "match_recipient"]

MAX_NOTE_CHARS = 50_000

_FAMILIES: tuple[tuple[str, Callable[[NoteContext], None]], ...] = (
    ("duplication", duplication.check_placeholders),
    ("problem_solving", problem_solving.check),
    ("formality", formality.check),
    ("spelling", spelling.check),
    ("pushy", pushy.check),
    ("structure", structure.check),
    ("accuracy", accuracy.check),
    ("generic", generic.check),
)


class NoteInput(BaseModel):
    """One note of a loop; ``ignore`` turns rules (or categories) off for this note only."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    recipient: Interviewer | None = None
    label: str = ""
    ignore: frozenset[str] = frozenset()


def match_recipient(text: str, debrief: Debrief) -> Interviewer | None:
    """The interviewer a note greets ("Dear Ms. Raman,", "Priya,"), if exactly one fits."""
    return _greeted(NoteContext(text), debrief)


def _greeted(ctx: NoteContext, debrief: Debrief) -> Interviewer | None:
    sal = ctx.salutation
    if sal is None:
        return debrief.interviewers[0] if len(debrief.interviewers) == 1 else None
    group = "name" if sal.group("name") is not None else "bare"
    greeted = {w.strip(".,").lower() for w in (sal.group(group) or "").split()}
    fits = [
        p
        for p in debrief.interviewers
        if greeted & {p.first_name.lower(), p.last_name.lower(), *p.name.lower().split()}
    ]
    return fits[0] if len(fits) == 1 else None


def _context(
    text: str,
    debrief: Debrief | None,
    recipient: Interviewer | None,
    config: LintConfig,
    tone: Tone | None,
    facts: DebriefFacts | None = None,
) -> NoteContext:
    if len(text) > MAX_NOTE_CHARS:
        from followup.errors import LimitError

        raise LimitError(
            f"note is {len(text):,} characters; a note may be at most {MAX_NOTE_CHARS:,} (limit)"
        )
    ctx = NoteContext(
        text=text,
        debrief=debrief,
        recipient=recipient,
        tone=tone,
        extra_words=config.words,
        facts=facts,
    )
    if recipient is None and debrief is not None:
        # Read from the note's own context: its masked text is needed by every rule anyway.
        ctx.recipient = _greeted(ctx, debrief)
    return ctx


def _run(ctx: NoteContext, config: LintConfig) -> None:
    for category, check in _FAMILIES:
        if category not in config.disabled:
            check(ctx)


def _finish(
    findings: Sequence[Finding], config: LintConfig, ignore: frozenset[str]
) -> list[Finding]:
    out = []
    for f in findings:
        if not config.is_enabled(f.rule, f.category) or f.rule in ignore or f.category in ignore:
            continue
        severity = config.severity_for(f.rule, f.category, f.severity)
        out.append(f if severity == f.severity else f.model_copy(update={"severity": severity}))
    return sorted(set(out), key=lambda f: (f.start, f.end, f.rule, f.message))


def lint_note(
    text: str,
    *,
    debrief: Debrief | None = None,
    recipient: Interviewer | None = None,
    config: LintConfig | None = None,
    expected_tone: Tone | None = None,
) -> list[Finding]:
    """Every finding for one note, sorted by position."""
    cfg = config or LintConfig()
    ctx = _context(text, debrief, recipient, cfg, expected_tone)
    _run(ctx, cfg)
    return _finish(ctx.findings, cfg, frozenset())


def lint_loop(
    notes: Sequence[NoteInput],
    *,
    debrief: Debrief | None = None,
    config: LintConfig | None = None,
) -> list[list[Finding]]:
    """Findings for each note of a loop, duplication across the notes included."""
    cfg = config or LintConfig()
    facts = DebriefFacts(debrief) if debrief is not None else None
    contexts = [_context(n.text, debrief, n.recipient, cfg, None, facts) for n in notes]
    for ctx in contexts:
        _run(ctx, cfg)
    if "duplication" not in cfg.disabled:
        duplication.check_loop(contexts, [n.label for n in notes])
    return [_finish(ctx.findings, cfg, n.ignore) for ctx, n in zip(contexts, notes, strict=True)]
