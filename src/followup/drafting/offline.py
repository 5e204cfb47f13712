"""The offline drafter: good, distinct notes with no model and no network.

Each note is composed from the person's own debrief entries and phrasings
drawn from ``phrases.yaml``. Every slot (thanks, positive, objection answer,
enthusiasm, next step, ...) gives each person of a loop a different phrasing,
deterministically, so the same debrief always yields the same notes and no
two notes of one loop share a sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from followup.debrief import Debrief, Interviewer
from followup.drafting.base import Draft, NoteKind
from followup.text import split_sentences, word_count, words

__all__ = ["MAX_WORDS", "MIN_WORDS", "OfflineDrafter", "format_date"]

MIN_WORDS = 90
MAX_WORDS = 200
# Aim above the floor so the sign-off or a short field never drops a note under it.
_TARGET_WORDS = 115
# Stock filler stops as soon as the note clears the floor with a small margin.
_FILLER_WORDS = MIN_WORDS + 6
_SPARE_FILLER = ("enthusiasm.formal", "enthusiasm.friendly", "enthusiasm.familylike")
# A field longer than this is cut at a clause boundary before it goes into a sentence.
_FIELD_WORDS = 24
# Excerpt lengths tried in turn when a note runs over MAX_WORDS.
_FIELD_LADDER = (_FIELD_WORDS, 14, 8)
# Sentences this long or longer must not appear in two notes of one loop.
_DUPLICATE_WORDS = 8

# Words that start a debrief phrase but are not proper nouns, so "The WMS
# migration" reads "the WMS migration" mid-sentence.
_LOWER_STARTERS = frozenset(
    """a an the our your my his her their its this that these those some any all
    how what why when where which who whether more less better faster new
    improving reducing building scaling hiring cutting growing getting keeping
    making running managing moving finding working learning using shared
    mutual both each every one two several many few""".split()
)
_ING_NAMES = frozenset({"beijing", "nanjing", "reading", "ewing", "sterling", "kipling", "harding"})


@cache
def _phrases() -> Mapping[str, Any]:
    text = resources.files("followup.drafting").joinpath("phrases.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def format_date(value: dt.date, reference: dt.date | None = None) -> str:
    """``2027-03-20`` -> ``March 20, 2027``, or ``March 20`` in the reference's year."""
    if reference is not None and reference.year == value.year:
        return f"{value:%B} {value.day}"
    return f"{value:%B} {value.day}, {value.year}"


_PAST = (
    r"(?:built|made|ran|wrote|took|did|said|told|gave|led|grew|won|saw|had|shared"
    r"|mentioned|described|showed|started|launched|founded|joined|moved|recommended"
    r"|suggested|explained|used|created|designed|\w+ed)"
)
_PRONOUNS = [
    (re.compile(r"\b(?:he|she)\s+was\b", re.I), "you were"),
    (re.compile(r"\b(?:he|she)\s+(?:is)\b", re.I), "you are"),
    (re.compile(r"\b(?:he|she)\s+(?:has)\b", re.I), "you have"),
    (re.compile(rf"\b(?:he|she)\s+({_PAST})\b", re.I), r"you \1"),
    (re.compile(r"\b(?:he|she)\s+(will|would|can|could|should|may|might|must)\b", re.I), r"you \1"),
    (re.compile(r"\b(?:he|she)'ll\b", re.I), "you'll"),
    (re.compile(r"\bhis\b", re.I), "your"),
    (re.compile(r"\bher\b(?=\s+(?!to\b|and\b|or\b|for\b|about\b|that\b)[a-z])", re.I), "your"),
]


def _second_person(text: str, person: Interviewer | None = None) -> str:
    """Debrief entries speak of the person ("the dashboard he built"); notes speak to them."""
    for pattern, repl in _PRONOUNS:
        text = pattern.sub(repl, text)
    if person is not None:
        given = person.name[: person.name.rfind(person.last_name)].strip()
        names = {person.name, person.address, given, person.first_name} - {""}
        for name in sorted(names, key=len, reverse=True):
            quoted = re.escape(name)
            text = re.sub(rf"\b{quoted}['’]s\b", "your", text)
            text = re.sub(rf"\b{quoted}\b", "you", text)
    return text


