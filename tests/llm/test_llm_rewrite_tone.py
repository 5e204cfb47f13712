"""Objection rewrite and tone check: model when configured, offline otherwise, always linted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from fakeopenai import FakeOpenAIServer, Reply
from langchain_core.language_models import FakeListChatModel

from followup.drafting.llm import RetryPolicy
from followup.drafting.rewrite import rewrite_objection
from followup.drafting.tone import tone_check
from followup.errors import InputError
from followup.settings import Settings, load_settings

OFFLINE = load_settings(env={})
THREE = "1. First line about steady reporting.\n2. Second line on the floor.\n3. Third one here."


@dataclass(frozen=True)
class _Finding:
    rule: str


def _lint_line(text: str) -> Sequence[_Finding]:
    return [_Finding(f"len:{len(text.split())}")]


def test_rewrite_with_a_model_gives_three_linted_lines() -> None:
    """The model's three numbered lines come back, each with its own findings."""
    model = FakeListChatModel(responses=[THREE])
    result = rewrite_objection(
        "I never worked in a warehouse.",
        "no warehouse experience",
        settings=OFFLINE,
        model=model,
        lint=_lint_line,
    )
    assert result.backend == "openai"
    assert [r.text for r in result.rewrites] == [
        "First line about steady reporting.",
        "Second line on the floor.",
        "Third one here.",
    ]
    assert [r.findings for r in result.rewrites] == [
        (_Finding("len:5"),),
        (_Finding("len:5"),),
        (_Finding("len:3"),),
    ]


def test_rewrite_offline_leads_with_the_strength() -> None:
    """Without a model, three offline lines come back, the first stressing the strength."""
    result = rewrite_objection(
        "Sorry I am young.",
        "seen as too young for the role",
        strength="five years leading a volunteer team",
        settings=OFFLINE,
        lint=_lint_line,
    )
    assert result.backend == "offline"
    assert result.fallback_reason is None
    texts = [r.text for r in result.rewrites]
    assert texts[0] == "I would bring five years leading a volunteer team to this role."
    assert len(set(texts)) == 3


def test_rewrite_bad_model_output_falls_back(settings: Settings, server: FakeOpenAIServer) -> None:
    """A reply without three numbered lines is retried, then offline lines stand in, marked."""
    server.script(*[Reply(content="Here is one line only.")] * 2)
    result = rewrite_objection(
        "line",
        "salary too high",
        settings=settings,
        retry=RetryPolicy.no_wait(attempts=2),
        lint=_lint_line,
    )
    assert result.backend == "offline"
    assert result.fallback_reason == (
        "the model did not return three numbered lines (after 2 attempts); "
        "offline suggestions instead"
    )
    assert len(result.rewrites) == 3


def test_rewrite_keeps_typed_text_as_data(settings: Settings, server: FakeOpenAIServer) -> None:
    """Template syntax in the line reaches the server literally, inside the data tags."""
    rewrite_objection("I {{ 7*7 }} grow", "too junior", settings=settings, lint=_lint_line)
    user = server.requests[0].user_prompt
    assert "Sentence to rewrite: I {{ 7*7 }} grow" in user
    assert "49" not in user


def test_rewrite_rejects_empty_input() -> None:
    """An empty line is an input error naming the field."""
    with pytest.raises(InputError, match=r"^line: must not be empty$"):
        rewrite_objection("  ", "doubt", settings=OFFLINE, lint=_lint_line)


def test_tone_offline_is_findings_only() -> None:
    """With no model configured, the report holds the linter's findings and no read."""
    report = tone_check("Hey Tom, thx!", "formal", settings=OFFLINE)
    assert "formality.casual-greeting" in {f.rule for f in report.findings}
    assert report.model_read is None
    assert report.model_error is None


def test_tone_with_model_adds_its_read(settings: Settings, server: FakeOpenAIServer) -> None:
    """With a model, its one-paragraph read is added to the linter's findings."""
    report = tone_check(
        "Dear Ms. Park,\n\nThank you for the visit.",
        "formal",
        settings=settings,
        lint=lambda n, t: [],
    )
    assert report.model_read is not None
    assert report.model_read.startswith("The note reads as formal and warm")
    assert report.model == "gpt-4o-mini"
    assert "Expected tone: formal" in server.requests[0].user_prompt


def test_tone_model_failure_keeps_the_findings(
    settings: Settings, server: FakeOpenAIServer
) -> None:
    """If the model call fails, the findings stay and one line says why there is no read."""
    server.script(*[Reply(status=500)] * 2)
    report = tone_check(
        "Hey Tom!",
        "formal",
        settings=settings,
        retry=RetryPolicy.no_wait(attempts=2),
    )
    assert "formality.casual-greeting" in {f.rule for f in report.findings}
    assert report.model_read is None
    assert report.model_error == "the model server failed (HTTP 500) (after 2 attempts)"
