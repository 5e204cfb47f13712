"""The CLI faces of LLM drafting: --dry-run, --backend openai, rewrite and tone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import API_KEY, FIXTURES
from fakeopenai import FakeOpenAIServer, Reply
from tests_rules import RULES

from followup.cli import main

HARBORLINE = str(FIXTURES / "harborline.yaml")


@pytest.fixture
def model_env(server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:
    """The environment points the CLI at the fake server, with an API key and no waiting."""
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("FOLLOWUP_MAX_RETRIES", "0")
    return server


def test_dry_run_prints_every_prompt_and_sends_nothing(
    model_env: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run shows each person's prompt with every rule and token count; no request is made."""
    assert main(["draft", HARBORLINE, "--backend", "openai", "--dry-run"]) == 0
    out = capsys.readouterr().out
    sections = out.split("=== ")[1:]
    assert [s.split(":")[0] for s in sections] == ["Priya Raman", "Tom Okafor", "Dana Whitfield"]
    for section in sections:
        assert all(phrase in section for phrase in RULES.values())
        assert "prompt tokens ===" in section.splitlines()[0]
    priya = sections[0]
    assert "Newark warehouse" in priya
    assert "Power BI" not in priya
    assert "Thai place" not in priya
    assert "3 notes with gpt-4o-mini" in out
    assert model_env.requests == []


def test_openai_backend_drafts_and_shows_the_estimate_first(
    model_env: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--backend openai prints the token estimate on stderr, then the model's notes."""
    code = main(["draft", HARBORLINE, "--backend", "openai", "--max-concurrency", "2", "--json"])
    assert code == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("followup: sending 3 notes with gpt-4o-mini: ~")
    notes = json.loads(captured.out)
    assert [n["subject"] for n in notes] == [
        "Thank you, Priya",
        "Thank you, Mr. Okafor",
        "Thank you, Dana Whitfield",
    ]
    assert len(model_env.requests) == 3
    assert {(n["backend"], n["fallback_reason"], n["repair_rounds"]) for n in notes} == {
        ("openai", None, 0)
    }


def test_fallback_is_marked_with_one_line(
    model_env: FakeOpenAIServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A person whose call fails gets the offline note and one stderr line saying why."""
    model_env.script(Reply(status=503), match="to Tom Okafor")
    assert main(["draft", HARBORLINE, "--backend", "openai", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[1:] == [
        "followup: Tom Okafor: the model server failed (HTTP 503) (on the first attempt); "
        "drafted offline instead"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dana-whitfield.txt",
        "priya-raman.txt",
        "tom-okafor.txt",
    ]


def test_openai_backend_without_key_is_a_config_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Asking for the model with no key and no local server is one readable error."""
    assert main(["draft", HARBORLINE, "--backend", "openai"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("followup: error: OPENAI_API_KEY is not set")
    assert len(err.splitlines()) == 1


def test_rewrite_command_prints_three_lines(
    model_env: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`followup rewrite LINE --objection ...` prints three numbered alternatives."""
    code = main(
        [
            "rewrite",
            "I only worked at head office.",
            "--objection",
            "never worked in a warehouse",
            "--backend",
            "openai",
        ]
    )
    assert code == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x[:2] in ("1.", "2.", "3.")]
    assert len(lines) == 3
    assert "Sentence to rewrite: I only worked at head office." in model_env.requests[0].user_prompt


def test_tone_command_reads_a_note_file(
    model_env: FakeOpenAIServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`followup tone NOTE --expected formal` prints the findings and the model's read."""
    note = tmp_path / "note.txt"
    note.write_text("Hey Tom, thx for the chat!\n", "utf-8")
    assert main(["tone", str(note), "--expected", "formal", "--backend", "openai"]) == 0
    out = capsys.readouterr().out
    assert "formality.casual-greeting" in out
    assert "gpt-4o-mini reads it so: The note reads as formal" in out
