"""Train the word models (``src/followup/lint/data/word_model_<category>.json``).

Logistic regression over the words and word pairs of every labelled note in
``fixtures/notes`` (labelled.yaml and the held-out files): a note is positive
when it is labelled with the category. Full-batch gradient descent with L2,
so the same corpus gives the same weights. The threshold comes from 5-fold
cross-validation: the lowest score that flags at most 10% of the category's
hard negatives (interest-only notes for problem solving, 5% of polite timeline
notes for pushy) and at most 2% of the other notes without the category, when
they were not trained on.

Run: ``make model`` (a few seconds), then ``make test``;
``tests/lint/test_word_model.py`` checks the files match the corpus.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import lint_quality  # noqa: E402  (the corpus loader shared with the quality bench)

from followup.lint import pushy  # noqa: E402
from followup.lint.context import NoteContext  # noqa: E402
from followup.lint.word_model import (  # noqa: E402
    MODEL_CATEGORIES,
    Model,
    evidence,
    features,
    ignored,
)

DATA = ROOT / "src" / "followup" / "lint" / "data"
L2 = 0.1
EPOCHS = 600
STEP = 5.0
MIN_COUNT = 2
FOLDS = 5
# The share of hard negatives a model may flag in cross-validation. Calling a polite note
# pushy is the costlier mistake (sharing your own timeline is good advice): half as many.
HARD_FLAGGED = {"problem_solving": 0.10, "pushy": 0.05}
# ...and the share of every other note without the category (clean notes, other faults).
OTHERS_FLAGGED = 0.02
DIGITS = 4


def _matrix(texts: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(texts), len(vocab)))
    for i, text in enumerate(texts):
        feats = features(text)
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                x[i, j] = 1.0
        x[i] /= np.sqrt(max(1, len(feats)))
    return x


def fit(texts: Sequence[str], labels: Sequence[bool]) -> tuple[dict[str, float], float]:
    """Weights by feature and the bias, from notes and their labels."""
    counts = Counter(f for text in texts for f in features(text))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    x, y = _matrix(texts, vocab), np.array(labels, dtype=float)
    w, b = np.zeros(len(vocab)), 0.0
    for _ in range(EPOCHS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= STEP * (x.T @ (p - y) + L2 * w) / len(y)
        b -= STEP * float((p - y).mean())
    return {f: float(w[j]) for f, j in vocab.items()}, b


def _score(weights: dict[str, float], bias: float, text: str) -> float:
    """A held-out note's score, computed exactly as the linter computes it."""
    return Model(weights=weights, bias=bias, threshold=0.0).probability(features(text))


def hard_negative(entry: lint_quality.Entry, category: str) -> bool:
    """The notes a model for ``category`` must not flag though they look alike."""
    return entry.interest_only if category == "problem_solving" else entry.timeline


def reaches_model(entry: lint_quality.Entry, category: str) -> bool:
    """Whether the linter would ask the model about this note at all.

    A note that gives the reader explicit permission to say no is never called pushy
    by the model (the linter does not ask it), so such notes cannot be its false alarms.
    """
    return category != "pushy" or not pushy.permits_no(NoteContext(entry.text))


def train(category: str) -> None:
    entries = lint_quality.load_corpus()
    texts = [evidence(e.text, ignored(category)) for e in entries]
    labels = [category in e.categories for e in entries]
    order = list(range(len(entries)))
    random.Random(7).shuffle(order)  # noqa: S311 - a fixed fold order, not a secret
    held: dict[int, float] = {}
    for k in range(FOLDS):
        test = set(order[k::FOLDS])
        train = [i for i in order if i not in test]
        w, b = fit([texts[i] for i in train], [labels[i] for i in train])
        held |= {
            i: _score(w, b, texts[i]) if reaches_model(entries[i], category) else 0.0 for i in test
        }
    hard = sorted(held[i] for i, e in enumerate(entries) if hard_negative(e, category))
    others = [i for i, e in enumerate(entries) if not labels[i] and not hard_negative(e, category)]
    rest = sorted(held[i] for i in others)
    # Both budgets hold: notes that give permission never reach the pushy model, so the
    # hard negatives alone would let the threshold fall as that list grows.
    threshold = (
        max(
            hard[int((1 - HARD_FLAGGED[category]) * len(hard))],
            rest[int((1 - OTHERS_FLAGGED) * len(rest))],
        )
        + 10**-DIGITS
    )
    caught = sum(held[i] >= threshold for i, yes in enumerate(labels) if yes)
    weights, bias = fit(texts, labels)
    kept = {f: round(v, DIGITS) for f, v in sorted(weights.items()) if abs(v) >= 10**-DIGITS}
    out = DATA / f"word_model_{category}.json"
    out.write_text(
        json.dumps(
            {
                "about": "tools/train_word_model.py; do not edit by hand",
                "notes": len(entries),
                "category": category,
                "positive_notes": sum(labels),
                "cross_validated": {
                    "recall": round(caught / sum(labels), 3),
                    "hard_negatives_flagged": round(
                        sum(s >= threshold for s in hard) / len(hard), 3
                    ),
                    "other_notes_flagged": round(
                        sum(held[i] >= threshold for i in others) / len(others), 3
                    ),
                },
                "threshold": round(threshold, DIGITS),
                "bias": round(bias, DIGITS),
                "weights": kept,
            },
            indent=0,
            sort_keys=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{category}: {len(entries)} notes ({sum(labels)} labelled), {len(kept)} weights -> {out}"
    )
    print(
        f"  cross-validated at threshold {threshold:.3f}: recall {caught}/{sum(labels)}, "
        f"hard negatives flagged {sum(s >= threshold for s in hard)}/{len(hard)}, "
        f"other notes flagged {sum(held[i] >= threshold for i in others)}/{len(others)}"
    )


if __name__ == "__main__":
    for name in sys.argv[1:] or MODEL_CATEGORIES:
        train(name)
