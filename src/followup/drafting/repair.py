"""Lint-guided repair: redraft notes the linter finds error-level problems in.

After a loop is drafted, the linter reads all the notes together. A model's
note with an error (a sentence shared with another note, problem solving,
pushiness, a placeholder, an unsupported fact, ...) is drafted again with the
offending sentences and the linter's reasons handed to the model as things to
avoid, at most ``max_rounds`` times. Offline notes (fallbacks) are left as they
are: redrafting them would give the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from followup.debrief import Debrief
from followup.drafting.base import Draft
from followup.drafting.prompts import Avoid
from followup.text import split_sentences

__all__ = ["FindingLike", "LoopLinter", "avoid_list", "default_linter", "repair_loop"]


class FindingLike(Protocol):
    """The parts of ``followup.lint.Finding`` that repair reads."""

    @property
    def severity(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def message(self) -> str: ...


# Reads the notes of a loop (their bodies, in the debrief's order) and returns
# one list of findings per note.
LoopLinter = Callable[[Debrief, Sequence[Draft]], Sequence[Sequence[FindingLike]]]
Regenerate = Callable[[Sequence[tuple[int, Sequence[Avoid]]]], list[Draft | None]]


def default_linter(debrief: Debrief, drafts: Sequence[Draft]) -> list[list[FindingLike]]:
    """The project's linter over the loop, with the repository's lint settings."""
    from followup.lint import NoteInput, lint_loop, load_lint_config

    by_name = {p.name: p for p in debrief.interviewers}
    notes = [
        NoteInput(text=d.body, recipient=by_name.get(d.interviewer), label=d.interviewer)
        for d in drafts
    ]
    found = lint_loop(notes, debrief=debrief, config=load_lint_config())
    return [list(f) for f in found]


def avoid_list(body: str, findings: Sequence[FindingLike]) -> list[Avoid]:
    """Each error finding as (the sentence it sits in, the linter's reason), without repeats."""
    sentences = split_sentences(body)
    out: list[Avoid] = []
    for f in findings:
        if f.severity != "error":
            continue
        end = max(f.end, f.start + 1)
        around = [s.text for s in sentences if s.start < end and s.end > f.start]
        text = " ".join(around) or body[f.start : f.end]
        item = Avoid(text=text, reason=f.message)
        if item not in out:
            out.append(item)
    return out


def repair_loop(
    debrief: Debrief,
    drafts: Sequence[Draft],
    *,
    lint: LoopLinter,
    regenerate: Regenerate,
    max_rounds: int = 2,
) -> list[Draft]:
    """Redraft model notes with error findings, up to ``max_rounds`` times each.

    ``regenerate`` drafts the given people again with their avoid lists and
    returns ``None`` for a call that failed; the earlier note is then kept.
    Each redrafted note records the round that produced it in ``repair_rounds``.
    """
    current = list(drafts)
    # What each note must avoid grows over the rounds: a fix must not bring back an old fault.
    avoided: dict[int, list[Avoid]] = {}
    for round_no in range(1, max_rounds + 1):
        findings = lint(debrief, current)
        jobs: list[tuple[int, Sequence[Avoid]]] = []
        for i, (draft, found) in enumerate(zip(current, findings, strict=True)):
            if draft.backend == "offline":
                continue
            new_items = avoid_list(draft.body, found)
            if new_items:
                avoid = avoided.setdefault(i, [])
                avoid.extend(a for a in new_items if a not in avoid)
                jobs.append((i, tuple(avoid)))
        if not jobs:
            break
        for (i, _), new in zip(jobs, regenerate(jobs), strict=True):
            if new is not None:
                current[i] = new.model_copy(update={"repair_rounds": round_no})
    return current