# Emoji, pictographs and dingbats never belong in a formal note, even when typed in a field.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+")


def _clean(text: str, limit: int = _FIELD_WORDS) -> str:
    """A debrief entry made fit to sit inside a sentence, cut to about ``limit`` words."""
    text = _PICTOGRAPHS.sub(" ", text).replace("!", "")
    text = " ".join(text.split())
    text = text.strip().rstrip(".;:!?,").strip()
    text = text.strip("\"'“”")
    ws = text.split(" ")
    if len(ws) > limit:
        cut = -1
        for i, w in enumerate(ws[:limit]):
            if i >= 4 and (w.endswith((",", ";", ":")) or w in ("-", "–", "—")):
                cut = i
                break
        ws = ws[: cut + 1] if cut >= 0 else ws[:limit]
        text = " ".join(ws).rstrip(",;:-–— ")
    return text


def _inline(text: str, person: Interviewer | None = None, limit: int = _FIELD_WORDS) -> str:
    """Lower-case the first word when it is a common word rather than a name."""
    text = _second_person(_clean(text, limit), person)
    if not text:
        return text
    first = re.split(r"[\s,]", text, maxsplit=1)[0]
    low = first.lower()
    is_title_case = first[:1].isupper() and (len(first) == 1 or first[1:].islower())
    if is_title_case and (
        low in _LOWER_STARTERS or (low.endswith("ing") and len(low) > 5 and low not in _ING_NAMES)
    ):
        return low + text[len(first) :]
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _seed(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass
class _Picker:
    """Hands out phrasings so each person of a loop gets a different one per slot."""

    seed: int
    used: dict[str, set[int]] = field(default_factory=dict)

    def pick(self, slot: str, pool: Sequence[str], shift: int = 0) -> tuple[int, str]:
        taken = self.used.setdefault(slot, set())
        n = len(pool)
        start = (_seed(str(self.seed), slot) + shift) % n
        for step in range(n):
            i = (start + step) % n
            if i not in taken:
                taken.add(i)
                return i, pool[i]
        # More people than phrasings: reuse, offset by how often the pool was emptied.
        i = (start + len(taken)) % n
        taken.add(i)
        return i, pool[i]

    def fresh(self, slot: str, pool: Sequence[str], shift: int = 0) -> str | None:
        """A phrasing nobody in the loop has had yet, or None: optional lines never repeat."""
        if len(self.used.get(slot, ())) >= len(pool):
            return None
        return self.pick(slot, pool, shift)[1]


def _first_fresh(items: Sequence[str], used: set[str]) -> str | None:
    """The first entry not already used in an earlier note of the loop."""
    for item in items:
        key = " ".join(words(item.lower()))
        if key not in used:
            used.add(key)
            return item
    return items[0] if items else None


def _objection_category(objection: str) -> str:
    text = " " + " ".join(words(objection.lower())) + " "
    table = _phrases()["objection"]
    for name, entry in table.items():
        for kw in entry["keywords"]:
            if f" {kw.lower()} " in text or (" " not in kw and f" {kw.lower()}" in text):
                return str(name)
    return "default"


def _fill(template: str, values: Mapping[str, str]) -> str:
    # Values are data: format_map substitutes them and never parses them again.
    # A value ending in a full stop ("s.r.o.") must not double the sentence's own.
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", template.format_map(values))


def _shorten_repeats(body: str, debrief: Debrief) -> str:
    """Name a long role in full once; after that "the role", "my interview" read better."""
    role = " ".join(debrief.interview.role.split())
    if len(role.split()) <= 3:
        return body
    pattern = re.compile(
        rf"\b(the|my|this|your) {re.escape(role)} "
        r"(role|position|opening|interview|search|decision|process|opportunity)\b"
    )
    first = body.find(role)
    if first < 0:
        return body
    cut = first + len(role)
    return body[:cut] + pattern.sub(r"\1 \2", body[cut:])


def _sentences(body: str) -> list[str]:
    return [" ".join(words(s.text.lower())) for s in split_sentences(body)]


@dataclass
class _Loop:
    """What the notes of one loop have used so far."""

    picker: _Picker
    field_words: int = _FIELD_WORDS
    topics: set[str] = field(default_factory=set)
    positives: set[str] = field(default_factory=set)
    issues: set[str] = field(default_factory=set)
    steps: set[str] = field(default_factory=set)
    sentences: set[str] = field(default_factory=set)


class OfflineDrafter:
    """The built-in drafter: deterministic, instant, and needs nothing installed."""

    name = "offline"

    def draft_loop(self, debrief: Debrief, kind: NoteKind = "thank_you") -> list[Draft]:
        iv = debrief.interview
        loop = _Loop(_Picker(_seed(debrief.candidate.name, iv.company, iv.role, str(iv.date))))
        return [self._compose(debrief, person, loop, kind) for person in debrief.interviewers]

    def draft_one(self, debrief: Debrief, index: int, kind: NoteKind = "thank_you") -> Draft:
        return self.draft_loop(debrief, kind)[index]

    # -- composition -------------------------------------------------------

    def _compose(self, debrief: Debrief, person: Interviewer, loop: _Loop, kind: NoteKind) -> Draft:
        builders: dict[str, Callable[[Debrief, Interviewer, _Loop, int], tuple[str, list[str]]]] = {
            "thank_you": self._thank_you,
            "check_in": self._check_in,
            "timeline": self._timeline,
            "rejection_reply": self._rejection_reply,
        }
        build = builders[kind]
        picked = {k: set(v) for k, v in loop.picker.used.items()}
        entries = (set(loop.topics), set(loop.positives), set(loop.issues), set(loop.steps))
        # Shorter field excerpts first fix a note that runs long; other phrasings
        # fix a sentence that a shared debrief entry made identical to another note's.
        attempts = [(limit, shift) for limit in _FIELD_LADDER for shift in range(8)]
        for limit, shift in attempts:
            loop.picker = _Picker(loop.picker.seed, {k: set(v) for k, v in picked.items()})
            loop.topics, loop.positives, loop.issues, loop.steps = (set(e) for e in entries)
            loop.field_words = limit
            subject, paragraphs = build(debrief, person, loop, shift)
            body = self._assemble(debrief, person, paragraphs)
            short = _shorten_repeats(body, debrief)
            if word_count(short) >= MIN_WORDS:
                body = short
            clash = any(
                len(s.split()) >= _DUPLICATE_WORDS and s in loop.sentences for s in _sentences(body)
            )
            if not clash and word_count(body) <= MAX_WORDS:
                break
        loop.sentences.update(s for s in _sentences(body) if len(s.split()) >= _DUPLICATE_WORDS)
        return Draft(
            interviewer=person.name,
            email=person.email,
            subject=subject,
            body=body,
            kind=kind,
            backend="offline",
        )

    def _values(self, debrief: Debrief, person: Interviewer) -> dict[str, str]:
        iv = debrief.interview
        return {
            # Names keep their punctuation ("s.r.o.", "Inc."): only spacing is normalised.
            "role": " ".join(iv.role.split()),
            "company": " ".join(iv.company.split()),
            "candidate": debrief.candidate.name,
            "address": person.address,
            "interview_date": format_date(iv.date, iv.date),
            "decision_date": (
                format_date(iv.decision_expected, iv.date) if iv.decision_expected else ""
            ),
            "deadline": (
                format_date(debrief.candidate.decision_deadline, iv.date)
                if debrief.candidate.decision_deadline
                else ""
            ),
        }

    def _assemble(self, debrief: Debrief, person: Interviewer, paragraphs: list[str]) -> str:
        lines = [f"Dear {person.address},", ""]
        for para in paragraphs:
            lines.extend([para, ""])
        return "\n".join(lines).rstrip() + "\n"

    def _signature(self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int) -> str:
        pool = _phrases()["sign_off"][person.tone]
        _, sign_off = loop.picker.pick(f"sign_off.{person.tone}", pool, shift)
        parts = [sign_off, debrief.candidate.name]
        if debrief.candidate.phone:
            parts.append(debrief.candidate.phone)
        if debrief.candidate.email:
            parts.append(debrief.candidate.email)
        return "\n".join(parts)

    def _thank_you(
        self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int
    ) -> tuple[str, list[str]]:
        if person.is_assistant:
            return self._assistant(debrief, person, loop, shift)
        p = _phrases()
        v = self._values(debrief, person)
        pick = loop.picker.pick

        topic = _first_fresh(person.topics, loop.topics)
        positive = _first_fresh(person.positives, loop.positives)
        issue = _first_fresh(person.key_issues, loop.issues)
        step = _first_fresh(person.next_steps, loop.steps)

        v_topic = {**v, "topic": _inline(topic, person, loop.field_words)} if topic else v
        opening = [
            _fill(pick("thanks_topic", p["thanks_topic"], shift)[1], v_topic)
            if topic
            else _fill(pick("thanks_plain", p["thanks_plain"], shift)[1], v)
        ]

        middle: list[str] = []
        if positive and issue:
            middle.append(
                _fill(
                    pick("positive_issue", p["positive_issue"], shift)[1],
                    {
                        **v,
                        "key_issue": _inline(issue, person, loop.field_words),
                        "positive": _inline(positive, None, loop.field_words),
                    },
                )
            )
        elif positive:
            middle.append(
                _fill(
                    pick("positive_only", p["positive_only"], shift)[1],
                    {**v, "positive": _inline(positive, None, loop.field_words)},
                )
            )
        elif issue:
            middle.append(
                _fill(
                    pick("issue_only", p["issue_only"], shift)[1],
                    {**v, "key_issue": _inline(issue, person, loop.field_words)},
                )
            )
        if person.objections:
            category = _objection_category(person.objections[0])
            lines = p["objection"][category]["lines"]
            if len(loop.picker.used.get(f"objection.{category}", set())) >= len(lines):
                category, lines = "default", p["objection"]["default"]["lines"]
            middle.append(pick(f"objection.{category}", lines, shift)[1])

        enthusiasm = _fill(
            pick(f"enthusiasm.{person.tone}", p["enthusiasm"][person.tone], shift)[1], v
        )

        steps: list[str] = []
        if step:
            steps.append(
                _fill(
                    pick("next_step", p["next_step"], shift)[1],
                    {**v, "next_step": _inline(step, person, loop.field_words)},
                )
            )
        elif debrief.interview.decision_expected:
            steps.append(_fill(pick("next_step_date", p["next_step_date"], shift)[1], v))
        else:
            steps.append(_fill(pick("next_step_none", p["next_step_none"], shift)[1], v))
        if debrief.interview.first_interviewed:
            steps.append(pick("first_interviewed", p["first_interviewed"], shift)[1])
        if person.invited_to_call:
            steps.append(pick("invited_to_call", p["invited_to_call"], shift)[1])

        # Extras, in order of value, only while the note is short of its target.
        extras: list[tuple[str, Callable[[], str]]] = []
        more_topics = [t for t in person.topics if t != topic]
        if more_topics:
            t2 = more_topics[0]
            extras.append(
                (
                    "opening",
                    lambda: _fill(
                        pick("second_topic", p["second_topic"], shift)[1],
                        {**v, "topic": _inline(t2, person, loop.field_words)},
                    ),
                )
            )
        more_pos = [x for x in person.positives if x != positive]
        if more_pos:
            pos2 = more_pos[0]
            extras.append(
                (
                    "middle",
                    lambda: _fill(
                        pick("second_positive", p["second_positive"], shift)[1],
                        {
                            **v,
                            "positive": _inline(pos2, None, loop.field_words),
                            "positive_lc": _inline(pos2, None, loop.field_words),
                        },
                    ),
                )
            )
        # Filler only lifts a thin note over the floor: it says nothing about this person.
        for _ in range(6):
            extras.append(("filler", lambda: self._padding(loop, "padding", shift, v)))

        closing = pick("closing", p["closing"], shift)[1]
        signature = self._signature(debrief, person, loop, shift)

        def paragraphs() -> list[str]:
            paras = [" ".join(opening)]
            if middle:
                paras.append(" ".join(middle))
            paras.append(" ".join([enthusiasm, *steps]))
            paras.append(closing)
            paras.append(signature)
            return paras

        for where, make in extras:
            goal = _FILLER_WORDS if where == "filler" else _TARGET_WORDS
            if word_count("\n".join(paragraphs())) >= goal:
                continue
            line = make()
            if line:
                (middle if where == "middle" else opening).append(line)
        paras = paragraphs()
        while word_count("\n".join(paras)) > MAX_WORDS and len(middle) > 1:
            middle.pop()
            paras = paragraphs()

        subject = _fill(pick("subject", p["subject"], shift)[1], v)
        return subject, paras

    def _padding(self, loop: _Loop, slot: str, shift: int, values: Mapping[str, str]) -> str:
        # A big loop of people recorded by name only can use up the filler;
        # fresh lines from the enthusiasm pools still keep every sentence distinct.
        spare = [] if slot.startswith("assistant") else _SPARE_FILLER
        for name in (slot, *spare):
            node: Any = _phrases()
            for part in name.split("."):
                node = node[part]
            line = loop.picker.fresh(name, node, shift)
            if line:
                return _fill(line, values)
        return ""

    def _assistant(
        self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int
    ) -> tuple[str, list[str]]:
        p = _phrases()["assistant"]
        v = self._values(debrief, person)
        pick = loop.picker.pick
        topic = _first_fresh(person.topics, loop.topics)
        first = [_fill(pick("assistant.thanks", p["thanks"], shift)[1], v)]
        first.append(_fill(pick("assistant.help", p["help"], shift)[1], v))
        if topic:
            first.append(
                _fill(
                    pick("assistant.topic", p["topic"], shift)[1],
                    {**v, "topic": _inline(topic, person, loop.field_words)},
                )
            )
        closing = pick("assistant.closing", p["closing"], shift)[1]
        signature = self._signature(debrief, person, loop, shift)
        for _ in range(len(p["padding"])):
            if word_count(" ".join([*first, closing, signature])) >= MIN_WORDS + 8:
                break
            line = self._padding(loop, "assistant.padding", shift, v)
            if line:
                first.append(line)
        subject = _fill(pick("assistant.subject", p["subject"], shift)[1], v)
        return subject, [" ".join(first[:2]), " ".join(first[2:]), closing, signature]

    def _special(
        self,
        section: str,
        debrief: Debrief,
        person: Interviewer,
        loop: _Loop,
        shift: int,
        slots: list[str],
    ) -> tuple[str, list[str]]:
        p = _phrases()[section]
        v = self._values(debrief, person)
        topic = _first_fresh(person.topics, loop.topics)
        if topic:
            v["topic"] = _inline(topic, person, loop.field_words)
        pick = loop.picker.pick
        sentences = []
        for slot in slots:
            name = slot
            if f"{slot}_plain" in p and not topic and "{topic}" in " ".join(p[slot]):
                name = f"{slot}_plain"
            sentences.append(_fill(pick(f"{section}.{name}", p[name], shift)[1], v))
        subject = _fill(pick(f"{section}.subject", p["subject"], shift)[1], v)
        closing = pick(f"{section}.closing", p["closing"], shift)[1]
        half = (len(sentences) + 1) // 2
        return subject, [
            " ".join(sentences[:half]),
            " ".join(sentences[half:]),
            closing,
            self._signature(debrief, person, loop, shift),
        ]

    def _check_in(
        self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int
    ) -> tuple[str, list[str]]:
        date_slot = "date" if debrief.interview.decision_expected else "no_date"
        return self._special(
            "check_in", debrief, person, loop, shift, ["opening", date_slot, "interest", "offer"]
        )

    def _timeline(
        self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int
    ) -> tuple[str, list[str]]:
        if not debrief.candidate.decision_deadline:
            # Without a deadline there is nothing to ask for; a check-in is the honest note.
            return self._check_in(debrief, person, loop, shift)
        return self._special(
            "timeline", debrief, person, loop, shift, ["opening", "interest", "ask"]
        )

    def _rejection_reply(
        self, debrief: Debrief, person: Interviewer, loop: _Loop, shift: int
    ) -> tuple[str, list[str]]:
        return self._special(
            "rejection_reply", debrief, person, loop, shift, ["thanks", "gracious", "future"]
        )
