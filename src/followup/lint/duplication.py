"""Duplication: shared sentences across the notes of a loop, and unfilled placeholders.

Sentences are compared after normalising case, punctuation and the
recipients' names. Within a loop every substantive sentence is scored against
every other note's (a loop is a handful of notes): by token-sequence
similarity, and, for rewordings that swap synonyms, reorder clauses or change
tense or person, by the overlap of their content-lemma sets (``content_lemmas``:
function words and loop facts dropped, stems, irregular forms and synonyms
folded; the tables live in ``data/duplication.yaml``). For a large corpus,
``find_corpus_duplicates`` first collapses identical sentences, then finds
candidate near-duplicates with MinHash LSH over word 2-shingles, and confirms
each candidate with the exact scorer, so its cost grows close to linearly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ConfigDict
from rapidfuzz import process
from rapidfuzz.distance import Indel

from followup.lint.context import NoteContext, mask_quotes
from followup.lint.registry import data
from followup.text import Sentence, split_sentences

__all__ = [
    "CorpusDuplicate",
    "Occurrence",
    "Unit",
    "check_loop",
    "check_placeholders",
    "content_lemmas",
    "find_corpus_duplicates",
    "lemma",
    "similarity_matrix",
    "units",
]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_HEADER = re.compile(r"(?:[ \t]*\r?\n)*(?:(?:subject|to|from|cc|date|re)\s*:[^\n]*\n)+", re.I)
_PLACEHOLDER = re.compile(
    r"\[\s*(?:insert|your|company|interviewer|name|first|last|role|position|job|title|date|"
    r"recipient|hiring|manager|team|department|topic|specific|x+)\b[^\]\n]{0,40}\]"
    r"|\{\{\s*[^{}\n]{1,40}\s*\}\}"
    r"|\{[a-z_][a-z0-9_]{1,30}\}"
    r"|<\s*[A-Z][A-Z _]{1,30}\s*>"
    r"|\b(?:XXX+|xxx+)\b"
    r"|_{4,}"
    r"|\b(?:LASTNAME|FIRSTNAME|FULLNAME|COMPANYNAME|[A-Z]+_(?:NAME|TITLE|COMPANY|ROLE|DATE))\b"
    r"|\bTODO\b|\bTBD\b|\bMr\./Ms\.|\bMs\./Mr\.|\bMr/Ms\b"
    r"|\[\s*[A-Z][A-Za-z]*(?:[ _][A-Z][A-Za-z]*){0,3}\s*\]",
)


_DIGIT = re.compile(r"\d")
_PLACEHOLDER_HINT = re.compile(r"[\[{<]|__|XXX|xxx|TODO|TBD|NAME|Mr\./|Ms\./|Mr/")


@dataclass(frozen=True, slots=True)
class Unit:
    """A substantive sentence of a note: its span and normalised tokens."""

    note: int
    start: int
    end: int
    tokens: tuple[str, ...]
    content: frozenset[str]
    lemmas: frozenset[str] = frozenset()
    # Figures of two or more digits ("3,000" reads as "3" and "000"): dropped from the
    # lemmas as loop facts, yet a story retold keeps them.
    figures: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


class Occurrence(BaseModel):
    """Where a shared sentence sits in a corpus note."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    note: int
    start: int
    end: int


