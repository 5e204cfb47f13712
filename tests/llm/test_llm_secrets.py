"""The API key never reaches the database, logs, exports, output or error messages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import API_KEY, FIXTURES
from fakeopenai import FakeOpenAIServer, Reply

from followup.cli import main
from followup.debrief import load_debrief
from followup.export import notes_zip
from followup.settings import load_settings
from followup.store import Store


def test_key_appears_nowhere_after_a_full_run(
    server: FakeOpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    followup_home: Path,
    tmp_path: Path,
) -> None:
    """After drafting (a 401 echoing the key), tone, rewrite and export: no key anywhere."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("FOLLOWUP_BACKEND", "openai")
    monkeypatch.setenv("FOLLOWUP_MAX_RETRIES", "0")
    # One fault per drafting run below: the 401 body echoes the key, as OpenAI's does.
    server.script(*[Reply(status=401)] * 3, match="to Tom Okafor")
    server.script(*[Reply(status=500)] * 3, match="to Dana Whitfield")
    out_dir = tmp_path / "notes"
    harborline = str(FIXTURES / "harborline.yaml")

    assert main(["draft", harborline, "--out", str(out_dir)]) == 0
    assert main(["draft", harborline, "--json"]) == 0
    assert main(["draft", harborline, "--dry-run"]) == 0
    assert main(["tone", "Hey Tom, thanks!", "--expected", "formal"]) == 0
    assert main(["rewrite", "I am new to this.", "--objection", "too junior"]) == 0
    captured = capsys.readouterr()

    debrief = load_debrief(harborline)
    settings = load_settings()
    with Store.open(settings) as store:
        saved = store.save_debrief(debrief)
        from followup.service import make_drafter

        drafts = make_drafter(settings, store).draft_loop(debrief)
        store.save_drafts(saved.loop_id, drafts)
        calls = store.calls(limit=1_000)
    archive = notes_zip(drafts, debrief.candidate)

    assert any(d.fallback_reason and "HTTP 401" in d.fallback_reason for d in drafts)
    assert any(c.outcome == "error" for c in calls)
    assert all(r.headers["authorization"] == f"Bearer {API_KEY}" for r in server.requests)
    assert server.pending() == 0
    secret = API_KEY.encode()
    stored = [p for p in followup_home.rglob("*") if p.is_file()]
    assert any(p.name.startswith("followup.sqlite3") for p in stored)
    for path in [*stored, *out_dir.iterdir()]:
        assert secret not in path.read_bytes(), path
    assert secret not in archive
    assert API_KEY not in captured.out
    assert API_KEY not in captured.err
    assert API_KEY not in caplog.text
    assert "Incorrect API key" not in captured.err
    for call in calls:
        assert API_KEY not in call.model_dump_json()
