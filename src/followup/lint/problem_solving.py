"""Problem solving: a fix, plan, diagnosis or deliverable for the employer's problem."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from followup.debrief import Interviewer
from followup.lint.context import NoteContext
from followup.lint.keywords import any_mention, entry_stems, stems, stems_at
from followup.lint.phrases import Phrase, PhraseSet, Words
from followup.lint.proposal import clause_start, may_propose, opens_with_action, proposes
from followup.lint.registry import data
from followup.lint.spelling import is_known_word
from followup.lint.word_model import Model, culprit, load_model
from followup.text import Sentence

__all__ = ["check", "check_model"]

_SIGNALS = {
    "plan": "proposed plan",
    "fix": "proposed fix",
    "diagnosis": "diagnosis",
    "recommendation": "recommendation",
    "promised result": "promised result",
    "deliverable": "unrequested deliverable",
    "step": "list of steps",
    "proposed fix": "proposed fix",
    "model": "suggestion",
}
_LIST_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]|[-*•·–]|\(?[a-z][.)]|step\s+\d+:?)[ \t]+(\S+)", re.I | re.M
)

# The line before a list that presents it as proposals ("Here are a few ideas:").
_LEAD_IN = re.compile(
    r"\b(?:ideas?|suggestions?|suggest|recommend\w*|propos\w*|changes?|steps?|plan|try|would|"
    r"could|should|fix\w*|improve\w*|quick\s+wins?|options?|approach|solutions?|tweaks?|"
    r"measures?|thoughts?|things|do\s+(?:first|next))\b"
)

_REPORTED = re.compile(
    r"\b(?:hear|heard|hearing|learn|learned|learnt|learning|planned|already|sounds\s+like|"
    r"you\s+(?:mentioned|described|explained|said|told|shared|showed|outlined)|your\s+plans?|"
    r"you(?:'re|’re|\s+are)\s+(?:planning|rolling|introducing|building|adding))\b"
)
_SELF = re.compile(r"\b(?:me|my|i|myself|i'm|i’m)\b")
# A sentence framed as past experience ("In my last role I drafted the rota") tells
# what the writer did, not what the employer should do, unless it turns to them.
_PAST_FRAME = re.compile(
    r"^\W*(?:(?:at|in|during)\s+(?:my|our)\s+(?:last|previous|former|old)\b"
    r"|when\s+i\s+(?:was|worked|ran|led|managed)\b|previously\b|last\s+(?:year|month|season)\b"
    r"|for\s+(?:\w+\s+)?(?:years|months)\b|(?:\w+\s+){0,2}years?\s+ago\b)"
)
# Something they asked for ("the certificates you asked for", "as you suggested") is
# a task they set, not a plan the writer pushes on them.
_REQUESTED = re.compile(
    r"\b(?:you\s+(?:asked|requested|suggested)|as\s+(?:you\s+)?(?:asked|requested))\b"
)
_TO_THEM = re.compile(r"\b(?:you|your|yours)\b")
_TOLD_NOT_PROPOSED = frozenset({"deliverable", "plan", "step"})


@cache
def _verbs(key: str) -> str:
    words = sorted((str(v) for v in data("problem_solving")[key]), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def _gerunds(verb: str) -> set[str]:
    """ "cut" -> cutting, "move" -> moving, "add" -> adding (spelling rules, loosely)."""
    forms = {verb + "ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    if len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2:-1] in tuple("aeiou"):
        forms.add(verb + verb[-1] + "ing")
    return forms


@cache
def _gerund_group(key: str) -> str:
    forms = {g for v in data("problem_solving")[key] for g in _gerunds(str(v))}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


@cache
def _patterns(strength: str) -> tuple[PhraseSet, tuple[str, ...]]:
    """The data patterns, ``<VERB>``/``<GERUND>`` replaced by the entry's verb list, and
    the signal of each."""
    out = []
    for entry in data("problem_solving")[strength]:
        source = str(entry["pattern"])
        key = str(entry.get("verbs", "list_verbs"))
        # Words one of which every match holds: the pattern is skipped without them.
        gate = frozenset(str(w) for w in entry.get("gate", ()))
        if "<VERB>" in source:
            gate = frozenset(w for v in data("problem_solving")[key] for w in str(v).split())
        elif "<GERUND>" in source:
            gate = frozenset(g for v in data("problem_solving")[key] for g in _gerunds(str(v)))
        source = source.replace("<VERB>", _verbs(key)).replace("<GERUND>", _gerund_group(key))
        phrase = Phrase(source, re.MULTILINE, entry.get("not_after"), gate)
        out.append((phrase, str(entry["signal"])))
    return PhraseSet(p for p, _ in out), tuple(s for _, s in out)


@cache
def _named_past() -> re.Pattern[str]:
    """Past experience at a named employer, in the note's own case ("At Acme I ...")."""
    return re.compile(str(data("problem_solving")["past_frame_named"]))


