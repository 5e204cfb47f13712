"""The model call log and its cache lookup; the API key never reaches the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup.settings import load_settings
from followup.store import CallRecord, Store

NOON = dt.datetime(2027, 3, 9, 12, 0, tzinfo=dt.UTC)


def _call(key: str = "k1", response: str | None = "Dear Priya,", **changes: object) -> CallRecord:
    fields: dict[str, object] = {
        "request_key": key,
        "model": "gpt-4o-mini",
        "base_url": None,
        "prompt": '[{"role": "user", "content": "Draft a note"}]',
        "response": response,
        "prompt_tokens": 120,
        "completion_tokens": 80,
        "latency_ms": 812.5,
        "outcome": "ok",
        "temperature": 0.0,
        "created_at": NOON,
    }
    fields.update(changes)
    return CallRecord.model_validate(fields)


def test_call_round_trip(store: Store) -> None:
    """A logged call reads back equal, newest first."""
    first = _call("a")
    second = _call("b", response=None, outcome="error", error="timeout", prompt_tokens=None)
    store.log_call(first)
    store.log_call(second)
    assert store.calls() == [second, first]
    assert store.calls(limit=1) == [second]


def test_cache_returns_latest_ok_response_for_the_key(store: Store) -> None:
    """find_cached gives the newest ok response with that key, ignoring errors and others."""
    store.log_call(_call("k", response="old"))
    store.log_call(_call("k", response="new"))
    store.log_call(_call("k", response=None, outcome="error", error="HTTP 500"))
    store.log_call(_call("k", response="from cache", outcome="cached"))
    store.log_call(_call("other", response="unrelated"))
    assert store.find_cached("k") == "new"
    assert store.find_cached("missing") is None


def test_cache_ignores_keys_with_only_errors(store: Store) -> None:
    """A key whose calls all failed has nothing cached."""
    store.log_call(_call("k", response=None, outcome="error", error="HTTP 429"))
    assert store.find_cached("k") is None


def test_env_api_key_is_redacted(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The current OPENAI_API_KEY is replaced by [redacted] wherever it appears in a record."""
    secret = "sk-test-Zq81Ksecretvalue"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    store.log_call(
        _call(
            prompt=f"key={secret}",
            response=f"echo {secret}",
            outcome="error",
            error=f"Incorrect API key provided: {secret}",
        )
    )
    (record,) = store.calls()
    assert record.prompt == "key=[redacted]"
    assert record.response == "echo [redacted]"
    assert record.error == "Incorrect API key provided: [redacted]"
    store.close()
    for file in store.path.parent.iterdir():
        assert secret.encode() not in file.read_bytes()


def test_settings_api_key_is_redacted(followup_home: Path) -> None:
    """A key given through settings (not the environment) is redacted too."""
    secret = "sk-from-secrets-toml-9f8e7d"
    settings = load_settings(secrets={"OPENAI_API_KEY": secret})
    with Store.open(settings) as store:
        store.log_call(_call(prompt=f"Authorization: Bearer {secret}"))
        assert store.calls()[0].prompt == "Authorization: Bearer [redacted]"
    for file in followup_home.iterdir():
        assert secret.encode() not in file.read_bytes()


def test_call_record_has_no_key_field() -> None:
    """CallRecord refuses an api_key field outright."""
    with pytest.raises(ValueError, match="api_key"):
        _call(api_key="sk-nope")


def test_naive_call_time_is_taken_as_utc(store: Store) -> None:
    """A call logged with a naive timestamp reads back as that time in UTC."""
    store.log_call(_call(created_at=dt.datetime(2027, 3, 9, 12, 0)))
    assert store.calls()[0].created_at == NOON