class CorpusDuplicate(BaseModel):
    """One sentence (and its light rewordings) found in two or more notes of a corpus."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    occurrences: tuple[Occurrence, ...]
    verbatim: bool


@cache
def _settings() -> dict[str, Any]:
    raw = data("duplication")
    return dict(raw)


@cache
def _courtesy() -> tuple[str, ...]:
    return tuple(str(c) for c in _settings()["courtesy"])


@cache
def _courtesy_words() -> frozenset[str]:
    """Words with no substance of their own: function words, courtesy and plain enthusiasm."""
    stop = frozenset(str(w) for w in data("common")["stopwords"])
    enthusiasm = frozenset(str(w) for w in data("generic")["vague"])
    return stop | enthusiasm | frozenset(str(w) for w in _settings()["courtesy_words"])


def _normalise(raw: Sequence[str], names: frozenset[str]) -> tuple[str, ...]:
    out = []
    for t in raw:
        low = t.lower().replace("’", "'")
        out.append("name" if low in names else low)
    return tuple(out)


def _is_fact(index: int, token: str) -> bool:
    """A proper noun or acronym inside a sentence, or anything holding a digit."""
    if index and token[0].isupper():
        return True
    if len(token) > 1 and token.isupper():
        return True
    return not token.isalpha() and _DIGIT.search(token) is not None


@cache
def _gratitude() -> frozenset[str]:
    return frozenset(str(w) for w in _settings()["gratitude"])


def _is_courtesy(tokens: tuple[str, ...], raw: Sequence[str] = ()) -> bool:
    cfg = _settings()
    if len(tokens) < int(cfg["min_tokens"]):
        return True
    filler = _courtesy_words()
    if sum(1 for t in tokens if t not in filler) < int(cfg["min_content"]):
        return True
    if raw and not _gratitude().isdisjoint(tokens):
        # Thanks whose only other words are the loop's facts (the day, the role,
        # the company) is still a courtesy line.
        facts = _fold_tables().drop
        rest = sum(
            1
            for k, t in enumerate(raw)
            if not _is_fact(k, t) and tokens[k] not in filler and tokens[k] not in facts
        )
        if rest < int(cfg["min_content"]):
            return True
    best = process.extractOne(" ".join(tokens), _courtesy(), scorer=Indel.normalized_similarity)
    return best is not None and best[1] >= 0.85


def _body_start(text: str) -> int:
    m = _HEADER.match(text)
    return m.end() if m else 0


def units(
    text: str,
    note: int = 0,
    names: Iterable[str] = (),
    sentences: Sequence[Sentence] | None = None,
    *,
    fold: bool = True,
) -> list[Unit]:
    """The substantive (non-courtesy) sentences of ``text``, quoted passages ignored.

    ``sentences`` (already split, spans into ``text``) saves splitting again.
    ``fold`` also computes each sentence's content lemmas (see ``content_lemmas``).
    """
    name_set = frozenset(n.lower() for n in names)
    if sentences is None:
        masked = mask_quotes(text)
        base = _body_start(masked)
        sentences = [
            Sentence(s.text, s.start + base, s.end + base) for s in split_sentences(masked[base:])
        ]
    out = []
    for s in sentences:
        raw = _TOKEN.findall(s.text)
        tokens = _normalise(raw, name_set)
        if not _is_courtesy(tokens, raw):
            lemmas = figures = frozenset[str]()
            if fold:  # the corpus search compares token sequences only
                lemmas = _lemmas(raw, tokens)
                figures = frozenset(t for t in tokens if len(t) > 1 and t.isdigit())
            out.append(Unit(note, s.start, s.end, tokens, _content(tokens), lemmas, figures))
    return out


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in data("common")["stopwords"])


def _content(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in tokens if t not in _stopwords())


# -- content lemmas: what survives a light rewording ----------------------------


@dataclass(frozen=True, slots=True)
class _Fold:
    drop: frozenset[str]
    irregular: dict[str, str]
    suffixes: tuple[tuple[str, str], ...]
    # first word of a phrase -> (the rest of the phrase, its replacement), longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


@cache
def _fold_tables() -> _Fold:
    cfg = _settings()
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for key, value in (cfg.get("phrases") or {}).items():
        words = str(key).lower().split()
        phrases[words[0]].append((tuple(words[1:]), str(value)))
    drop = (
        _stopwords()
        | frozenset(str(w) for w in cfg.get("fact_words") or ())
        | frozenset(str(w) for w in cfg.get("filler") or ())
    )
    return _Fold(
        drop=drop,
        irregular={str(k): str(v) for k, v in (cfg.get("irregular") or {}).items()},
        suffixes=tuple((str(a), str(b)) for a, b in cfg.get("suffixes") or ()),
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
    )


def _stem(word: str) -> str:
    tables = _fold_tables()
    word = tables.irregular.get(word, word)
    for _ in range(2):  # two passes, so "lowered" and "lower" both end as "low"
        if len(word) <= 4:
            break
        for suffix, replacement in tables.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + replacement
                break
        else:
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]  # planned -> plann -> plan; labelling -> label; skill -> skil
    return word


@cache
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in _settings().get("synonyms") or ():
        head = _stem(str(group[0]))
        for word in group:
            out[_stem(str(word))] = head
    return out


@cache
def lemma(word: str) -> str:
    """The folded lemma of a lower-case word: stemmed, irregular forms and synonyms merged."""
    stem = _stem(word)
    return _synonyms().get(stem, stem)


@cache
def _token_lemma(low: str) -> str | None:
    """The lemma of a normalised token, or None for function words, fillers and facts."""
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) < 2 or low == "name" or low in _fold_tables().drop:
        return None
    return lemma(low)


@cache
def _generic_lemmas() -> frozenset[str]:
    """Lemmas of courtesy, enthusiasm and stock words: shared, they prove nothing."""
    words = _courtesy_words() | frozenset(str(w) for w in data("generic")["stock_words"])
    return frozenset(lemma(w) for w in words)


def _lemmas(raw: Sequence[str], tokens: Sequence[str]) -> frozenset[str]:
    """Content lemmas of a sentence's tokens (``raw`` as written, ``tokens`` normalised)."""
    phrases = _fold_tables().phrases
    out = set()
    skip = 0
    for k, low in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if low in phrases:
            matched = next(
                (
                    (rest, replacement)
                    for rest, replacement in phrases[low]
                    if tuple(tokens[k + 1 : k + 1 + len(rest)]) == rest
                ),
                None,
            )
            if matched is not None:
                out.add(lemma(matched[1]))
                skip = len(matched[0])
                continue
        found = _token_lemma(low)
        if found is not None and not _is_fact(k, raw[k]):
            out.add(found)
    return frozenset(out)


