"""Linear models over a note's words: how much it reads as solving their problem, or pushy.

The phrase patterns know the shapes of a proposal or of pressure; on notes by
writers they were not tuned on they catch about half of them, and a bag of
words trained on the labelled corpus catches a different part. Together they
miss far less, so a note the rules pass but a model scores above its
threshold gets a warning (not an error: the model cannot say which words are
at fault, only which sentence weighs most). A category may name sentences its
model does not read (``model_ignores``: the interviewer's account reported
back, for problem solving), in training and in use alike. Each category's weights, bias
and threshold live in ``data/word_model_<category>.json``, written by
``tools/train_word_model.py`` from ``fixtures/notes`` (``make model``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

from followup.lint.context import NoteContext
from followup.lint.registry import data
from followup.text import Sentence

__all__ = [
    "MODEL_CATEGORIES",
    "Model",
    "body",
    "culprit",
    "evidence",
    "features",
    "ignored",
    "load_model",
]

_TOKEN = re.compile(r"[a-z][a-z'’]*")


def body(note: str) -> str:
    """The note without its salutation and sign-off (names there only add noise)."""
    lines = [line for line in note.strip().splitlines() if line.strip()]
    return " ".join(lines[1:-2] if len(lines) > 4 else lines)


def features(text: str) -> frozenset[str]:
    """The words and word pairs of ``text``, lower-cased (the trainer uses this too)."""
    tokens = [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]
    return frozenset(tokens) | frozenset(f"{a} {b}" for a, b in pairwise(tokens))


# A rough sentence split, enough for what a model reads (no spans needed) and far
# cheaper than ``split_sentences``; training and use read the same split.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def evidence(note: str, ignore: re.Pattern[str] | None = None) -> str:
    """The body a model reads: without the sentences ``ignore`` finds (in lower case)."""
    text = body(note)
    if ignore is None:
        return text
    return " ".join(s for s in _SENTENCE_END.split(text) if not ignore.search(s.lower()))


@cache
def ignored(category: str) -> re.Pattern[str] | None:
    """The sentences a category's model does not read (``model_ignores`` in its data)."""
    source = data(category).get("model_ignores")
    return re.compile(str(source)) if source else None


@lru_cache(maxsize=4)
def _note_features(note: str, ignore: re.Pattern[str] | None) -> tuple[frozenset[str], int]:
    """A note's evidence features and word count (cached: a note is asked about twice)."""
    return _text_features(evidence(note, ignore))


@lru_cache(maxsize=4)
def _text_features(text: str) -> tuple[frozenset[str], int]:
    # Most notes ignore no sentence: both models then read the same text, featurised once.
    return features(text), len(text.split())


@dataclass(frozen=True)
class Model:
    """Logistic regression over binary features, each row scaled by 1/sqrt(its size)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    # Trained on whole notes (60 to 260 words): on a fragment the score means little.
    min_words: int = 50
    # Sentences the model does not read, in training or in use (see ``evidence``).
    ignore: re.Pattern[str] | None = None
    known: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known", frozenset(self.weights))

    def probability(self, feats: frozenset[str]) -> float:
        """The score of a feature set (the trainer scores held-out notes with this too)."""
        return 1 / (1 + math.exp(-(self.bias + self._scaled(feats))))

    def score(self, note: str) -> float:
        """The probability-like score of a whole note."""
        return self.probability(_note_features(note, self.ignore)[0])

    def flags(self, note: str) -> bool:
        """Whether the note is long enough to judge and scores at or above the threshold."""
        feats, words = _note_features(note, self.ignore)
        return words >= self.min_words and self.probability(feats) >= self.threshold

    def weight(self, text: str) -> float:
        """How much one passage (a sentence) pushes a note towards the category.

        Scaled like a note's score (by the square root of its size), so a long
        sentence of ordinary words does not outweigh a short one that carries it.
        """
        return self._scaled(features(text))

    def _scaled(self, feats: frozenset[str]) -> float:
        # Only the features the model knows carry weight; intersecting first keeps the
        # sum in C and over a few dozen features instead of a note's hundreds.
        weighed = map(self.weights.__getitem__, feats & self.known)
        return sum(weighed) / math.sqrt(max(1, len(feats)))


MODEL_CATEGORIES = ("problem_solving", "pushy")


@cache
def load_model(category: str) -> Model:
    """The shipped model for ``category`` (one of ``MODEL_CATEGORIES``)."""
    name = f"word_model_{category}.json"
    raw = resources.files("followup.lint").joinpath("data", name).read_text("utf-8")
    shipped = json.loads(raw)
    return Model(
        weights={str(k): float(v) for k, v in shipped["weights"].items()},
        bias=float(shipped["bias"]),
        threshold=float(shipped["threshold"]),
        ignore=ignored(category),
    )


# The note's thanks ("Thank you for the interview on Monday ...") is never the culprit.
_THANKS = re.compile(r"^\W*(?:many\s+|so\s+)?thank", re.IGNORECASE)


def culprit(
    model: Model,
    ctx: NoteContext,
    min_words: int,
    skip: Callable[[str], object] = lambda low: False,
) -> Sentence | None:
    """The body sentence to point at when ``model`` flags the note, if one pushes at all.

    Candidates have ``min_words`` or more and are not the thanks line nor ``skip``-ped
    (``skip`` gets the lower-cased sentence).
    """
    if not model.flags(ctx.text):
        return None
    ignore = model.ignore.search if model.ignore else lambda low: None
    sentences = [
        s
        for s in ctx.sentences
        if s.start >= ctx.body_start
        and len(s.text.split()) >= min_words
        and not _THANKS.match(s.text)
        and not (skip(low := ctx.lowered[s.start : s.end]) or ignore(low))
    ]
    if not sentences:
        return None
    weights = [model.weight(s.text) for s in sentences]
    best = max(range(len(sentences)), key=weights.__getitem__)
    return sentences[best] if weights[best] > 0 else None
