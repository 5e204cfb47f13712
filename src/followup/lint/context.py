"""Everything a rule needs to know about one note, computed once per note."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from followup.debrief import Debrief, Interviewer, Tone
from followup.lint.dates import DateKey, find_dates, plain_number
from followup.lint.finding import Finding, Fix, Replaces, Severity, position
from followup.lint.phrases import Words, lowered, word_tokens
from followup.lint.registry import data, rule_table
from followup.text import Sentence, split_sentences

__all__ = ["DebriefFacts", "NoteContext", "debrief_strings", "mask_quotes"]

_QUOTES = re.compile(r"\"[^\"\n]{1,400}\"|“[^”\n]{1,400}”|«[^»\n]{1,400}»")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|example)(?:/\S*)?\b")
_HEADER = re.compile(r"(?:subject|to|from|cc|date|re)\s*:[^\n]*\n", re.IGNORECASE)
_SALUTATION = re.compile(
    r"(?:(?:dear|hi|hello|hey|heya|hiya|yo|howdy|greetings|kia\s+ora|good\s+(?:morning|afternoon|evening|day))"
    r"\b,?[ \t]*(?P<name>[^\n,!:;]{0,60}?)[ \t]*(?:[,:;.]|!{1,3})?[ \t]*$"
    r"|(?-i:(?P<bare>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}))[ \t]*,[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)


@cache
def _sign_off() -> re.Pattern[str]:
    return re.compile(str(data("structure")["sign_off"]), re.IGNORECASE)


def mask_quotes(text: str) -> str:
    """``text`` with quoted passages blanked (same length), so quotes are not held against you."""

    def blank(m: re.Match[str]) -> str:
        inner = m.group(0)
        return inner[0] + " " * (len(inner) - 2) + inner[-1]

    return _QUOTES.sub(blank, text)


def _blank(pattern: re.Pattern[str], text: str, hints: tuple[str, ...]) -> str:
    """``text`` with every match of ``pattern`` blanked, if one of ``hints`` (which every
    match holds) occurs in it: most notes hold no address, and the search costs more."""
    if not any(hint in text for hint in hints):
        return text
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


_URL_HINTS = ("://", "www.", ".com", ".org", ".net", ".io", ".dev", ".example")


def debrief_strings(debrief: Debrief) -> list[str]:
    """Every string the debrief holds, dates in ISO form included."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif value is not None and not isinstance(value, bool):
            out.append(str(value))

    walk(debrief.model_dump(mode="json"))
    return out


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ISO_DATE = re.compile(r"\b(\d{4})-\d{2}-\d{2}\b")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


class DebriefFacts:
    """What the debrief supports (words, dates, numbers), worked out once per lint run."""

    def __init__(self, debrief: Debrief) -> None:
        self.debrief = debrief

    @cached_property
    def strings(self) -> list[str]:
        return debrief_strings(self.debrief)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(
            t.lower().replace("’", "'") for value in self.strings for t in _WORD.findall(value)
        )

    @cached_property
    def dates(self) -> set[DateKey]:
        """Every date the debrief holds: its date fields and dates written in its text."""
        d = self.debrief
        fields = [d.interview.date, d.interview.decision_expected, d.candidate.decision_deadline]
        known: set[DateKey] = {(x.month, x.day, x.year) for x in fields if x is not None}
        # One search over every field; NUL is no space, so no date spans two fields.
        for _, _, readings in find_dates("\x00".join(self.strings)):
            known.update(readings)
        return known

    @cached_property
    def numbers(self) -> set[str]:
        """Every figure in the debrief, normalised ("1,200" -> "1200")."""
        numbers: set[str] = set()
        for raw in self.strings:
            # An ISO date's month and day are not figures the note may quote; its year is.
            value = _ISO_DATE.sub(r"\1", raw)
            for m in _FIGURE.finditer(value):
                numbers.add(plain_number(m.group(0)))
                numbers.update(plain_number(part) for part in re.findall(r"\d+", m.group(0)))
        return numbers


