"""The linter's quality on the labelled corpus in fixtures/notes.

The corpus is ``labelled.yaml`` plus the ``holdout*.yaml`` files (notes
written after the rules were tuned, so the figures measure generalisation,
not memory); the floors apply to all of them together. The figures come from
``bench/lint_quality.py``, which prints the same tables. Recall floors for
problem solving, formality, pushiness and spelling, the clean-note rate, the
interest-only false-positive rate and the loop verdicts are the issue's
targets; the other floors sit a little under what was measured when they
were set. A failing test lists the notes it missed. Run with ``-s`` to see
the tables.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_bench() -> ModuleType:
    path = ROOT / "bench" / "lint_quality.py"
    spec = importlib.util.spec_from_file_location("lint_quality", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is built.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


lq = _load_bench()

# The issue's targets.
RECALL_TARGETS = {"problem_solving": 0.85, "formality": 0.85, "pushy": 0.85, "spelling": 0.85}
CLEAN_WITHOUT_ERRORS = 0.90
INTEREST_ONLY_FLAGGED_AT_MOST = 1 / 5

# Measured floors: a little under the figures measured when they were set,
# never above them. Raise them as the rules improve.
RECALL_FLOORS = {
    "structure": 0.85,
    "accuracy": 0.8,
    "generic": 0.85,
    "duplication": 0.95,
    "length": 0.75,
}
PRECISION_FLOORS = {
    "problem_solving": 0.9,
    "formality": 0.95,
    "pushy": 0.95,
    # Blind writers' clean notes carry foreign words and names (warnings, never errors),
    # and some end without an explicit next step (a warning too; coaches advise one).
    "spelling": 0.8,
    "structure": 0.45,
    "accuracy": 0.95,
    "generic": 0.95,
    "duplication": 0.95,
    "length": 0.75,
}
# The minimum corpus the issue asks for, per label.
MINIMUMS = {
    "problem_solving": 15,
    "formality": 12,
    "pushy": 10,
    "spelling": 8,
    "structure": 6,
    "accuracy": 6,
    "generic": 8,
    "duplication": 4,
}


@pytest.fixture(scope="module")
def report() -> Any:
    return lq.evaluate()


def _misses(report: Any, ids: tuple[str, ...], category: str | None = None) -> str:
    by_id = {r.entry.id: r for r in report.entries}
    return "\n".join(lq.describe_entry(by_id[i], category) for i in ids)


def test_corpus_has_the_notes_the_issue_asks_for() -> None:
    """The corpus holds at least 110 notes, the minimum per category and per kind of clean note."""
    entries = lq.load_entries()
    assert len(entries) >= 110
    for category, minimum in MINIMUMS.items():
        assert sum(category in e.categories for e in entries) >= minimum, category
    assert sum(e.clean for e in entries) >= 25 + 12 + 5
    assert sum(e.interest_only for e in entries) >= 12
    assert sum(e.timeline for e in entries) >= 5
    assert all(e.debrief for e in entries if "accuracy" in e.categories)
    assert len({e.id for e in entries}) == len(entries)


def test_corpus_loops_cover_every_kind() -> None:
    """At least ten loops of two to five notes, with every kind of expected verdict present."""
    loops = lq.load_loops()
    assert len(loops) >= 10
    assert all(2 <= len(loop.files) <= 5 for loop in loops)
    assert {loop.kind for loop in loops} == set(lq.LOOP_KINDS)
    for loop in loops:
        assert loop.duplicated == (loop.kind in ("verbatim", "reworded", "paraphrased")), loop.name
        assert loop.flagged_notes <= set(loop.files), loop.name


def test_corpus_references_resolve() -> None:
    """Every debrief named in the corpus loads and every recipient is one of its interviewers."""
    for entry in lq.load_corpus():
        if entry.to is not None:
            assert entry.debrief is not None, entry.id
            assert lq.recipient(entry.debrief, entry.to) is not None
    for loop in lq.load_loops():
        for name, person in loop.to.items():
            assert name in loop.files, loop.name
            assert lq.recipient(loop.debrief, person) is not None


def test_report_table(report: Any) -> None:
    """The quality table has a row for every category and the loop figures (shown with -s)."""
    table = lq.format_report(report)
    print("\n" + table)
    for category in lq.CATEGORIES:
        assert f"\n{category} " in table
    assert "copied loops caught" in table


@pytest.mark.parametrize("category", sorted(RECALL_TARGETS))
def test_recall_meets_the_issue_target(report: Any, category: str) -> None:
    """Problem solving, formality, pushiness and spelling are each caught in >= 85% of bad notes."""
    score = report.score(category)
    assert score.recall is not None
    assert score.recall >= RECALL_TARGETS[category], (
        f"{category} recall {score.recall:.2f} < {RECALL_TARGETS[category]}; missed:\n"
        + _misses(report, score.misses)
    )


@pytest.mark.parametrize("category", sorted(RECALL_FLOORS))
def test_recall_stays_above_measured_floor(report: Any, category: str) -> None:
    """Structure, accuracy, generic, placeholder and length recall do not fall below the floor."""
    score = report.score(category)
    assert score.recall is not None
    assert score.recall >= RECALL_FLOORS[category], (
        f"{category} recall {score.recall:.2f} < floor {RECALL_FLOORS[category]}; missed:\n"
        + _misses(report, score.misses)
    )


@pytest.mark.parametrize("category", sorted(PRECISION_FLOORS))
def test_precision_stays_above_measured_floor(report: Any, category: str) -> None:
    """Each category's flags are mostly on notes labelled with it (precision floor)."""
    score = report.score(category)
    precision = 1.0 if score.precision is None else score.precision
    assert precision >= PRECISION_FLOORS[category], (
        f"{category} precision {precision:.2f} < floor {PRECISION_FLOORS[category]}; "
        "false alarms:\n" + _misses(report, score.false_positives, category)
    )


