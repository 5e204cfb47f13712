"""Fixtures for the store tests: a sample debrief and a fresh store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief
from followup.store import Store

HARBORLINE = Path(__file__).parents[2] / "fixtures" / "debriefs" / "harborline.yaml"


def variant(debrief: Debrief, overall: str) -> Debrief:
    """The same debrief with another ``overall`` line, to tell versions apart."""
    interview = debrief.interview.model_copy(update={"overall": overall})
    return debrief.model_copy(update={"interview": interview})


@pytest.fixture(name="variant")
def variant_fixture() -> Callable[[Debrief, str], Debrief]:
    """``variant(debrief, overall)``: a copy told apart by its ``overall`` line."""
    return variant


@pytest.fixture
def debrief() -> Debrief:
    """The three-person Harborline loop."""
    return load_debrief(HARBORLINE)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store in a fresh file, closed after the test."""
    with Store(tmp_path / "followup.sqlite3") as opened:
        yield opened
