"""Shared fixtures. The autouse isolation below keeps every test off the user's real data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point FOLLOWUP_HOME at a fresh folder and drop model settings, for every test."""
    home = tmp_path_factory.mktemp("followup-home")
    monkeypatch.setenv("FOLLOWUP_HOME", str(home))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "FOLLOWUP_BACKEND"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def followup_home(_isolated_home: Path) -> Path:
    """The per-test FOLLOWUP_HOME folder (already set in the environment)."""
    return _isolated_home
