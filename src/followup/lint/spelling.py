"""Spelling: misspelled words, doubled words, double spaces, a missing capital."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from followup.lint.context import NoteContext
from followup.lint.registry import data

__all__ = ["check", "is_known_word", "suggest", "word_frequencies"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PREFIXES = (
    "multi",
    "pre",
    "re",
    "un",
    "non",
    "co",
    "sub",
    "inter",
    "micro",
    "neuro",
    "anti",
    "over",
    "under",
    "cross",
    "self",
    "mis",
    "bio",
    "geo",
    "auto",
    "semi",
    "post",
    "mid",
    "hyper",
    "super",
    "out",
    "up",
    "down",
    "tele",
    "cyber",
    "nano",
    "meta",
    "de",
    "dis",
)
_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ment", "ments", "al")
# Searched in the lower-cased text: a back-reference under IGNORECASE is slow.
_REPEAT = re.compile(r"\b([a-z]+)([ \t]{1,3}|[ \t]*\n[ \t]*)(\1)\b")
_DOUBLE_SPACE = re.compile(r"(?<=[^\s])  +(?=[^\s])")
_NO_CAPITAL = re.compile(r"(?<=[.!?])[ \t]+([a-z])")
_BRITISH = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourful", "orful"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("tred", "tered"),
    ("tring", "tering"),
    ("bre", "ber"),
    ("bres", "bers"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
    ("ence", "ense"),
    ("amme", "am"),
    ("ammes", "ams"),
)
# British spellings inside the word: paediatric, anaesthetic, oestrogen; neighbourhood,
# favourable, behavioural; mould, smoulder.
_DIGRAPHS = (("ae", "e"), ("oe", "e"), ("our", "or"), ("ould", "old"))


@cache
def word_frequencies() -> dict[str, int]:
    """pyspellchecker's offline English word frequencies, read once, on demand.

    Reading its data file directly skips the ``SpellChecker`` set-up, which
    costs more than the read itself and would slow every ``followup lint``.
    """
    import gzip
    import json
    from importlib import resources

    raw = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    words: dict[str, int] = json.loads(gzip.decompress(raw))
    return words


_LETTERS = "abcdefghijklmnopqrstuvwxyz'"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + swaps + replaces + inserts)


@cache
def _technical() -> frozenset[str]:
    return frozenset(str(w).lower() for w in data("spelling")["technical"])


def _variants(word: str) -> list[str]:
    out = [word]
    if word.endswith(("'s", "’s")):
        out.append(word[:-2])
    for british, american in _BRITISH:
        if word.endswith(british):
            out.append(word[: -len(british)] + american)
    out.extend(word.replace(a, b) for a, b in _DIGRAPHS if a in word)
    return out


def _known(word: str) -> bool:
    checker = word_frequencies()
    return word in _technical() or any(v in checker for v in _variants(word))


@lru_cache(maxsize=65_536)
def is_known_word(word: str) -> bool:
    """Whether the dictionary knows ``word``, its British spelling, or its stem and affixes."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in _PREFIXES:
        return True  # "multi-state", "pre-sales": the prefix stands before a hyphen
    if _known(low):
        return True
    for suffix in _SUFFIXES:
        stem = low[: -len(suffix)]
        if not low.endswith(suffix) or len(stem) < 3:
            continue
        # A vowel suffix may have dropped a final e ("organising" from "organise").
        if _known(stem) or (suffix[0] in "aeiou" and _known(stem + "e")):
            # ...unless the dictionary spells that very inflection one letter
            # differently: "occured" is "occurred", "truely" is "truly".
            return not _near_form(low, prefix=stem[:-1], suffix=suffix)
    for prefix in _PREFIXES:
        rest = low[len(prefix) :].lstrip("-")
        if low.startswith(prefix) and len(rest) >= 4 and _known(rest):
            # "untill" is "until", not un- + till.
            return not _near_form(low, prefix=prefix)
    return False


def _near_form(word: str, prefix: str = "", suffix: str = "") -> bool:
    """Whether a dictionary word one letter longer or shorter has the same prefix and suffix.

    Inflection slips add or drop a letter ("occured", "truely", "untill").
    """
    known = word_frequencies()
    return any(
        abs(len(w) - len(word)) == 1
        and "'" not in w
        and w in known
        and w.startswith(prefix)
        and w.endswith(suffix)
        for w in _edits1(word)
    )


@cache
def _by_initial() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for word in word_frequencies():
        groups.setdefault(word[:1], []).append(word)
    return {k: tuple(v) for k, v in groups.items()}


