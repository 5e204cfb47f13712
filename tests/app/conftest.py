"""Fixtures for the app tests: the page under streamlit.testing's AppTest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
FIXTURES = ROOT / "fixtures" / "debriefs"


@pytest.fixture
def new_session(followup_home: Path) -> Callable[[], AppTest]:
    """Opens the app in a fresh browser session (same FOLLOWUP_HOME: a reload)."""

    def start() -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start


@pytest.fixture
def app(new_session: Callable[[], AppTest]) -> AppTest:
    """The app, opened once, with an empty store and no saved work."""
    return new_session()
