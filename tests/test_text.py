"""Sentence splitting, which every rule's spans rest on."""

from __future__ import annotations

import pytest

from followup.text import slugify, split_sentences

SPLITS = [
    (
        "We met at 2 p.m. so I left early. Then I went home.",
        ["We met at 2 p.m. so I left early.", "Then I went home."],
    ),
    ("We met at 2 p.m. The panel was kind.", ["We met at 2 p.m.", "The panel was kind."]),
    ("I love the U.S. and Canada.", ["I love the U.S. and Canada."]),
    ("I moved to the U.S. Then I worked.", ["I moved to the U.S.", "Then I worked."]),
    (
        "Dr. Okafor and Ms. Raman met me. It went well!",
        ["Dr. Okafor and Ms. Raman met me.", "It went well!"],
    ),
    ("Dear Tom,\nThank you.\n\nBest,\nSam", ["Dear Tom,", "Thank you.", "Best,", "Sam"]),
    ('She said "wait." Then we left.', ['She said "wait."', "Then we left."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_sentences(text: str, expected: list[str]) -> None:
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_slugify() -> None:
    assert slugify("Dr. José O'Neil") == "dr-jose-oneil"
    assert slugify("!!!") == "note"
