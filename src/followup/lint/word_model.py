"""Linear models over a note's words: how much it reads as solving their problem, or pushy.

The phrase patterns know the shapes of a proposal or of pressure; on notes by
writers they were not tuned on they catch about half of them, and a bag of
words trained on the labelled corpus catches a different part. Together they
miss far less, so a note the rules pass but a model scores above its
threshold gets a warning (not an error: the model cannot say which words are
at fault, only which sentence weighs most). Each category's weights, bias
and threshold live in ``data/word_model_<category>.json``, written by
``tools/train_word_model.py`` from ``fixtures/notes`` (``make model``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from followup.text import Sentence

__all__ = ["MODEL_CATEGORIES", "Model", "body", "features", "load_model", "weightiest"]

_TOKEN = re.compile(r"[a-z][a-z'’]*")


def body(note: str) -> str:
    """The note without its salutation and sign-off (names there only add noise)."""
    lines = [line for line in note.strip().splitlines() if line.strip()]
    return " ".join(lines[1:-2] if len(lines) > 4 else lines)


def features(text: str) -> frozenset[str]:
    """The words and word pairs of ``text``, lower-cased (the trainer uses this too)."""
    tokens = [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]
    return frozenset(tokens) | frozenset(f"{a} {b}" for a, b in pairwise(tokens))


@dataclass(frozen=True)
class Model:
    """Logistic regression over binary features, each row scaled by 1/sqrt(its size)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    # Trained on whole notes (60 to 260 words): on a fragment the score means little.
    min_words: int = 50

    def applies(self, note: str) -> bool:
        """Whether ``note`` is long enough for the model to judge."""
        return len(body(note).split()) >= self.min_words

    def score(self, note: str) -> float:
        """The probability-like score of a whole note."""
        feats = features(body(note))
        total = sum(self.weights.get(f, 0.0) for f in feats)
        z = self.bias + total / math.sqrt(max(1, len(feats)))
        return 1 / (1 + math.exp(-z))

    def weight(self, text: str) -> float:
        """How much one passage (a sentence) pushes a note towards the category.

        Scaled like a note's score (by the square root of its size), so a long
        sentence of ordinary words does not outweigh a short one that carries it.
        """
        feats = features(text)
        return sum(self.weights.get(f, 0.0) for f in feats) / math.sqrt(max(1, len(feats)))


MODEL_CATEGORIES = ("problem_solving", "pushy")


@cache
def load_model(category: str) -> Model:
    """The shipped model for ``category`` (one of ``MODEL_CATEGORIES``)."""
    name = f"word_model_{category}.json"
    raw = resources.files("followup.lint").joinpath("data", name).read_text("utf-8")
    data = json.loads(raw)
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )


# The note's thanks ("Thank you for the interview on Monday ...") is never the culprit.
_THANKS = re.compile(r"^\W*(?:many\s+|so\s+)?thank", re.IGNORECASE)


def weightiest(model: Model, sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence that pushes the note furthest towards the category, if any pushes at all."""
    sentences = [s for s in sentences if not _THANKS.match(s.text)]
    if not sentences:
        return None
    weights = [model.weight(s.text) for s in sentences]
    best = max(range(len(sentences)), key=weights.__getitem__)
    return sentences[best] if weights[best] > 0 else None
