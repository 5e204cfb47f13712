"""Small text helpers shared by the drafters, the linter and the exports."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Sentence",
    "slugify",
    "split_sentences",
    "word_count",
    "words",
]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# A sentence ends at . ! or ? (closing quotes and brackets kept) before white
# space, and at every line break. Abbreviations such as "Dr." and "Ms." are not
# sentence ends, nor is a dotted one ("p.m.", "U.S.") before a lower-case word.
_ABBREVIATIONS = frozenset(
    "mr ms mrs mx dr prof st jr sr vs etc e.g i.e inc ltd co no approx dept".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its ``[start, end)`` character span in the source text."""

    text: str
    start: int
    end: int


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, inner apostrophes kept)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def slugify(name: str) -> str:
    """``"Dr. José O'Neil"`` -> ``"dr-jose-oneil"``; never empty."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’]", "", ascii_name.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug or "note"


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lower()
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return True
    following = text[dot + 1 : dot + 3].lstrip(" \t")
    return "." in token and following[:1].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Split prose into sentences with exact spans (whitespace trimmed).

    Line breaks end a sentence too: salutations, sign-offs and list items are
    lines of their own in a note.
    """
    out: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        cut = -1
        if ch == "\n":
            cut = i
        elif ch in ".!?…":
            j = i + 1
            while j < n and text[j] in ".!?…\"'”’)":
                j += 1
            at_break = j >= n or text[j].isspace()
            if at_break and not (ch == "." and _is_abbreviation(text, i)):
                cut = j
            i = max(i, j - 1)
        if cut >= 0:
            _emit(text, start, cut, out)
            start = cut
        i += 1
    _emit(text, start, n, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))