@cache
def _list_verbs() -> frozenset[str]:
    return frozenset(str(v) for v in data("problem_solving")["list_verbs"])


def _signals_by_sentence(
    ctx: NoteContext, sentences: list[Sentence], strength: str
) -> list[list[str]]:
    """The signals found in each sentence, in pattern order.

    Most patterns run once over the whole note (much faster than once per
    sentence); those anchored at a sentence start (``^``) run per sentence.
    """
    starts = [s.start for s in sentences]
    found: list[list[tuple[int, str]]] = [[] for _ in sentences]
    words = ctx.words
    # Sentences one per line, so a "^" pattern (MULTILINE) meets each sentence start.
    lines = "\n".join(ctx.lowered[s.start : s.end].replace("\n", " ") for s in sentences)
    line_starts = [0]
    for s in sentences[:-1]:
        line_starts.append(line_starts[-1] + (s.end - s.start) + 1)
    patterns, signals = _patterns(strength)
    for order in patterns.candidates(words):
        pattern, signal = patterns[order], signals[order]
        if pattern.anchored:
            for m in pattern.matches(lines, 0, words):
                found[bisect_right(line_starts, m.start()) - 1].append((order, signal))
            continue
        for m in pattern.matches(words, ctx.body_start):
            index = bisect_right(starts, m.start()) - 1
            if index >= 0 and m.start() < sentences[index].end:
                found[index].append((order, signal))
    return [[signal for _, signal in sorted(set(hits))] for hits in found]


def _key_issues(ctx: NoteContext) -> list[str]:
    people: list[Interviewer] = []
    if ctx.recipient is not None:
        people = [ctx.recipient]
    elif ctx.debrief is not None:
        people = list(ctx.debrief.interviewers)
    return [issue for p in people for issue in p.key_issues]


def _suggestion(issue: str | None) -> str:
    if issue:
        return (
            f"I enjoyed our discussion of {issue.rstrip('.')}, and I would welcome the chance "
            "to dig into it with your team once I understand it from the inside."
        )
    return (
        "I enjoyed hearing about this challenge, and I would welcome the chance to explore "
        "it with your team once I understand it from the inside."
    )


def _plan_list(ctx: NoteContext) -> tuple[int, int] | None:
    """The span of a list of actions, or of proposals introduced as such ("A few ideas:")."""
    items = list(_LIST_ITEM.finditer(ctx.masked, ctx.body_start))
    if len(items) < 2:
        return None
    verbs = _list_verbs()
    actions = [m for m in items if m.group(1).lower().strip(".,:;") in verbs]
    before = ctx.lowered[ctx.body_start : items[0].start()].rstrip()
    lead_in = before[before.rfind("\n") + 1 :]
    proposed = lead_in.rstrip().endswith(":") and _LEAD_IN.search(lead_in) is not None
    if not proposed and (len(actions) * 2 < len(items) or len(actions) < 2):
        return None
    end = ctx.masked.find("\n", items[-1].end())
    return items[0].start(), len(ctx.masked) if end < 0 else end


Features = tuple[Phrase, Phrase, Phrase, frozenset[str], Phrase]
# Words that make the subject of "would help" the candidate or the reader, not a fix.
_PEOPLE = frozenset({"i", "i'd", "i’d", "me", "my", "we", "we'd", "you", "you'd", "you’d", "it"})


@cache
def _features() -> Features:
    d = data("problem_solving")
    return (
        Phrase(str(d["effect"])),
        Phrase(str(d["problem_terms"])),
        Phrase(str(d["intent"])),
        frozenset(str(v) for v in d["safe_verbs"]),
        Phrase(str(d["diagnosis_is"])),
    )


def _combined(low: str, names_issue: bool, features: Features, words: Words) -> list[str]:
    """Signals no single phrase gives: an effect on a named problem, a plan in the first person."""
    effect, problem, intent, safe, diagnosis = features
    for m in effect.matches(low, 0, words):
        subject = low[max(0, m.start() - 40) : m.start()].split()[-3:]
        # "This experience would help me ...", "I believe my background could help the
        # team with ...": the candidate, not a fix, anywhere in the clause's subject.
        begins = clause_start(low, m.start())
        clause = low[begins : m.start()]
        own = _WRITER.intersection(_WORD.findall(_relief_lists().openers.sub("", clause.strip())))
        if _PEOPLE.intersection(subject) or own or _SELF.search(low, m.end(), m.end() + 25):
            continue
        # "I was glad to hear the planned upgrade should help" reports their plan; a report
        # in a clause that only points at the problem ("on the delays you mentioned, ...") does not.
        if _REPORTED.search(low, begins, m.start()):
            continue
        if names_issue or problem.search(low):
            return ["promised result"]
    planned = intent.search(low, 0, words)
    # "I will try the restaurant you recommended": their advice taken, not a plan for them;
    # "your question about how I would brief a minister": their question, reported.
    if planned and (_FOLLOWED.search(low) or _ASKED_HOW.search(low, 0, planned.start())):
        planned = None
    verb = planned.group("verb") if planned else ""
    if verb and verb not in safe and not verb.endswith("ly") and is_known_word(verb):
        return ["plan"]
    if diagnosis.search(low, 0, words):
        return ["diagnosis"]
    return []


