"""Dates as the accuracy rule reads them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.lint.dates import _DATE, _date_matches, find_dates
from followup.lint.phrases import lowered

READINGS = [
    ("We meet on May 3.", [(5, 3, None)]),
    ("the 12th of September, 2026", [(9, 12, 2026)]),
    ("Sept. 9 2025 and 2026-11-03", [(9, 9, 2025), (11, 3, 2026)]),
    ("by 3/4", [(3, 4, None), (4, 3, None)]),
    ("on 4/5/26", [(4, 5, 2026), (5, 4, 2026)]),
    ("99/99 and 12 people in 2024", []),
    ("mayday 3", []),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_find_dates_reads(text: str, expected: list[tuple[int, int, int | None]]) -> None:
    assert [r for _, _, readings in find_dates(text) for r in readings] == expected


_PIECES = st.sampled_from(
    [
        "may 3",
        "the 12th of september, 2026",
        "3/4",
        "4/5/26",
        "2026-11-03",
        "12",
        "  ",
        "\n",
        "jan.  5",
        "on",
        "march",
        "sept 9 2025",
        "10th",
        "of",
        ",",
        "x",
        "2024",
        "1/2/3",
        "99/99",
        "septemberx",
        "/",
        "-",
        "the",
        "December",
    ]
)


@given(st.lists(_PIECES, max_size=14))
def test_dates_found_near_figures_equal_a_full_scan(pieces: list[str]) -> None:
    """Searching only around each figure finds what scanning the whole text finds."""
    low = lowered(" ".join(pieces))
    found = [(m.start(), m.end()) for m in _date_matches(low)]
    assert found == [(m.start(), m.end()) for m in _DATE.finditer(low)]
