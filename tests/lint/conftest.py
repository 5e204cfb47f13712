"""Fixtures for the linter tests: the Harborline debrief and its people."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def harborline() -> Debrief:
    """The three-person Harborline loop (Priya invited first names; Tom did not)."""
    return load_debrief(ROOT / "fixtures" / "debriefs" / "harborline.yaml")