_WORD = re.compile(r"[a-z][a-z'’-]*")
_ASKED_HOW = re.compile(r"\b(?:how|whether|what)\s+$")
_FOLLOWED = re.compile(
    r"\byou\s+(?:recommended|suggested|mentioned|told\s+me\s+about|pointed\s+me\s+to)\b"
)
# The writer as the subject of a relief ("my experience could help"), not their operation.
_WRITER = frozenset(
    {"i", "i'd", "i’d", "i'm", "i’m", "me", "my", "myself", "we", "we'd", "our", "us"}
)
_CLAUSE_BREAK = re.compile(r"[,;—–(]|:(?!\d)")  # "at 5:45" is a time, not a break


@dataclass(frozen=True)
class _Relief:
    relief: Phrase
    leads: frozenset[str]
    verbs: frozenset[str]
    anaphor: re.Pattern[str]
    openers: re.Pattern[str]
    not_interventions: frozenset[str]
    participles: frozenset[str]


@cache
def _relief_lists() -> _Relief:
    d = data("problem_solving")
    return _Relief(
        Phrase(str(d["relief"])),
        frozenset(str(w) for w in d["relief_leads"]),
        # With the punctuation a plain split leaves on the last word ("could help.").
        frozenset(str(w) + end for w in d["relief_verbs"] for end in ("", ".", ",", ";", "!")),
        re.compile(str(d["relief_object"])),
        re.compile(str(d["clause_openers"])),
        frozenset(str(w) for w in d["not_interventions"]),
        frozenset(str(w) for w in d["perfect_participles"]),
    )


def _perfect(word: str, lists: _Relief) -> bool:
    """Whether ``word`` after "having" makes a perfect participle ("having spent")."""
    return word in lists.participles or word.endswith(("ed", "en"))


def _relief(low: str, words: Words) -> bool:
    """An intervention claimed to relieve their problem, whatever its verb.

    The subject of the clause before "might / usually / tends to <relieve>" is
    an action put as a gerund ("Splitting the leg could help"), or an
    indefinite thing whose relief points back at the problem ("a netting
    calendar tends to take the sting out of that"). The writer as subject,
    the writer after the verb ("would help me") and reported plans pass.
    """
    lists = _relief_lists()
    plain = frozenset(low.split())
    if lists.leads.isdisjoint(plain) or lists.verbs.isdisjoint(plain):
        return False
    for m in lists.relief.matches(low, 0, words):
        head = low[: m.start()]
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(head)]
        clause = head[breaks[-1] if breaks else 0 :].strip()
        clause = lists.openers.sub("", clause).strip()
        subject = _WORD.findall(clause)
        if not subject or _WRITER.intersection(subject) or _REPORTED.search(clause):
            continue
        if _SELF.search(low, m.end(), m.end() + 25):
            continue
        first = subject[0]
        if first.endswith("ing") and len(first) > 4 and first not in lists.not_interventions:
            return True
        if first == "having" and len(subject) > 1 and not _perfect(subject[1], lists):
            return True  # "having two drivers report at 5:45 usually covers the gaps"
        if first in ("a", "an") and lists.anaphor.match(low, m.end()):
            return True
    return False


def check(ctx: NoteContext) -> None:
    """Flag sentences that prescribe; interest and past experience pass."""
    before = len(ctx.findings)
    _check_rules(ctx)
    if not any(f.category == "problem_solving" for f in ctx.findings[before:]):
        check_model(ctx, load_model("problem_solving"))


# A sentence the model may point at: in the body, long enough to hold a proposal, and
# neither a question, interest, nor logistics; words alone cannot tell those apart.
_MODEL_MIN_WORDS = 5
_NOT_A_FIX = re.compile(
    r"\?\s*$|\b(?:glad|happy|love|keen|eager|curious|interested|excited)\s+to\s+"
    r"(?:hear|learn|discuss|talk|know|understand|explore|see|meet|dig)\b|\b(?:hear|learn)\s+more\b"
    r"|\bif\s+you\s+(?:decide|choose|would\s+like|need|want)\b|\b(?:move|moving|go|going)\s+"
    r"(?:forward|ahead)\b|\bnext\s+steps?\b|\bstart\s+(?:within|on|in|by)\b"
)