@dataclass
class NoteContext:
    """A note with its masked forms, layout and the loop's context."""

    text: str
    debrief: Debrief | None = None
    recipient: Interviewer | None = None
    tone: Tone | None = None
    extra_words: frozenset[str] = frozenset()
    facts: DebriefFacts | None = None
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.facts is None and self.debrief is not None:
            self.facts = DebriefFacts(self.debrief)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Words never to doubt: the debrief's, the recipient's name, configured words."""
        vocab = set(self.extra_words)
        if self.facts is not None:
            vocab |= self.facts.words
        if self.recipient is not None:
            vocab.update(t.lower() for t in _WORD.findall(self.recipient.name))
        return frozenset(vocab)

    @cached_property
    def masked(self) -> str:
        """Quotes, e-mail addresses and URLs blanked; offsets unchanged."""
        return _blank(_URL, _blank(_EMAIL, mask_quotes(self.text), ("@",)), _URL_HINTS)

    @cached_property
    def lowered(self) -> str:
        """The masked text in lower case, same offsets, for the data patterns."""
        return lowered(self.masked)

    @cached_property
    def tokens(self) -> frozenset[str]:
        """The distinct lower-case words of the note (hyphenated words also whole)."""
        return word_tokens(self.lowered)

    @cached_property
    def words(self) -> Words:
        """The lowered text with its words placed, for the data patterns to search."""
        return Words(self.lowered, self.tokens)

    @cached_property
    def body_start(self) -> int:
        """Offset just after any header lines (``Subject:``, ``To:``)."""
        pos = 0
        while True:
            while pos < len(self.text) and self.text[pos] in " \t\r\n":
                pos += 1
            m = _HEADER.match(self.text, pos)
            if not m:
                return pos
            pos = m.end()

    @cached_property
    def body(self) -> str:
        return self.masked[self.body_start :]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the body, spans relative to the whole note."""
        base = self.body_start
        return [Sentence(s.text, s.start + base, s.end + base) for s in split_sentences(self.body)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The body sentence holding ``offset``, if any."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    @cached_property
    def salutation(self) -> re.Match[str] | None:
        """The greeting line: one of the first three lines of the body, if any."""
        seen = 0
        for offset, line in self.lines():
            if not line.strip():
                continue
            m = _SALUTATION.match(self.masked[: offset + len(line)], offset)
            if m and m.group("bare") is not None and _sign_off().match(line):
                m = None  # "Best regards," is a closing, not a greeting
            seen += 1
            if m or seen == 3:
                return m
        return None

    def lines(self) -> Iterator[tuple[int, str]]:
        """(offset, line) for every line of the masked body."""
        offset = self.body_start
        for line in self.body.split("\n"):
            yield offset, line
            offset += len(line) + 1

    def emit(
        self,
        rule: str,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        suggestion: str | None = None,
        replaces: Replaces | Literal["rule"] | None = "rule",
        **values: object,
    ) -> None:
        """Record a finding of ``rule`` with its message filled from ``values``.

        ``replaces`` (by default the rule's own, from ``rules.yaml``) says what the
        suggestion stands in for; ``None`` makes it advice.
        """
        info = rule_table()[rule]
        line, column = position(self.text, start)
        region = info.replaces if replaces == "rule" else replaces
        fix = None
        if suggestion is not None and region is not None:
            fix_start, fix_end = self._region(region, start, end)
            fix = Fix(start=fix_start, end=fix_end, text=suggestion)
        self.findings.append(
            Finding(
                rule=rule,
                category=info.category,
                severity=severity or info.severity,
                start=start,
                end=end,
                line=line,
                column=column,
                # Values come from the note and the debrief: one line, whatever they hold.
                message=info.message.format_map(
                    {k: " ".join(str(v).split()) for k, v in values.items()}
                ),
                suggestion=suggestion,
                fix=fix,
            )
        )

    def _region(self, region: Replaces, start: int, end: int) -> tuple[int, int]:
        if region == "line":
            line_end = self.text.find("\n", start)
            return start, len(self.text) if line_end < 0 else line_end
        if region == "sentence":
            around = [s for s in self.sentences if s.start < max(end, start + 1) and s.end > start]
            if around:
                return around[0].start, around[-1].end
        return start, end
