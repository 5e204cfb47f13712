"""A sentence that proposes a change to the employer's operation, scored by its features.

The phrase patterns of ``problem_solving.yaml`` know wordings; this knows the
shape of a proposal in any wording: (a) a proposal, obligation or condition
frame ("could", "need to", "if you", an imperative), (b) an action verb in verb
position ("introduce", "split"), (c) something of theirs ("your", "the ward",
a key issue) and (d) an intended effect ("would cut", "so that", a benefit
claimed for something not the writer: "a reminder call could bring it down").
Interest, learning, reported plans, the writer's past and the role itself are
guards. A question, the writer's past at another employer or what they asked
for veto the whole sentence; the other guards veto only their clause, so "on
the no-show rate you mentioned, a reminder call could bring it down" is read
in the clause that carries the proposal (what is theirs counts sentence-wide).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from followup.lint.registry import data

__all__ = ["clause_start", "may_propose", "opens_with_action", "proposes"]

_TOKEN = re.compile(r"[a-z][a-z'’-]*")
_LEAD_IN = re.compile(r"[\W_]*(?:\d{1,2}[.)][\W_]*)?")
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
    sentence_guards: re.Pattern[str]
    clause_break: re.Pattern[str]
    dependent: frozenset[str]
    conjunctions: frozenset[str]
    reporting: frozenset[str]
    fronted: frozenset[str]
    benefit: re.Pattern[str]
    benefit_leads: frozenset[str]
    benefit_heads: frozenset[str]
    not_subjects: frozenset[str]


# The object slot of a benefit ("bring X down"): up to five words.
_SLOT = r"(?:[\w'’-]+\s+){0,5}?"


def _benefit_pattern(leads: list[str], adverbs: list[str], verbs: list[str]) -> re.Pattern[str]:
    """ "could / tends to" + adverbs + a benefit ("bring X down": X is a short object slot)."""
    alternatives = []
    for entry in sorted(verbs, key=len, reverse=True):
        head, *rest = entry.split()
        out, slot = re.escape(head) + "(?:s|es)?", False
        for word in rest:
            if word == "X":
                out, slot = out + r"\s+" + _SLOT, True
            else:
                out, slot = out + ("" if slot else r"\s+") + re.escape(word), False
        alternatives.append(out)
    return re.compile(
        r"\b(?:"
        + "|".join(map(re.escape, leads))
        + r")\s+(?:(?:"
        + "|".join(map(re.escape, adverbs))
        + r")\s+){0,3}(?:"
        + "|".join(alternatives)
        + r")\b"
    )


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
            + "|".join(
                re.escape(w).replace("'", "['’]")
                for w in sorted(words("frame_words") | words("benefit_leads"))
            )
            + r")\b"
        ),
        lead=words("verb_lead") | {"team"},
        base=base,
        past=frozenset(past),
        actions=frozenset(actions),
        verbs=frozenset(actions | effects),
        # "guests" and "guest", "cooks" and "cook": either number is theirs.
        theirs=frozenset(
            f
            for w in words("theirs")
            for f in (
                w,
                w + "s",
                w[:-1] if len(w) > 4 and w.endswith("s") and w[-2] not in "su" else w,
            )
        ),
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
        sentence_guards=re.compile(str(d["sentence_guard_phrases"])),
        clause_break=re.compile(str(d["clause_break"])),
        dependent=words("dependent_openers"),
        conjunctions=words("conjunctions"),
        reporting=words("reporting_words"),
        fronted=words("fronted_openers"),
        benefit=_benefit_pattern(
            [str(w) for w in d["benefit_leads"]],
            [str(w) for w in d["benefit_adverbs"]],
            [str(w) for w in d["benefit_verbs"]],
        ),
        benefit_leads=words("benefit_leads"),
        benefit_heads=frozenset(
            f for v in d["benefit_verbs"] for f in _forms(str(v).split()[0]) | {str(v).split()[0]}
        ),
        not_subjects=words("benefit_not_subjects"),
    )


def _guarded(low: str, tokens: list[str], seen: frozenset[str], lists: _Lists) -> bool:
    """Interest, learning, a reported plan or the writer's own past, in ``low`` (a clause)."""
    if not lists.guards.isdisjoint(seen) or lists.guard_phrases.search(low):
        return True
    # "we cut", "I moved": told as experience unless it turns to them.
    if "you" in seen or "your" in seen:
        return False
    return any(t in lists.past_subjects and nxt in lists.past for t, nxt in pairwise(tokens))


def _tokens(low: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(low)]


def _clauses(low: str, lists: _Lists) -> list[tuple[int, str]]:
    """The clauses of a sentence with their offsets, split at , ; : dashes and before "which"."""
    out, start = [], 0
    for m in lists.clause_break.finditer(low):
        if m.start() > start:
            out.append((start, low[start : m.start()]))
        start = m.end()
    if start < len(low):
        out.append((start, low[start:]))
    return out


