"""Duplication across a loop: verbatim, reworded, courtesy-only; the heat map; the corpus scan."""

from __future__ import annotations

import pytest

from followup.debrief import Debrief
from followup.lint import (
    NoteInput,
    find_corpus_duplicates,
    lint_loop,
    similarity_matrix,
)

SHARED = (
    "I was impressed by how carefully your team plans each warehouse migration, "
    "and my six years of KPI reporting would help keep that work on track."
)
REWORDED = (
    "I was really impressed by how carefully your team plans every warehouse migration, "
    "and my six years of KPI reporting would help keep this work on track."
)


def letter(name: str, *middle: str) -> str:
    """A note with courtesy lines around the given middle sentences."""
    body = " ".join(middle)
    return (
        f"Dear {name},\n\nThank you for your time.\n\n{body}\n\n"
        "I look forward to hearing from you.\n\nBest regards,\nMorgan Hale\n"
    )


A_OWN = "Our talk about cycling in the Catskills reminded me of my own rides there last summer."
B_OWN = "The weekly dashboard you built in Power BI is a model of clarity for the floor."
C_OWN = "Your recommendation of the Thai place on Ferry Street was excellent, and I went."


def dup_findings(*texts: str) -> list[list[tuple[str, str, int | None]]]:
    results = lint_loop([NoteInput(text=t) for t in texts])
    return [
        [
            (f.severity, t[f.start : f.end], f.related_note)
            for f in found
            if f.category == "duplication"
        ]
        for t, found in zip(texts, results, strict=True)
    ]


# (description, notes, expected severity on note 0 or None)
CASES = [
    (
        "verbatim substantive sentence",
        [letter("Priya", A_OWN, SHARED), letter("Tom", B_OWN, SHARED)],
        "error",
    ),
    (
        "one lightly reworded sentence",
        [letter("Priya", A_OWN, SHARED), letter("Tom", B_OWN, REWORDED)],
        "warning",
    ),
    ("courtesy lines only", [letter("Priya", A_OWN), letter("Tom", B_OWN)], None),
    ("distinct notes", [letter("Priya", A_OWN), letter("Tom", B_OWN), letter("Dana", C_OWN)], None),
    (
        "a whole note lightly reworded",
        [
            letter("Priya", A_OWN, SHARED, B_OWN),
            letter(
                "Tom", A_OWN.replace("my own", "my"), REWORDED, B_OWN.replace("model", "fine model")
            ),
        ],
        "error",
    ),
]


@pytest.mark.parametrize(("label", "texts", "expected"), CASES, ids=[c[0] for c in CASES])
def test_loop_duplication_table(label: str, texts: list[str], expected: str | None) -> None:
    """Severity grows with what is shared; courtesy lines and distinct notes pass."""
    found = dup_findings(*texts)[0]
    if expected is None:
        assert found == [], label
    else:
        severities = {f[0] for f in found}
        assert severities == {"warning"} if expected == "warning" else "error" in severities


def test_finding_points_at_both_places() -> None:
    """A duplication finding names the other note and the span of the copy there."""
    texts = [letter("Priya", A_OWN, SHARED), letter("Tom", B_OWN, SHARED)]
    results = lint_loop([NoteInput(text=t) for t in texts])
    first = next(f for f in results[0] if f.rule == "duplication.cross-note")
    assert texts[0][first.start : first.end] == SHARED
    assert first.related_note == 1
    assert first.related_start is not None
    assert first.related_end is not None
    assert texts[1][first.related_start : first.related_end] == SHARED
    second = next(f for f in results[1] if f.rule == "duplication.cross-note")
    assert second.related_note == 0


def test_recipient_names_are_normalised(harborline: Debrief) -> None:
    """Sentences that differ only in the recipient's name are still copies."""
    priya, tom, _ = harborline.interviewers
    line = "{n}, your account of the warehouse move showed me exactly how the night shift works."
    texts = [
        letter("Priya", A_OWN, line.format(n="Priya")),
        letter("Mr. Okafor", B_OWN, line.format(n="Mr. Okafor")),
    ]
    notes = [NoteInput(text=texts[0], recipient=priya), NoteInput(text=texts[1], recipient=tom)]
    found = lint_loop(notes, debrief=harborline)
    assert any(f.rule == "duplication.cross-note" for f in found[0])


def test_quoted_text_is_not_compared() -> None:
    """A sentence inside quotation marks (the interviewer's words) is not held as a copy."""
    quoted = f'You said "{SHARED}"'
    found = dup_findings(letter("Priya", A_OWN, quoted), letter("Tom", B_OWN, quoted))
    assert found == [[], []]


def test_per_note_ignore_list() -> None:
    """A note's ignore list turns a rule off for that note only."""
    texts = [letter("Priya", A_OWN, SHARED), letter("Tom", B_OWN, SHARED)]
    notes = [NoteInput(text=texts[0], ignore=frozenset({"duplication"})), NoteInput(text=texts[1])]
    results = lint_loop(notes)
    assert not any(f.category == "duplication" for f in results[0])
    assert any(f.category == "duplication" for f in results[1])


def test_similarity_matrix_shape_and_values() -> None:
    """The heat map is square, symmetric, 1.0 on the diagonal, high for copies, 0 for strangers."""
    texts = [
        letter("Priya", A_OWN, SHARED),
        letter("Tom", B_OWN, SHARED),
        letter("Dana", C_OWN),
    ]
    m = similarity_matrix(texts)
    assert [len(row) for row in m] == [3, 3, 3]
    assert all(m[i][i] == 1.0 for i in range(3))
    assert all(m[i][j] == m[j][i] for i in range(3) for j in range(3))
    assert m[0][1] > 0.4
    assert m[0][2] == 0.0
    assert all(0.0 <= v <= 1.0 for row in m for v in row)


def test_corpus_scan_groups_copies_across_notes() -> None:
    """The corpus scan finds verbatim and reworded copies and ignores distinct notes."""
    texts = [
        letter("Priya", A_OWN, SHARED),
        letter("Tom", B_OWN, SHARED),
        letter("Dana", C_OWN, REWORDED),
        letter("Sam", "I liked the tour of the new packing line and its bright green conveyors."),
    ]
    groups = find_corpus_duplicates(texts)
    assert len(groups) == 1
    notes = {o.note for o in groups[0].occurrences}
    assert notes == {0, 1, 2}
    assert groups[0].verbatim is False
    for occ in groups[0].occurrences:
        assert texts[occ.note][occ.start : occ.end] in (SHARED, REWORDED)


def test_corpus_scan_marks_exact_copies_verbatim() -> None:
    """A sentence copied word for word (case and punctuation aside) is a verbatim group."""
    texts = [letter("Priya", A_OWN, SHARED), letter("Tom", B_OWN, SHARED.upper())]
    groups = find_corpus_duplicates(texts)
    assert [g.verbatim for g in groups] == [True]


def test_corpus_scan_of_nothing() -> None:
    """An empty corpus, or one note, has no duplicates."""
    assert find_corpus_duplicates([]) == []
    assert find_corpus_duplicates([letter("Priya", A_OWN, SHARED)]) == []
