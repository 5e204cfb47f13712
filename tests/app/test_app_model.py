"""The app with a model: streamed drafting, faults falling back per note, the key never kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakeopenai import FakeOpenAIServer, Reply, free_port
from streamlit.testing.v1 import AppTest

API_KEY = "sk-apptest-5e4d3c2b1a09f8e7"
HARBORLINE = (
    Path(__file__).resolve().parents[2] / "fixtures" / "debriefs" / "harborline.yaml"
).read_text(encoding="utf-8")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    """A fake OpenAI-compatible server; the key comes from the environment; no retry waits."""
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("FOLLOWUP_MAX_RETRIES", "0")
    with FakeOpenAIServer() as srv:
        yield srv


def _with_model(app: AppTest, base_url: str) -> AppTest:
    app.sidebar.radio(key="set_backend").set_value("openai")
    app.run()
    app.sidebar.text_input(key="set_base_url").input(base_url)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _draft(app: AppTest) -> AppTest:
    app.text_area(key="load_paste").input(HARBORLINE)
    app.button(key="load_paste_button").click()
    app.run(timeout=60)
    assert not app.exception, [e.value for e in app.exception]
    return app


def _statuses(app: AppTest) -> list[str]:
    return [h.proto.body for h in app.html if "fu-status" in h.proto.body]


def test_model_drafts_every_note_and_says_so(app: AppTest, server: FakeOpenAIServer) -> None:
    """With the model backend each card says it was drafted by the model."""
    _draft(_with_model(app, server.base_url))
    statuses = _statuses(app)
    assert len(statuses) == 3
    assert all("Drafted by model gpt-4o-mini" in s for s in statuses)
    assert not app.warning


def test_a_model_fault_falls_back_on_that_card_only(app: AppTest, server: FakeOpenAIServer) -> None:
    """A server error for one person: that card is drafted offline and says why in one line."""
    server.script(Reply(status=503), Reply(status=503), match="to Tom Okafor")
    _draft(_with_model(app, server.base_url))
    warnings = [w.value for w in app.warning]
    assert len(warnings) == 1
    assert "HTTP 503" in warnings[0]
    assert "\n" not in warnings[0]
    statuses = _statuses(app)
    assert "Drafted offline: the model failed" in statuses[1]
    assert "Drafted by model" in statuses[0]
    assert "Drafted by model" in statuses[2]


def test_endpoint_down_still_gives_every_note(app: AppTest, server: FakeOpenAIServer) -> None:
    """With nothing listening, every note falls back to offline, each with one readable line."""
    _draft(_with_model(app, f"http://127.0.0.1:{free_port()}/v1"))
    warnings = [w.value for w in app.warning]
    assert len(warnings) == 3
    assert all("\n" not in w for w in warnings)
    assert len([t for t in app.text_area if t.key and t.key.endswith("_body")]) == 3


def test_estimate_is_shown_before_drafting(app: AppTest, server: FakeOpenAIServer) -> None:
    """With the model chosen and a complete debrief, the sidebar shows tokens before sending."""
    app.text_area(key="load_paste").input(HARBORLINE)
    app.button(key="load_paste_button").click()
    app.run()
    _with_model(app, server.base_url)
    info = [re.sub(r"\\(.)", r"\1", i.value) for i in app.sidebar.info]
    assert any("3 notes with gpt-4o-mini" in i and "prompt" in i for i in info)


def test_api_key_is_never_kept(app: AppTest, server: FakeOpenAIServer, followup_home: Path) -> None:
    """After drafting with the model the key is in no widget, no saved file and not the store."""
    _draft(_with_model(app, server.base_url))
    for key, value in app.session_state.items():
        assert API_KEY not in repr(value), key
    for path in followup_home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path.name
    assert API_KEY not in "\n".join(h.proto.body for h in app.html)


def test_model_without_a_key_is_said_once(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing the model with no key: one line says why, and every note is drafted offline."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app.sidebar.radio(key="set_backend").set_value("openai")
    app.run()
    _draft(app)
    lines = [re.sub(r"\\(.)", r"\1", w.value) for w in app.warning]
    assert sum("OPENAI_API_KEY is not set" in w for w in lines) == 1
    assert all("\n" not in w for w in lines)
    statuses = _statuses(app)
    assert len(statuses) == 3
    assert all("Drafted offline" in s for s in statuses)