def suggest(word: str) -> str | None:
    """The most frequent dictionary word within two edits of ``word``, if there is one.

    pyspellchecker's own distance-2 search takes seconds on long words, so
    distance 1 comes from its edits and distance 2 from a rapidfuzz scan of
    the words sharing the first letter.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    freq = word_frequencies()
    close = [w for w in _edits1(word) if w in freq]
    if not close:
        pool = [w for w in _by_initial().get(word[:1], ()) if abs(len(w) - len(word)) <= 2]
        matches = process.extract(
            word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=20
        )
        if not matches:
            return None
        best = min(m[1] for m in matches)
        close = [m[0] for m in matches if m[1] == best]
    best_word: str = max(close, key=lambda w: (freq[w], w))
    # Real typos are slips on common words; an unknown word whose nearest neighbour
    # is itself rare ("roastery" -> "roaster") is a term of art, not a typo.
    if freq[best_word] < int(data("spelling")["min_correction_frequency"]):
        return None
    return best_word


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(str(a) for a in data("spelling")["abbreviations"])


def _abbreviated(text: str, dot: int, dotted: bool = False) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation ("Dr.", "e.g.", "J."), or,
    with ``dotted``, any dotted one ("M.Ed.", "U.S.")."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot].lower()
    return token in _abbreviations() or len(token) == 1 or (dotted and "." in token)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    if i >= 0 and text[i] == ".":
        return not _abbreviated(text, i)
    return i < 0 or text[i] in "!?:\n"


def _match_case(original: str, fix: str) -> str:
    if original.isupper() and len(original) > 1:
        return fix.upper()
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


@cache
def _skip_words() -> frozenset[str]:
    slang = data("formality")["slang"]
    names = data("accuracy")["first_names"]
    return frozenset(str(w).lower() for w in [*slang, *names])


def _line_words(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return len(text[start : len(text) if end < 0 else end].split())


def _misspelled(ctx: NoteContext) -> None:
    text = ctx.masked
    vocab = ctx.vocabulary
    skip = _skip_words()
    known = word_frequencies()
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if word in known or word.lower() in known:
            continue  # the common case, answered by one lookup ("Thank" too)
        start, end = m.span()
        if len(word) < 2 or any(c.isupper() for c in word[1:]) or not word.isascii():
            continue  # initials, acronyms, CamelCase products, non-English names
        if (start > 0 and (text[start - 1].isdigit() or text[start - 1] in "@#_/\\")) or (
            end < len(text) and (text[end].isdigit() or text[end] in "@_/\\")
        ):
            continue  # "3rd", "10am", handles and paths
        if word[0].isupper() and not (
            _sentence_start(text, start) and _line_words(text, start) >= 6
        ):
            continue  # a name; the accuracy rule checks names against the debrief
        low = word.lower().replace("’", "'")
        if low in skip or low in vocab or (low.endswith("'s") and low[:-2] in vocab):
            continue
        if is_known_word(word):
            continue
        # Part of a hyphenated compound made of known pieces ("mis-picks").
        if (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-"):
            compound = re.match(r"[A-Za-z'’-]*", text[_word_start(text, start) :])
            pieces = compound.group(0).strip("-").split("-") if compound else [word]
            if all(p.lower() in vocab or is_known_word(p) for p in pieces if p) or len(word) <= 3:
                continue
        fix = suggest(low)
        if fix is None:
            continue  # nothing close: a term of art or a name, not a typo
        ctx.emit("spelling.misspelled", start, end, suggestion=_match_case(word, fix), word=word)


def _word_start(text: str, start: int) -> int:
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        start -= 1
    return start


def _repeats(ctx: NoteContext) -> None:
    for m in _REPEAT.finditer(ctx.lowered, ctx.body_start):
        if m.group(1) in _allowed_repeats():
            continue
        word = ctx.masked[m.start(1) : m.end(1)]
        ctx.emit("spelling.repeated-word", m.start(), m.end(), suggestion=word, word=word)


@cache
def _allowed_repeats() -> frozenset[str]:
    return frozenset(str(w) for w in data("spelling")["allowed_repeats"])


def _double_spaces(ctx: NoteContext) -> None:
    if "  " not in ctx.text:
        return
    for m in _DOUBLE_SPACE.finditer(ctx.text, ctx.body_start):
        ctx.emit("spelling.double-space", m.start(), m.end(), suggestion=" ")


@cache
def _slang() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in data("formality")["slang"].items()}


def _capitalised(word: str) -> str | None:
    """``word`` with a capital; slang ("thx") becomes its formal word, never "Thx"."""
    formal = _slang().get(word.lower(), word)
    return formal[:1].upper() + formal[1:] if formal else None


def _capitals(ctx: NoteContext) -> None:
    text = ctx.masked
    if ctx.body.islower() or not any(c.isupper() for c in ctx.body):
        return  # an all-lower-case note is one formality finding, not dozens
    for m in _NO_CAPITAL.finditer(text, ctx.body_start):
        stop = m.start() - 1
        if text[stop] == "." and (stop > 0 and text[stop - 1] == "."):
            continue  # an ellipsis may run on
        if text[stop] == "." and (
            not text[stop - 1].isalpha() or _abbreviated(text, stop, dotted=True)
        ):
            continue  # "1. install" is a list item; "e.g. the" and "my M.Ed. internship" run on
        letter = m.start(1)
        word_end = letter
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        if text[letter:word_end] == "i":
            continue  # the lower-case pronoun is the formality rule's finding
        word = text[letter:word_end]
        ctx.emit(
            "spelling.capital-after-stop",
            letter,
            word_end,
            suggestion=_capitalised(word),
        )


def check(ctx: NoteContext) -> None:
    """All spelling rules."""
    _misspelled(ctx)
    _repeats(ctx)
    _double_spaces(ctx)
    _capitals(ctx)
