"""Matching a debrief entry (a topic, a key issue) against a note by its content words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from followup.lint.registry import data

__all__ = ["any_mention", "content_words", "entry_stems", "mentions", "stems", "stems_at"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in data("common")["stopwords"])


def _stem(word: str) -> str:
    # A five-letter prefix is crude, but it matches "migration"/"migrating" and
    # "warehouse"/"warehouses" without a stemmer, which is all a topic match needs.
    return word[:5]


def content_words(text: str) -> list[str]:
    """Lower-case words of ``text`` that carry meaning (no stopwords, 3+ letters)."""
    return [
        w
        for w in (t.lower().replace("’", "'") for t in _WORD.findall(text))
        if len(w) >= 3 and w not in _stopwords()
    ]


def stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in content_words(text))


def stems_at(text: str, wanted: frozenset[str]) -> list[tuple[int, str]]:
    """(offset, stem) of every content word of ``text`` whose stem is ``wanted``, in order.

    A note is searched only where a wanted stem begins a word, instead of every
    word being stemmed: a debrief's entries hold a few dozen stems at most.
    """
    if not wanted:
        return []
    stop = _stopwords()
    out = []
    for m in _starts(wanted).finditer(text):
        word = _WORD.match(text, m.start())
        w = word.group().lower().replace("’", "'") if word else ""
        if len(w) >= 3 and w not in stop and _stem(w) in wanted:
            out.append((m.start(), _stem(w)))
    return out


@lru_cache(maxsize=64)
def _starts(wanted: frozenset[str]) -> re.Pattern[str]:
    """Where a word begins with one of ``wanted`` (apostrophes either way)."""
    prefixes = sorted((re.escape(s).replace("'", "['’]") for s in wanted), key=len, reverse=True)
    # A word begins after a character outside words, but not after "o'" of "o'neil".
    return re.compile(r"(?<![^\W_])(?<![^\W_]['’])(?:" + "|".join(prefixes) + ")", re.IGNORECASE)


def entry_stems(entries: Iterable[str]) -> frozenset[str]:
    """Every stem of the content words of ``entries``."""
    return frozenset().union(*(_entry_stems(e) for e in entries))


@lru_cache(maxsize=4096)
def _entry_stems(entry: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in content_words(entry))


def mentions(entry: str, note_stems: frozenset[str]) -> bool:
    """Whether a note (given by its stems) names a debrief entry: half its content words, 1+."""
    words = _entry_stems(entry)
    if not words:
        return False
    hits = len(words & note_stems)
    return hits >= 1 and (hits >= 2 or hits * 2 >= len(words))


def any_mention(entries: Iterable[str], note_stems: frozenset[str]) -> str | None:
    """The first entry the note names, if any."""
    for entry in entries:
        if mentions(entry, note_stems):
            return entry
    return None
