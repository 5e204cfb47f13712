"""The words a pattern's matches begin with: a table, and soundness over every shipped pattern.

A wrong lead would silently skip a pattern where it matches, so the second test
scans the corpus in full with each pattern and checks every match begins with a
listed first word, followed by a listed second word.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest

from followup.lint import problem_solving, pushy
from followup.lint.leads import Lead, read_lead
from followup.lint.phrases import Phrase, Words, lowered
from followup.lint.registry import compile_patterns

ROOT = Path(__file__).resolve().parents[2]

TABLE: list[tuple[str, Lead | None]] = [
    (r"\bplan\b", Lead(frozenset({"plan"}), None)),
    (r"\bthe\s+(?:real|key)\s+issue", Lead(frozenset({"the"}), frozenset({"real", "key"}))),
    (
        r"(?:please\s+)?(?:don't|do\s+not)\b",
        Lead(frozenset({"please", "don", "do"}), frozenset({"don", "do", "t", "not"})),
    ),
    (r"\bi(?:'d|\s+would)\s+", Lead(frozenset({"i"}), frozenset({"d", "would"}))),
    (r"\bcut(?:s|ting)?\b", Lead(frozenset({"cut", "cuts", "cutting"}), None)),
    (r"\ba\s*b\b", Lead(frozenset({"a", "ab"}), None)),  # the space is optional
    (r"\bthe\s+(?:\w+\s+){0,2}fix", Lead(frozenset({"the"}), None)),  # any second word
    (r"\bx(?:\s+y)+\b", Lead(frozenset({"x"}), frozenset({"y"}))),
    (r"\be-?mail\b", Lead(frozenset({"e", "email"}), None)),
    (r"\bab(?=c)", None),  # "abc...": the first word has no end
    (r"plan", None),  # also matches "planning"
    (r"(?:[;:,]\s*|\band\s+)x", None),  # may begin with a mark
    (r"(?:ab)+\b", None),  # a repeated run of letters
    (r"\b[a-z]+ing\b", None),  # a wide class
]


@pytest.mark.parametrize(("pattern", "lead"), TABLE)
def test_lead_of_a_pattern(pattern: str, lead: Lead | None) -> None:
    assert read_lead(pattern) == lead


def _shipped() -> list[Phrase]:
    phrases: list[Phrase] = []
    for name, key in (
        ("pushy", "patterns"),
        ("pushy", "permission"),
        ("generic", "stock"),
        ("structure", "next_step"),
        ("formality", "mobile_signatures"),
    ):
        phrases += compile_patterns(name, key)
    for strength in ("strong", "weak"):
        phrases += problem_solving._patterns(strength)[0]
    phrases += [p for p in problem_solving._features() if isinstance(p, Phrase)]
    phrases += [problem_solving._relief_lists().relief, *pushy._threat("sanction")]
    return [p for p in phrases if p.lead is not None]


@cache
def _corpus_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    import lint_quality

    return [lowered(e.text) for e in lint_quality.load_corpus()]


def test_every_match_begins_with_its_lead() -> None:
    """Over a third of the corpus, a full scan finds no match the lead would have skipped."""
    phrases = _shipped()
    assert len(phrases) > 350  # nearly every shipped pattern has a lead
    texts = _corpus_texts()[::3]
    run = re.compile(r"\w+")
    for phrase in phrases:
        lead = phrase.lead
        assert lead is not None
        regex = re.compile(phrase.pattern, re.MULTILINE)
        for text in texts:
            for m in regex.finditer(text):
                first = run.match(text, m.start())
                assert first is not None, phrase.pattern
                assert first.group() in lead.first, phrase.pattern
                if lead.second is not None:
                    second = run.search(text, first.end())
                    assert second is not None, phrase.pattern
                    assert second.group() in lead.second, phrase.pattern


def test_matches_at_the_lead_equal_a_full_scan() -> None:
    """Tried only where its words occur, a pattern finds what a scan at word starts finds."""
    texts = _corpus_texts()[::40]
    for phrase in _shipped():
        for text in texts:
            words = Words(text)
            scanned = [m.span() for m in phrase.matches(text, 0) if _word_start(text, m.start())]
            assert [m.span() for m in phrase.matches(words)] == scanned, phrase.pattern


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