def test_clean_notes_raise_no_error(report: Any) -> None:
    """At least 90% of clean, professional notes get no error-level finding."""
    clean = report.clean
    bad = report.clean_with_errors
    rate = 1 - len(bad) / len(clean)
    assert rate >= CLEAN_WITHOUT_ERRORS, (
        f"{len(bad)} of {len(clean)} clean notes have errors:\n"
        + "\n".join(lq.describe_entry(r) for r in bad)
    )


def test_interest_in_a_problem_is_not_problem_solving(report: Any) -> None:
    """At most one in five interest-only notes is flagged for problem solving."""
    flagged = report.interest_only_flagged
    assert len(flagged) / len(report.interest_only) <= INTEREST_ONLY_FLAGGED_AT_MOST, (
        "interest-only notes flagged:\n"
        + "\n".join(lq.describe_entry(r, "problem_solving") for r in flagged)
    )


def test_polite_timeline_notes_are_not_pushy(report: Any) -> None:
    """Sharing a decision date with permission to say no is never flagged as pushy."""
    flagged = report.timeline_flagged
    assert not flagged, "\n".join(lq.describe_entry(r, "pushy") for r in flagged)


def test_every_copied_loop_is_caught(report: Any) -> None:
    """Every loop with verbatim or reworded shared text gets a cross-note duplication finding."""
    missed = report.copied_missed
    assert not missed, "\n".join(lq.describe_loop(r) for r in missed)


def test_no_courtesy_or_distinct_loop_is_flagged(report: Any) -> None:
    """Loops sharing only courtesy lines, or written fresh, get no duplication warning."""
    flagged = report.distinct_flagged
    assert not flagged, "\n".join(lq.describe_loop(r) for r in flagged)


def test_copied_notes_point_at_their_twin(report: Any) -> None:
    """Each copied note is flagged, points at a copied twin, and the twin's span is in that note."""
    problems = []
    for result in report.copied_loops:
        loop = result.loop
        for i, name in enumerate(loop.files):
            findings = result.cross_note(i)
            if name not in loop.flagged_notes:
                if findings:
                    problems.append(f"{loop.name}/{name}: flagged but has no copied twin")
                continue
            if not findings:
                problems.append(f"{loop.name}/{name}: not flagged")
            for f in findings:
                j = f.related_note
                if j == i or not 0 <= j < len(loop.files):
                    problems.append(f"{loop.name}/{name}: related_note {j} is not another note")
                    continue
                if loop.files[j] not in loop.flagged_notes:
                    problems.append(f"{loop.name}/{name}: points at {loop.files[j]}, not a twin")
                twin = loop.texts[j]
                if f.related_start is None or f.related_end is None:
                    problems.append(f"{loop.name}/{name}: no span in {loop.files[j]}")
                elif not 0 <= f.related_start < f.related_end <= len(twin):
                    problems.append(f"{loop.name}/{name}: related span outside {loop.files[j]}")
    assert not problems, "\n".join(problems)


def test_similarity_separates_copied_from_distinct_loops(report: Any) -> None:
    """The heat-map score of every copied loop is above that of every distinct loop."""
    copied = min(report.copied_loops, key=lambda r: r.max_similarity)
    distinct = max(report.distinct_loops, key=lambda r: r.max_similarity)
    assert copied.max_similarity > distinct.max_similarity, (
        f"{copied.loop.name} ({copied.max_similarity:.2f}) <= "
        f"{distinct.loop.name} ({distinct.max_similarity:.2f})"
    )
