"""A linear model over a note's words: how much the note reads as solving their problem.

The phrase patterns and the proposal detector know the shapes of a proposal;
on notes by writers they were not tuned on they catch about two thirds of the
problem-solving notes, and a bag of words trained on the labelled corpus
catches a different two thirds. Together they miss far less, so a note the
rules pass but this model scores above its threshold gets a warning (not an
error: the model cannot say which words are the fix, only which sentence
weighs most). Weights, bias and threshold live in ``data/problem_model.json``,
written by ``tools/train_problem_model.py`` from ``fixtures/notes``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

__all__ = ["Model", "body", "features", "load_model"]

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

    def score(self, note: str) -> float:
        """The probability-like score of a whole note."""
        feats = features(body(note))
        total = sum(self.weights.get(f, 0.0) for f in feats)
        z = self.bias + total / math.sqrt(max(1, len(feats)))
        return 1 / (1 + math.exp(-z))

    def weight(self, text: str) -> float:
        """How much one passage (a sentence) pushes a note towards problem solving."""
        return sum(self.weights.get(f, 0.0) for f in features(text))


@cache
def load_model() -> Model:
    raw = resources.files("followup.lint").joinpath("data", "problem_model.json").read_text("utf-8")
    data = json.loads(raw)
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )
