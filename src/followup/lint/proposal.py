"""A sentence that proposes a change to the employer's operation, scored by its features.

The phrase patterns of ``problem_solving.yaml`` know wordings; this knows the
shape of a proposal in any wording: (a) a proposal, obligation or condition
frame ("could", "need to", "if you", an imperative), (b) an action verb in verb
position ("introduce", "split"), (c) something of theirs ("your", "the ward",
a key issue) and (d) an intended effect ("would cut", "so that"). Interest,
learning, reported plans, the writer's past and the role itself are guards
that veto the sentence, whatever it scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from followup.lint.registry import data

__all__ = ["may_propose", "proposes"]

_TOKEN = re.compile(r"[a-z][a-z'’-]*")
# "so" as a purpose ("so customers stop"), not a degree ("so much", "so glad").
_NOT_PURPOSE = frozenset(
    {"much", "many", "far", "glad", "happy", "grateful", "kind", "good", "well", "long"}
    | {"often", "very", "too", "quickly", "i"}
)


# "If you ...", "if the kitchen ...": a condition put to them.
_CONDITION_SUBJECTS = frozenset({"you", "your", "the", "we", "they"})
# "If / when / once you publish the rota earlier": a change put as a condition.
_CONDITIONS = frozenset({"if", "when", "once"})


def _forms(verb: str) -> set[str]:
    """ "stop" -> stop, stops, stopped, stopping; "move" -> moved, moving (loosely)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", stem + "ed", stem + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) <= 5 and verb[-1] not in "aeiouwxy" and verb[-2:-1] in tuple("aeiou"):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class _Lists:
    frame: frozenset[str]
    gate: re.Pattern[str]
    lead: frozenset[str]
    base: frozenset[str]
    past: frozenset[str]
    actions: frozenset[str]
    verbs: frozenset[str]
    theirs: frozenset[str]
    modals: frozenset[str]
    effects: frozenset[str]
    effect_lead: frozenset[str]
    comparatives: frozenset[str]
    guards: frozenset[str]
    guard_phrases: re.Pattern[str]
    past_subjects: frozenset[str]
    threshold: int
    courtesy: frozenset[str]
    improvements: frozenset[str]


@cache
def _lists() -> _Lists:
    d = data("proposal")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in d[key])

    base = words("action_verbs")
    irregular = {str(k): [str(v) for v in vs] for k, vs in d["irregular"].items()}
    actions: set[str] = set()
    past: set[str] = set()
    for verb in base:
        forms = _forms(verb) | set(irregular.get(verb, ()))
        actions |= forms
        past |= {f for f in forms if f.endswith("ed")} | set(irregular.get(verb, ()))
    effects = {f for v in words("effect_verbs") for f in _forms(v)}
    return _Lists(
        frame=words("frame_words"),
        gate=re.compile(
            r"\b(?:if|when|once|"
            + "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words("frame_words")))
            + r")\b"
        ),
        lead=words("verb_lead") | {"team"},
        base=base,
        past=frozenset(past),
        actions=frozenset(actions),
        verbs=frozenset(actions | effects),
        theirs=words("theirs"),
        modals=words("modals"),
        effects=frozenset(effects),
        effect_lead=words("effect_lead"),
        comparatives=words("effect_words"),
        guards=words("guard_words"),
        guard_phrases=re.compile(str(d["guard_phrases"])),
        past_subjects=words("past_subjects"),
        threshold=int(d["threshold"]),
        courtesy=words("condition_courtesy"),
        improvements=words("improvement_words"),
    )


def _guarded(low: str, tokens: list[str], seen: frozenset[str], lists: _Lists) -> bool:
    """Interest, learning, a question, a reported plan or the writer's own past."""
    if low.rstrip().endswith("?") or not lists.guards.isdisjoint(seen):
        return True
    if lists.guard_phrases.search(low):
        return True
    # "we cut", "I moved": told as experience unless it turns to them.
    if "you" in seen or "your" in seen:
        return False
    return any(t in lists.past_subjects and nxt in lists.past for t, nxt in pairwise(tokens))


def _conditional_change(tokens: list[str], lists: _Lists) -> bool:
    """ "If you publish the rota earlier, the people can plan better": a change put as a condition.

    The condition is addressed to them, its verb is no courtesy ("if you need
    anything"), and what follows promises an improvement, with the writer
    nowhere in it ("if you decide, I can start sooner" is logistics).
    """
    for i, (word, nxt) in enumerate(pairwise(tokens)):
        if word not in _CONDITIONS or nxt not in _CONDITION_SUBJECTS:
            continue
        after = tokens[i + 1 :]
        if "i" in after or not lists.courtesy.isdisjoint(after[:4]):
            continue
        if not lists.improvements.isdisjoint(after) or not lists.effects.isdisjoint(after[3:]):
            return True
    return False


def may_propose(note_tokens: frozenset[str]) -> bool:
    """Whether a note may hold a proposal: an action or effect verb, or a condition and a gain."""
    lists = _lists()
    if not lists.verbs.isdisjoint(note_tokens):
        return True
    conditions = not _CONDITIONS.isdisjoint(note_tokens)
    return conditions and not lists.improvements.isdisjoint(note_tokens)


def proposes(low: str, names_issue: bool = False) -> bool:
    """Whether the lower-cased sentence ``low`` proposes a change to their operation.

    ``names_issue``: the sentence names a key issue from the debrief, which
    counts as something of theirs.
    """
    lists = _lists()
    # The cheap gate, before any tokenising: no frame word and no verb first, no proposal.
    opening = _TOKEN.search(low)
    if opening is None:
        return False
    if opening.group() not in lists.actions and not lists.gate.search(low):
        return False
    tokens = [t.replace("’", "'") for t in _TOKEN.findall(low)]
    if not tokens:
        return False
    seen = frozenset(tokens)
    first = tokens[0]
    imperative = first in lists.base
    gerund = first.endswith("ing") and first in lists.actions
    conditional = any(t == "if" and nxt in _CONDITION_SUBJECTS for t, nxt in pairwise(tokens))
    framed = imperative or conditional or not lists.frame.isdisjoint(seen)
    # A condition with a gain ("when you publish the rota earlier, ..."), looked for only if needed.
    changes: bool | None = None if framed else _conditional_change(tokens, lists)
    # The cheap gate: no frame, no proposal.
    if not (framed or changes):
        return False
    if _guarded(low, tokens, seen, lists):
        return False
    action = imperative or gerund
    effect = False
    for i in range(1, len(tokens)):
        word, prev = tokens[i], tokens[i - 1]
        if not action and word in lists.actions and prev in lists.lead:
            action = True
        if not effect and word in lists.effects and prev in lists.effect_lead:
            effect = True
    if not (action or effect) and (
        changes if changes is not None else _conditional_change(tokens, lists)
    ):
        action = True
    # Something done to the operation, or a change it would see: a "so" alone is no plan.
    if not (action or effect):
        return False
    if not effect:
        effect = not lists.comparatives.isdisjoint(seen) or any(
            t == "so" and nxt not in _NOT_PURPOSE and after != "i"
            for t, nxt, after in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False)
        )
    # "The hostel should ...": a named part of their operation is the one told what to do.
    theirs = (
        names_issue
        or not lists.theirs.isdisjoint(seen)
        or (first in ("the", "your") and not lists.modals.isdisjoint(tokens[2:4]))
    )
    return 1 + action + effect + theirs >= lists.threshold