def _no_proposal_shape(low: str) -> bool:
    """Whether a sentence lacks every shape of a proposal, so the model may not point at it.

    A proposal claims what some change would do (a modal or habitual verb whose subject
    is not the writer: "a pre-screen tends to double referrals"), tells them to do it (an
    imperative: "put the inbound appointments on 30-minute slots"), or carries a cue of
    advice or diagnosis ("my two cents", "most likely comes from", "free of charge"). A
    sentence with none ("Our share went from 1.8 to 2.6", "I would love to ride along
    with one of your nurses") tells, asks or wishes.
    """
    return _proposal_shape().search(low) is None and not opens_with_action(low)


@cache
def _proposal_shape() -> re.Pattern[str]:
    return re.compile(str(data("problem_solving")["proposal_shape"]))


def check_model(ctx: NoteContext, model: Model) -> None:
    """The rules found nothing; the word model may still find the note reads as a fix."""
    sentence = culprit(
        model,
        ctx,
        _MODEL_MIN_WORDS,
        skip=lambda low: (
            _REQUESTED.search(low) or _NOT_A_FIX.search(low) or _no_proposal_shape(low)
        ),
    )
    if sentence is None:
        return
    issues = _key_issues(ctx)
    issue = any_mention(issues, stems(sentence.text)) if issues else None
    ctx.emit(
        "problem_solving.prescription",
        sentence.start,
        sentence.end,
        severity="warning",
        suggestion=_suggestion(issue),
        signal=_SIGNALS["model"],
    )


def _stems_by_sentence(
    text: str, sentences: list[Sentence], issues: list[str]
) -> list[frozenset[str]]:
    """Each sentence's content stems among those of ``issues`` (all a mention compares),
    from one pass over the note (not one per sentence)."""
    starts = [s.start for s in sentences]
    found: list[set[str]] = [set() for _ in sentences]
    for start, stem in stems_at(text, entry_stems(issues)):
        index = bisect_right(starts, start) - 1
        if index >= 0 and start < sentences[index].end:
            found[index].add(stem)
    return [frozenset(f) for f in found]


def _check_rules(ctx: NoteContext) -> None:
    issues = _key_issues(ctx)
    listed = _plan_list(ctx)
    if listed:
        issue = any_mention(issues, stems(ctx.masked[listed[0] : listed[1]]))
        ctx.emit(
            "problem_solving.prescription",
            *listed,
            suggestion=_suggestion(issue),
            signal=_SIGNALS["step"],
        )
    features = _features()
    sentences = ctx.sentences
    strong_at = _signals_by_sentence(ctx, sentences, "strong")
    weak_at = _signals_by_sentence(ctx, sentences, "weak")
    weak_only: list[tuple[Sentence, list[str], str | None]] = []
    scored = may_propose(ctx.tokens)
    sentence_stems = _stems_by_sentence(ctx.text, sentences, issues) if issues else []
    for index, sentence in enumerate(sentences):
        if listed and listed[0] <= sentence.start < listed[1]:
            continue
        issue = any_mention(issues, sentence_stems[index]) if issues else None
        low = ctx.lowered[sentence.start : sentence.end]
        if _REQUESTED.search(low):
            continue
        strong = strong_at[index]
        weak = weak_at[index]
        strong = strong or _combined(low, issue is not None, features, ctx.words)
        if not strong and _relief(low, ctx.words):
            strong = ["promised result"]
        # Wording no pattern knows: a proposal recognised by its features.
        if not strong and scored and proposes(low, issue is not None):
            strong = ["recommendation"]
        if (
            strong
            and _TOLD_NOT_PROPOSED.issuperset(strong)
            and (_PAST_FRAME.search(low) or _named_past().search(sentence.text))
            and not _TO_THEM.search(low)
        ):
            strong = []
        if strong or len(weak) >= 2 or (weak and issue):
            ctx.emit(
                "problem_solving.prescription",
                sentence.start,
                sentence.end,
                suggestion=_suggestion(issue),
                signal=_SIGNALS[(strong or weak)[0]],
            )
        elif weak:
            weak_only.append((sentence, weak, issue))
    # A plan spread over several sentences, each only hinting at it.
    if len(weak_only) >= 2:
        for sentence, weak, issue in weak_only:
            ctx.emit(
                "problem_solving.prescription",
                sentence.start,
                sentence.end,
                suggestion=_suggestion(issue),
                signal=_SIGNALS[weak[0]],
            )