def clause_start(low: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins, a dependent clause ("which ...") with its head."""
    lists = _lists()
    clauses = _clauses(low[:pos], lists)
    while len(clauses) > 1:
        head = _TOKEN.match(clauses[-1][1].lstrip())
        if head is None or head.group() not in lists.dependent:
            break
        clauses.pop()
    return clauses[-1][0] if clauses else 0


def _unguarded(low: str, lists: _Lists) -> list[str]:
    """The clauses no guard covers.

    A dependent clause ("which ...", "and it ...", "training the new
    starters") shares the guard of the clause before; a report whose content
    runs on ("you said the new tool, once live, should ...") guards the rest
    of the sentence.
    """
    kept, guarded = [], False
    for _, clause in _clauses(low, lists):
        tokens = _tokens(clause)
        if not tokens:
            continue
        head = tokens[1] if tokens[0] in lists.conjunctions and len(tokens) > 1 else tokens[0]
        dependent = head in lists.dependent or (head.endswith("ing") and len(head) > 4)
        guarded = (dependent and guarded) or _guarded(clause, tokens, frozenset(tokens), lists)
        if not guarded:
            kept.append(clause)
        elif tokens[0] not in lists.fronted and any(t in lists.reporting for t in tokens[:-1]):
            break
    return kept


_WRITER = frozenset(
    {"i", "i'd", "i'm", "i'll", "i've", "me", "my", "myself", "we", "we'd", "our", "us"}
)


def _benefit(low: str, lists: _Lists) -> bool:
    """A benefit claimed for what is not the writer ("a reminder call could bring it down").

    The subject is what precedes the benefit (in the clauses no guard
    covers). The writer, a courtesy ("any feedback would go a long way",
    "anything you can share would help") or the writer after it ("would
    help me") is no benefit to their operation.
    """
    for m in lists.benefit.finditer(low):
        subject = _tokens(low[: m.start()])
        if not subject or not _WRITER.isdisjoint(subject):
            continue
        if not lists.not_subjects.isdisjoint(subject) or "you" in subject[1:]:
            continue
        if not _WRITER.isdisjoint(_tokens(low[m.end() : m.end() + 25])):
            continue
        return True
    return False


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


def _opens(low: str, word: re.Match[str]) -> bool:
    """Whether ``word`` opens the sentence ``low``, perhaps after a list mark ("1) Open ...");
    "2,300 open tickets is a lot" opens with a figure."""
    lead_in = _LEAD_IN.match(low)
    return lead_in is not None and lead_in.end() == word.start()


def opens_with_action(low: str) -> bool:
    """Whether the lower-cased sentence opens with an action verb, as an imperative does."""
    opening = _TOKEN.search(low)
    return opening is not None and _opens(low, opening) and opening.group() in _lists().base


def may_propose(note_tokens: frozenset[str]) -> bool:
    """Whether a note may hold a proposal: an action, effect or benefit verb, or a condition."""
    lists = _lists()
    if not lists.verbs.isdisjoint(note_tokens):
        return True
    if not lists.benefit_heads.isdisjoint(note_tokens):
        return not lists.benefit_leads.isdisjoint(note_tokens)
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
    tokens = _tokens(low)
    if not tokens:
        return False
    seen = frozenset(tokens)
    # Only a word that opens the sentence can be an imperative ("Open a second till").
    opens = _opens(low, opening)
    first = tokens[0] if opens else ""
    # Neither a frame, a condition nor a benefit anywhere: no proposal.
    if (
        first not in lists.base
        and lists.frame.isdisjoint(seen)
        and _CONDITIONS.isdisjoint(seen)
        and (lists.benefit_leads.isdisjoint(seen) or lists.benefit_heads.isdisjoint(seen))
    ):
        return False
    if low.rstrip().endswith("?") or lists.sentence_guards.search(low):
        return False
    # "The hostel should ...": a named part of their operation is the one told what to do.
    theirs = (
        names_issue
        or not lists.theirs.isdisjoint(seen)
        or (first in ("the", "your") and not lists.modals.isdisjoint(tokens[2:4]))
    )
    if not _guarded(low, tokens, seen, lists):
        return _scores(low, tokens, lists, theirs, opening=opens)
    # A guard in a clause that only points at their problem: read the other clauses.
    if lists.clause_break.search(low) is None:
        return False
    kept = _unguarded(low, lists)
    if not kept:
        return False
    text = " | ".join(kept)
    return _scores(text, _tokens(text), lists, theirs, opening=False)


def _scores(low: str, tokens: list[str], lists: _Lists, theirs: bool, opening: bool) -> bool:
    """Frame, action or effect, and theirs, in the (unguarded) text ``low``."""
    if not tokens:
        return False
    seen = frozenset(tokens)
    first = tokens[0]
    imperative = opening and first in lists.base
    gerund = opening and first.endswith("ing") and first in lists.actions
    conditional = any(t == "if" and nxt in _CONDITION_SUBJECTS for t, nxt in pairwise(tokens))
    benefits = not lists.benefit_leads.isdisjoint(seen) and not lists.benefit_heads.isdisjoint(seen)
    framed = imperative or conditional or not lists.frame.isdisjoint(seen)
    # A condition with a gain ("when you publish the rota earlier, ..."), looked for only if needed.
    changes: bool | None = None if framed else _conditional_change(tokens, lists)
    # A benefit claimed for their operation ("a reminder call can go a long way").
    benefit: bool | None = None
    if not (framed or changes):
        benefit = benefits and _benefit(low, lists)
        if not benefit:
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
    if not (action or effect) and benefits:
        effect = benefit if benefit is not None else _benefit(low, lists)
    # Something done to the operation, or a change it would see: a "so" alone is no plan.
    if not (action or effect):
        return False
    if not effect:
        effect = not lists.comparatives.isdisjoint(seen) or any(
            t == "so" and nxt not in _NOT_PURPOSE and after != "i"
            for t, nxt, after in zip(tokens, tokens[1:], [*tokens[2:], ""], strict=False)
        )
    return 1 + action + effect + theirs >= lists.threshold