def content_lemmas(sentence: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The set of content lemmas of a sentence, independent of word order.

    Function words, fillers, names and facts (capitalised words inside the
    sentence, acronyms, numbers, days and months) are dropped; the rest is
    stemmed and folded through the irregular forms, phrases and synonym groups.
    """
    raw = _TOKEN.findall(sentence)
    return _lemmas(raw, _normalise(raw, names))


def _folded_overlap(
    a: frozenset[str],
    b: frozenset[str],
    figures_a: frozenset[str] = frozenset(),
    figures_b: frozenset[str] = frozenset(),
) -> float:
    """Jaccard of two content-lemma sets when they pass for one passage reworded, else 0.0.

    The figures of each sentence count only in the weighted test of a heavier rewording.
    """
    cfg = _settings()
    if min(len(a), len(b)) < int(cfg["fold_min_shared"]):
        return 0.0
    shared = a & b
    n = len(shared)
    if n < int(cfg["fold_min_shared"]):
        return 0.0
    generic = _generic_lemmas()
    specific = len(shared - generic)
    if specific < int(cfg["fold_min_specific"]):
        return 0.0
    jaccard = n / (len(a) + len(b) - n)
    if n >= float(cfg["fold_containment"]) * min(len(a), len(b)) and jaccard >= float(
        cfg["fold_jaccard"]
    ):
        return jaccard
    # A heavier rewording swaps more words, mostly the ordinary ones: what it keeps is
    # the passage's specific words.
    weight = float(cfg["fold_generic_weight"])

    def weighed(lemmas: frozenset[str], figures: frozenset[str]) -> float:
        return sum(weight if x in generic else 1.0 for x in lemmas) + len(figures)

    kept = weighed(shared, figures_a & figures_b)
    smaller = min(weighed(a, figures_a), weighed(b, figures_b))
    if (
        specific >= int(cfg["fold_weighted_min_specific"])
        and kept >= float(cfg["fold_weighted_containment"]) * smaller
    ):
        return jaccard
    return 0.0


def _score(a: Unit, b: Unit, cutoff: float = 0.0) -> float:
    """Token-sequence similarity, or content-lemma overlap when the wording moved.

    A sentence whose synonyms were swapped, clauses reordered or tense changed
    keeps its content lemmas; such a pair scores between the ``reworded`` and
    ``verbatim`` thresholds, higher the more it shares. Scores under ``cutoff``
    may be returned as 0.0, which lets rapidfuzz stop early.
    """
    cfg = _settings()
    reworded, verbatim = float(cfg["reworded"]), float(cfg["verbatim"])
    la, lb = len(a.tokens), len(b.tokens)
    ratio = 0.0
    if min(la, lb) * 2 >= max(la, lb):
        ratio = float(Indel.normalized_similarity(a.tokens, b.tokens, score_cutoff=cutoff))
    if ratio < verbatim and a.lemmas and b.lemmas:
        jaccard = _folded_overlap(a.lemmas, b.lemmas, a.figures, b.figures)
        if jaccard:
            folded = reworded + (verbatim - 0.01 - reworded) * jaccard
            ratio = max(ratio, min(folded, verbatim - 0.01))
    return ratio


def _best(unit: Unit, others: Sequence[Unit], cutoff: float = 0.0) -> tuple[float, Unit | None]:
    best, best_unit = 0.0, None
    for other in others:
        score = _score(unit, other, max(cutoff, best))
        if score > best:
            best, best_unit = score, other
    return best, best_unit


def _loop_names(contexts: Sequence[NoteContext]) -> frozenset[str]:
    names: set[str] = set()
    for ctx in contexts:
        people = list(ctx.debrief.interviewers) if ctx.debrief else []
        if ctx.recipient is not None:
            people.append(ctx.recipient)
        for person in people:
            names.update(t.lower() for t in _TOKEN.findall(person.name))
        sal = ctx.salutation
        if sal is not None:
            group = "name" if sal.group("name") is not None else "bare"
            names.update(t.lower() for t in _TOKEN.findall(sal.group(group) or ""))
    names.discard("dear")
    return frozenset(names)


def _label(ctx: NoteContext, index: int, label: str) -> str:
    if ctx.recipient is not None:
        return ctx.recipient.name
    return label or f"note {index + 1}"


def check_loop(contexts: Sequence[NoteContext], labels: Sequence[str]) -> None:
    """Add cross-note duplication findings to each note's context."""
    if len(contexts) < 2:
        return
    cfg = _settings()
    names = _loop_names(contexts)
    per_note = [units(ctx.text, i, names, ctx.sentences) for i, ctx in enumerate(contexts)]
    # A copy shares two content words; a rewording shares `fold_min_shared` lemmas.
    # A loop holds a handful of notes, so every pair of sentences is looked at.
    min_lemmas = int(cfg["fold_min_shared"])
    everything = [u for found in per_note for u in found]
    for i, ctx in enumerate(contexts):
        total = len(_TOKEN.findall(ctx.text, ctx.body_start)) or 1
        hits: list[tuple[Unit, Unit, float]] = []
        others = [o for o in everything if o.note != i]
        for unit in per_note[i]:
            content, lemmas = unit.content, unit.lemmas
            # Most pairs share nothing: isdisjoint answers that without building a set.
            candidates = [
                o
                for o in others
                if (not content.isdisjoint(o.content) and len(content & o.content) >= 2)
                or (not lemmas.isdisjoint(o.lemmas) and len(lemmas & o.lemmas) >= min_lemmas)
            ]
            best, match = _best(unit, candidates, float(cfg["reworded"]))
            if match is not None and best >= float(cfg["reworded"]):
                hits.append((unit, match, best))
        shared = sum(len(u.tokens) for u, _, _ in hits)
        # One reworded sentence stays a warning; several, or a large share, is an error.
        escalate = len(hits) >= int(cfg["error_count"]) or (
            len(hits) >= 2 and shared / total >= float(cfg["error_share"])
        )
        for unit, match, score in hits:
            verbatim = score >= float(cfg["verbatim"])
            substantive = len(unit.tokens) >= int(cfg["substantive_tokens"])
            error = escalate or (verbatim and substantive)
            other_ctx = contexts[match.note]
            ctx.emit(
                "duplication.cross-note",
                unit.start,
                unit.end,
                severity="error" if error else "warning",
                suggestion=(
                    "Rewrite it around something you discussed with "
                    f"{_label(ctx, i, labels[i])} alone."
                ),
                kind="sentence" if verbatim else "sentence, lightly reworded,",
                other=_label(other_ctx, match.note, labels[match.note]),
            )
            last = ctx.findings[-1]
            ctx.findings[-1] = last.model_copy(
                update={
                    "related_note": match.note,
                    "related_start": match.start,
                    "related_end": match.end,
                }
            )


def check_placeholders(ctx: NoteContext) -> None:
    """Leftover template placeholders are always errors."""
    if not _PLACEHOLDER_HINT.search(ctx.text):
        return  # the full pattern is slow; most notes hold none of its characters
    for m in _PLACEHOLDER.finditer(ctx.text):
        ctx.emit("duplication.placeholder", m.start(), m.end(), placeholder=f'"{m.group(0)}"')


def _coverage(a: Sequence[Unit], b: Sequence[Unit]) -> float:
    total = sum(len(u.tokens) for u in a)
    if not total or not b:
        return 0.0
    covered = 0.0
    for unit in a:
        score, _ = _best(unit, b, 0.6)
        if score >= 0.6:
            covered += len(unit.tokens) * score
    return covered / total


def similarity_matrix(texts: Sequence[str]) -> list[list[float]]:
    """Shared-content score (0..1) for every pair of notes; 1.0 on the diagonal.

    The score is the larger of the two directions: the share of one note's
    substantive words that sit in sentences found, verbatim or reworded, in
    the other.
    """
    per_note = [units(t, i) for i, t in enumerate(texts)]
    n = len(texts)
    out = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            score = round(
                max(_coverage(per_note[i], per_note[j]), _coverage(per_note[j], per_note[i])), 4
            )
            out[i][j] = out[j][i] = score
    return out


# -- corpus scale --------------------------------------------------------------

_PERMUTATIONS = 32
_ROWS = 2  # rows per band: 16 bands of 2 catch pairs with 2-shingle Jaccard >= ~0.4
_BUCKET_CAP = 64  # above this, a bucket compares each sentence with its sorted neighbours
_WINDOW = 8
_PRIME = (1 << 31) - 1


def _signatures(shingle_ids: list[list[int]]) -> Any:
    import numpy as np

    lengths = np.fromiter((len(s) for s in shingle_ids), dtype=np.int64, count=len(shingle_ids))
    flat = np.fromiter(
        (x for s in shingle_ids for x in s), dtype=np.int64, count=int(lengths.sum())
    )
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rng = np.random.default_rng(20270309)  # fixed: results must not vary between runs
    a = rng.integers(1, _PRIME, size=_PERMUTATIONS, dtype=np.int64)
    b = rng.integers(0, _PRIME, size=_PERMUTATIONS, dtype=np.int64)
    sig = np.empty((len(shingle_ids), _PERMUTATIONS), dtype=np.int64)
    for k in range(_PERMUTATIONS):
        hashed = (a[k] * flat + b[k]) % _PRIME
        sig[:, k] = np.minimum.reduceat(hashed, offsets)
    return sig


def _candidate_pairs(keys: Sequence[tuple[str, ...]]) -> set[tuple[int, int]]:
    import numpy as np

    vocab: dict[tuple[str, str], int] = {}
    shingles = [[vocab.setdefault(pair, len(vocab)) for pair in pairwise(k)] for k in keys]
    sig = _signatures(shingles)
    pairs: set[tuple[int, int]] = set()
    for band in range(0, _PERMUTATIONS, _ROWS):
        band_key = sig[:, band] * _PRIME + sig[:, band + 1]
        order = np.argsort(band_key, kind="stable")
        sorted_keys = band_key[order]
        cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
        for group in np.split(order, cuts):
            if len(group) < 2:
                continue
            members = sorted(group.tolist(), key=lambda x: keys[x])
            if len(members) <= _BUCKET_CAP:
                pairs.update(
                    (x, y) if x < y else (y, x)
                    for i, x in enumerate(members)
                    for y in members[i + 1 :]
                )
            else:
                pairs.update(
                    (x, y) if x < y else (y, x)
                    for i, x in enumerate(members)
                    for y in members[i + 1 : i + 1 + _WINDOW]
                )
    return pairs


def find_corpus_duplicates(
    texts: Sequence[str], threshold: float | None = None
) -> list[CorpusDuplicate]:
    """Sentences shared (verbatim or lightly reworded) between notes of a large corpus."""
    cut = float(_settings()["reworded"]) if threshold is None else threshold
    by_key: dict[tuple[str, ...], list[Unit]] = defaultdict(list)
    for i, text in enumerate(texts):
        for unit in units(text, i, fold=False):
            by_key[unit.tokens].append(unit)
    keys = list(by_key)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    fuzzy_root: set[int] = set()
    if len(keys) > 1:
        for x, y in _candidate_pairs(keys):
            a, b = keys[x], keys[y]
            if min(len(a), len(b)) * 2 < max(len(a), len(b)):
                continue
            if Indel.normalized_similarity(a, b) >= cut:
                rx, ry = find(x), find(y)
                if rx != ry:
                    parent[ry] = rx
                fuzzy_root.add(rx)
    fuzzy = {find(r) for r in fuzzy_root}
    groups: dict[int, list[Unit]] = defaultdict(list)
    for idx, key in enumerate(keys):
        groups[find(idx)].extend(by_key[key])
    out = []
    for root, members in groups.items():
        if len({u.note for u in members}) < 2:
            continue
        members.sort(key=lambda u: (u.note, u.start))
        out.append(
            CorpusDuplicate(
                occurrences=tuple(
                    Occurrence(note=u.note, start=u.start, end=u.end) for u in members
                ),
                verbatim=root not in fuzzy,
            )
        )
    out.sort(key=lambda d: (d.occurrences[0].note, d.occurrences[0].start))
    return out
