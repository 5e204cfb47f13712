"""Data patterns and the texts they search: a note's words placed, each pattern tried only
where its first words occur."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from followup.lint.leads import Lead, read_lead

__all__ = ["Phrase", "PhraseSet", "Words", "lowered", "word_tokens"]

_RUN = re.compile(r"\w+")


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (a few letters lengthen when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def word_tokens(low: str) -> frozenset[str]:
    """The distinct words of a lower-cased text, hyphenated words also whole."""
    return frozenset(re.findall(r"[\w'’-]+", low)) | frozenset(re.findall(r"[\w'’]+", low))


class Words:
    """A lower-cased text with the place of each of its words, for patterns to start at.

    ``tokens`` are its words as the rules read them (hyphenated and with
    apostrophes, also in parts); ``vocabulary`` its runs of word characters
    ("don't" holds the runs "don" and "t"), each placed by ``starts``.
    """

    __slots__ = ("_next", "_runs", "text", "tokens", "vocabulary")

    def __init__(self, text: str, tokens: frozenset[str] | None = None) -> None:
        self.text = text
        self.tokens = tokens if tokens is not None else word_tokens(text)
        runs: dict[str, list[int]] = {}
        following: dict[int, str] = {}  # a run's start -> the run after it
        before = None
        for m in _RUN.finditer(text):
            word = m.group()
            runs.setdefault(word, []).append(m.start())
            if before is not None:
                following[before] = word
            before = m.start()
        self._runs, self._next = runs, following
        self.vocabulary = frozenset(runs)  # the distinct runs of word characters

    def starts(self, lead: Lead, pos: int) -> list[int]:
        """Where a first word of ``lead`` begins, at or after ``pos`` and followed by one of
        its second words (if it lists them), in order."""
        runs = self._runs
        found = [p for w in self.vocabulary & lead.first for p in runs[w] if p >= pos]
        if lead.second is not None:
            second, following = lead.second, self._next
            found = [p for p in found if following.get(p) in second]
        found.sort()
        return found

    def may_hold(self, lead: Lead) -> bool:
        """Whether the text holds a first word of ``lead`` and one of its second words."""
        vocabulary = self.vocabulary
        return not lead.first.isdisjoint(vocabulary) and (
            lead.second is None or not lead.second.isdisjoint(vocabulary)
        )


class Phrase:
    """A data pattern, matched against lower-cased text for speed.

    Data patterns are written in lower case and read as case-insensitive.
    Python's ``re`` finds a literal start fast but not one behind a leading
    ``\\b`` or under IGNORECASE, so the pattern is compiled without both and
    the word boundary is checked on each match instead (~10x faster).

    Most patterns can only start with one of a few words, followed by one of a
    few others (``lead``, read from the pattern: see ``leads``). Given a text's
    ``Words``, such a pattern is tried only where those words occur, instead
    of at every character. ``gate`` (from the data) names words one of which
    every match contains anywhere; without any of them the pattern is skipped.

    ``not_after`` rejects a match preceded by it ("rarely a" quick fix);
    ``not_in_sentence`` rejects a match whose sentence holds it anywhere ("once
    an offer is made, I will sign the contract"), checked only on a match.
    """

    __slots__ = (
        "_boundary",
        "_compiled",
        "_flags",
        "_lead",
        "_lead_read",
        "_not_after",
        "_not_in_sentence",
        "_source",
        "anchored",
        "gate",
        "pattern",
    )

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        not_after: str | None = None,
        gate: frozenset[str] = frozenset(),
        not_in_sentence: str | None = None,
    ) -> None:
        self.pattern = pattern
        # "^" anchors a pattern at the start of the text it is given (a sentence).
        self.anchored = pattern.startswith("^")
        self._boundary = pattern.startswith("\\b")
        self._source = pattern[2:] if self._boundary else pattern
        self._flags = flags
        # Compiled, and its lead read, at its first search: `followup lint` on one note
        # should not compile the hundreds of patterns it never runs.
        self._compiled: re.Pattern[str] | None = None
        self._lead: Lead | None = None
        self._lead_read = False
        self._not_after = re.compile(f"(?:{not_after})\\s*$") if not_after else None
        self._not_in_sentence = re.compile(not_in_sentence) if not_in_sentence else None
        self.gate = gate

    @property
    def _regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    @property
    def lead(self) -> Lead | None:
        """The words a match must start with, or None when the pattern does not say."""
        if not self._lead_read:
            self._lead = None if self.anchored else read_lead(self.pattern)
            self._lead_read = True
        return self._lead

    def may_match(self, words: Words) -> bool:
        """False when the text of ``words`` lacks what every match holds."""
        if self.gate and self.gate.isdisjoint(words.tokens):
            return False
        lead = self.lead
        return lead is None or words.may_hold(lead)

    def matches(
        self, text: str | Words, pos: int = 0, words: Words | None = None
    ) -> list[re.Match[str]]:
        """Matches in ``text``, lower case (see ``lowered()``), from ``pos``, in order.

        Given as ``Words``, the text is tried only where the pattern can start;
        ``words`` (those of a whole note, ``text`` being one of its sentences)
        only skip a pattern that cannot match.
        """
        if isinstance(text, Words):
            return self._at_starts(text, pos)
        if words is not None and not self.may_match(words):
            return []
        return self._scan(text, pos)

    def search(
        self, text: str | Words, pos: int = 0, words: Words | None = None
    ) -> re.Match[str] | None:
        found = self.matches(text, pos, words)
        return found[0] if found else None

    def _scan(self, low: str, pos: int) -> list[re.Match[str]]:
        out = []
        for m in self._regex.finditer(low, pos):
            start = m.start()
            if self._boundary and start > 0 and _is_word(low[start - 1]):
                continue
            if self._accepts(low, m):
                out.append(m)
        return out

    def _at_starts(self, words: Words, pos: int) -> list[re.Match[str]]:
        """Matches beginning where the lead's words do, not overlapping (as a scan finds them)."""
        if self.gate and self.gate.isdisjoint(words.tokens):
            return []
        lead = self.lead
        if lead is None:
            return self._scan(words.text, pos)
        out: list[re.Match[str]] = []
        starts = words.starts(lead, pos)
        if not starts:
            return out
        low, regex, after = words.text, self._regex, -1
        for start in starts:
            if start < after:
                continue
            m = regex.match(low, start)
            if m is None:
                continue
            after = max(m.end(), start + 1)
            if self._accepts(low, m):
                out.append(m)
        return out

    def _accepts(self, low: str, m: re.Match[str]) -> bool:
        start = m.start()
        if self._not_after and self._not_after.search(low, max(0, start - 24), start):
            return False
        return not (
            self._not_in_sentence
            and self._not_in_sentence.search(
                low, _sentence_start(low, start), _sentence_end(low, m.end())
            )
        )


class PhraseSet(Sequence[Phrase]):
    """Patterns searched together, indexed by the words they can start with.

    A note's words pick the few patterns that can match it out of hundreds,
    in one pass over its words instead of one test per pattern.
    """

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._phrases = tuple(phrases)
        self._index: tuple[dict[str, list[int]], frozenset[str], list[int]] | None = None
        # What else a pattern's matches hold, looked up directly in the hot loop.
        self._seconds: tuple[frozenset[str] | None, ...] = ()
        self._gates = tuple(p.gate for p in self._phrases)

    @overload
    def __getitem__(self, i: int) -> Phrase: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Phrase]: ...
    def __getitem__(self, i: int | slice) -> Phrase | Sequence[Phrase]:
        return self._phrases[i]

    def __len__(self) -> int:
        return len(self._phrases)

    def candidates(self, words: Words) -> list[int]:
        """The positions, in order, of the patterns that may match the text of ``words``."""
        if self._index is None:
            by_word: dict[str, list[int]] = {}
            always = []
            for i, phrase in enumerate(self._phrases):
                lead = phrase.lead
                if lead is None:
                    always.append(i)
                    continue
                for word in lead.first:
                    by_word.setdefault(word, []).append(i)
            self._index = by_word, frozenset(by_word), always
            self._seconds = tuple(p.lead.second if p.lead else None for p in self._phrases)
        by_word, firsts, always = self._index
        vocabulary, tokens = words.vocabulary, words.tokens
        found = set(always)
        for word in vocabulary & firsts:
            found.update(by_word[word])
        out = []
        for i in sorted(found):
            second, gate = self._seconds[i], self._gates[i]
            if (second is None or not second.isdisjoint(vocabulary)) and (
                not gate or not gate.isdisjoint(tokens)
            ):
                out.append(i)
        return out

    def matches(self, words: Words, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
        """(position of the pattern, match) for every match of every pattern, pattern by pattern."""
        for i in self.candidates(words):
            for m in self._phrases[i].matches(words, pos):
                yield i, m


_STOPS = ".!?\n"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(stop, 0, pos) for stop in _STOPS) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(stop, pos) for stop in _STOPS) if i >= 0]
    return min(ends, default=len(text))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
