"""Fixtures for the LLM drafting tests: the fake OpenAI server, settings, a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakeopenai import FakeOpenAIServer

from followup.debrief import Debrief, load_debrief
from followup.drafting.llm import RetryPolicy
from followup.settings import Settings, load_settings
from followup.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "debriefs"
API_KEY = "sk-test-9f8e7d6c5b4a39281706"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    """A fresh fake chat-completions server on a free local port."""
    with FakeOpenAIServer() as srv:
        yield srv


@pytest.fixture
def settings(server: FakeOpenAIServer, followup_home: Path) -> Settings:
    """Settings pointing the real OpenAI client at the fake server."""
    return load_settings(
        env={},
        backend="openai",
        base_url=server.base_url,
        api_key=API_KEY,
        model="gpt-4o-mini",
        timeout=2.0,
        home=followup_home,
    )


@pytest.fixture
def debrief() -> Debrief:
    """The three-person Harborline loop."""
    return load_debrief(FIXTURES / "harborline.yaml")


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A real SQLite store in the test's home folder."""
    with Store.open(settings) as st:
        yield st


class SleepRecorder:
    """Stands in for time.sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    """Records every wait a retry policy asks for."""
    return SleepRecorder()


@pytest.fixture
def retry(sleeps: SleepRecorder) -> RetryPolicy:
    """Four attempts, waits recorded rather than slept, jitter fixed at its midpoint."""
    return RetryPolicy(attempts=4, sleep=sleeps, jitter=lambda: 0.5)
