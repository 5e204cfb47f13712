"""Pushy: desperation, overclaiming, demands for a decision, impatience, persistence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from followup.lint.context import NoteContext
from followup.lint.phrases import Phrase
from followup.lint.registry import compile_patterns, data
from followup.lint.word_model import Model, culprit, load_model

__all__ = ["check", "check_model", "permits_no"]

_KINDS = {
    "desperate": "desperate",
    "overclaiming": "overclaiming",
    "pressure": "pressure for a decision",
    "impatient": "impatient",
    "persistent": "a promise to keep chasing",
    "pushy": "going over their head",
    "deadline": "a deadline imposed on the reader",
    "threat": "a conditional threat",
    "urgency": "manufactured urgency",
    "guilt": "a guilt trip",
    "presumption": "presuming the outcome",
    "model": "pressure, in its wording as a whole",
}
_SUGGESTIONS = {
    "desperate": "I remain very interested in the role and would welcome the next step.",
    "overclaiming": "I believe my experience is a strong match for what you described.",
    "pressure": (
        "I expect to make a decision by (date); if it is possible to move forward before "
        "then I would be grateful, and if not, I completely understand."
    ),
    "impatient": "I wanted to check in briefly on the timing of your decision.",
    "persistent": "If I have not heard by (date), I will check in once.",
    "pushy": "Thank you again for your time; I look forward to hearing about the next step.",
    "deadline": (
        "I have another offer to answer by (date); if you can move forward before then I "
        "would be grateful, and if not, I completely understand."
    ),
    "threat": "State your own timeline and leave the decision to them, with permission to say no.",
    "urgency": "I remain very interested and would welcome the next step whenever it suits you.",
    "guilt": "I enjoyed the visit and remain very interested in the role.",
    "presumption": "I would be delighted to take the next step if you decide to move forward.",
}


@cache
def _kinds() -> tuple[str, ...]:
    return tuple(str(e["kind"]) for e in data("pushy")["patterns"])


@cache
def _soft() -> tuple[bool, ...]:
    return tuple(bool(e.get("soft", False)) for e in data("pushy")["patterns"])


def permits_no(ctx: NoteContext) -> bool:
    """Whether the note lets the reader say no ("if not, I completely understand") or
    takes the pressure off ("there is no need to rush anything on my account")."""
    permission = compile_patterns("pushy", "permission")
    return next(permission.matches(ctx.words), None) is not None or _defers(ctx)


@dataclass(frozen=True)
class _Deference:
    negators: frozenset[str]
    requests: frozenset[str]
    pushes: frozenset[str]
    request_window: int
    push_window: int
    takebacks: frozenset[str]


@cache
def _deference() -> _Deference:
    d = data("pushy")["deference"]
    words = {key: frozenset(str(w) for w in d[key]) for key in ("negators", "requests", "pushes")}
    return _Deference(
        words["negators"],
        words["requests"],
        words["pushes"],
        int(d["request_window"]),
        int(d["push_window"]),
        frozenset(str(w) for w in d["takebacks"]),
    )


_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _defers(ctx: NoteContext) -> bool:
    """A negated request followed by a push, not taken back (see ``deference`` in the data)."""
    d = _deference()
    if d.pushes.isdisjoint(ctx.tokens):
        return False
    sentences = [_TOKEN.findall(ctx.lowered[s.start : s.end]) for s in ctx.sentences]
    for k, words in enumerate(sentences):
        for i, word in enumerate(words):
            if not (word in d.negators or word.endswith(("n't", "n’t"))):
                continue
            after = words[i + 1 : i + 1 + d.request_window]
            asked = next((i + 1 + j for j, w in enumerate(after) if w in d.requests), None)
            if asked is None:
                continue
            pushed = d.pushes.intersection(words[asked + 1 : asked + 1 + d.push_window])
            following = sentences[k + 1][:1] if k + 1 < len(sentences) else []
            if pushed and d.takebacks.isdisjoint(words[asked:] + following):
                return True
    return False


@dataclass(frozen=True)
class _Negation:
    kinds: frozenset[str]
    negators: frozenset[str]
    frame: frozenset[str]
    window: int


@cache
def _negation() -> _Negation:
    d = data("pushy")["negated"]
    kinds, negators, frame = (
        frozenset(str(w) for w in d[key]) for key in ("kinds", "negators", "frame")
    )
    return _Negation(kinds, negators, frame, int(d["window"]))


# Words, and the marks that end a clause, read backwards from a phrase.
_CLAUSE_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|[,;:()\u2013\u2014]")


def _negated(ctx: NoteContext, start: int) -> bool:
    """Whether a negator governs the phrase at ``start`` (see ``negated`` in the data)."""
    n = _negation()
    sentence = ctx.sentence_at(start)
    before = _CLAUSE_TOKEN.findall(ctx.lowered[sentence.start if sentence else 0 : start])
    after = ""
    for word in reversed(before[-(n.window + 1) :]):
        if word in n.negators or word.endswith(("n't", "n’t")):
            return after != "to"
        if word not in n.frame:
            return False
        after = word
    return False


def check(ctx: NoteContext) -> None:
    """Flag every pressuring phrase; soft requests pass when the note permits a no."""
    permits = permits_no(ctx)
    patterns, kinds, soft = compile_patterns("pushy", "patterns"), _kinds(), _soft()
    negatable = _negation().kinds
    taken: list[tuple[int, int]] = []
    for i in patterns.candidates(ctx.words):
        if soft[i] and permits:
            continue
        for m in patterns[i].matches(ctx.words, ctx.body_start):
            if kinds[i] in negatable and _negated(ctx, m.start()):
                continue
            _emit(ctx, taken, m.start(), m.end(), kinds[i])
    if not permits:
        _conditional_threats(ctx, taken)
    if not taken and not permits:
        check_model(ctx, load_model("pushy"))


# A sentence the model may point at: in the body, long enough to carry pressure.
_MODEL_MIN_WORDS = 4


def check_model(ctx: NoteContext, model: Model) -> None:
    """No pattern matched: the word model may still find the note pressing as a whole."""
    sentence = culprit(model, ctx, _MODEL_MIN_WORDS)
    if sentence is None:
        return
    ctx.emit(
        "pushy.pressure",
        sentence.start,
        sentence.end,
        severity="warning",
        suggestion=_SUGGESTIONS["pushy"],
        phrase="This sentence",
        kind=_KINDS["model"],
    )


def _emit(ctx: NoteContext, taken: list[tuple[int, int]], start: int, end: int, kind: str) -> None:
    """One finding for ``[start, end)`` unless an earlier one overlaps it."""
    if any(start < e and s < end for s, e in taken):
        return
    taken.append((start, end))
    phrase = ctx.text[start:end].strip()
    ctx.emit(
        "pushy.pressure",
        start,
        end,
        suggestion=_SUGGESTIONS[kind],
        phrase=f'"{phrase[:1].upper()}{phrase[1:]}"',
        kind=_KINDS[kind],
    )


@cache
def _threat(key: str) -> tuple[Phrase, ...]:
    return tuple(Phrase(str(p)) for p in data("pushy")["conditional_threat"][key])


def _conditional_threats(ctx: NoteContext, taken: list[tuple[int, int]]) -> None:
    """A sanction from the writer in a sentence that also holds a negative condition on the reader.

    Sanctions are rare, so they are searched first over the whole note; the
    conditions are then looked for only in the sentence around each one.
    """
    text = ctx.lowered
    for sanction in _threat("sanction"):
        for m in sanction.matches(ctx.words, ctx.body_start):
            sentence = ctx.sentence_at(m.start())
            if sentence is None:
                continue
            within = text[sentence.start : sentence.end]
            if any(c.search(within) for c in _threat("condition")):
                _emit(ctx, taken, m.start(), m.end(), "threat")
