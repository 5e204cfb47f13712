"""Reading a model's reply: subject line, faults, error lines, request identity, client setup."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from followup.drafting.llm import (
    MAX_REPLY_WORDS,
    OutputFault,
    chat_model,
    check_reply,
    describe_error,
    request_key,
    split_subject,
)
from followup.errors import ConfigError
from followup.settings import load_settings

ENGLISH = (
    "Dear Priya, thank you for the conversation about the Newark warehouse and the way your "
    "team works. I would be glad to bring my reporting experience to the role, and I look "
    "forward to the case study review with the COO next week."
)
CHINESE = "尊敬的拉曼女士，感谢您与我讨论纽瓦克仓库的迁移。" * 3
GERMAN = (
    "Sehr geehrte Frau Raman, vielen Dank für das angenehme Gespräch über das Lager in Newark. "
    "Ich freue mich sehr auf die nächste Runde und würde gerne Teil Ihres Teams werden, "
    "denn die Aufgaben passen sehr gut zu meiner Erfahrung im Bereich Berichte."
)


@pytest.mark.parametrize(
    ("reply", "subject", "body"),
    [
        ("Subject: Thank you\n\nDear Tom,\nHi", "Thank you", "Dear Tom,\nHi"),
        ("**Subject:** Thanks again\n\nDear Tom,", "Thanks again", "Dear Tom,"),
        ("```\nSubject: In a fence\n\nDear Tom,\n```", "In a fence", "Dear Tom,"),
        ("Here is the note:\n\nSubject: Hi\n\nDear Tom,", "Hi", "Dear Tom,"),
        ("Dear Tom,\n\nNo subject here.", None, "Dear Tom,\n\nNo subject here."),
    ],
)
def test_subject_line_is_split_off(reply: str, subject: str | None, body: str) -> None:
    """A Subject: line (plain, bold, fenced, after a preamble) becomes the subject; else none."""
    assert split_subject(reply) == (subject, body)


def test_english_note_passes_the_reply_checks() -> None:
    """An ordinary English note is accepted."""
    check_reply(ENGLISH)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("", "the model returned an empty note"),
        ("  \n ", "the model returned an empty note"),
        (GERMAN, "the model's note is not in English"),
        (
            "尊敬的拉曼女士，感谢您与我讨论纽瓦克仓库的迁移。" * 3,
            "the model's note is not in English",
        ),
        ("word " * (MAX_REPLY_WORDS + 1), "the model returned 301 words (a note has at most 200)"),
    ],
    ids=["empty", "blank", "german", "chinese", "runaway"],
)
def test_unusable_replies_are_faults(reply: str, reason: str) -> None:
    """Empty, foreign-language and runaway replies raise OutputFault with a readable reason."""
    with pytest.raises(OutputFault) as caught:
        check_reply(reply)
    assert str(caught.value) == reason


def test_request_key_ignores_the_api_key_and_tracks_the_rest() -> None:
    """Identity covers server, model, temperature and messages; the key plays no part."""
    messages = [("system", "s"), ("user", "u")]
    base = request_key("http://h/v1", "m", 0.0, messages)
    assert base == request_key("http://h/v1", "m", 0.0, list(messages))
    assert base != request_key("http://other/v1", "m", 0.0, messages)
    assert base != request_key("http://h/v1", "m2", 0.0, messages)
    assert base != request_key("http://h/v1", "m", 0.5, messages)
    assert base != request_key("http://h/v1", "m", 0.0, [("system", "s"), ("user", "u2")])


def test_error_lines_scrub_anything_key_shaped() -> None:
    """An unexpected error quoting the key is reported with the key masked."""
    settings = load_settings(env={}, api_key="sk-live-abcdef123456")
    line = describe_error(RuntimeError("bad key sk-live-abcdef123456 sent"), settings)
    assert line == "RuntimeError: bad key *** sent"
    other = describe_error(
        RuntimeError("Incorrect API key provided: sk-proj-zzzz****9999"), settings
    )
    assert "zzzz" not in other


def test_client_has_sdk_retries_off_and_our_timeout() -> None:
    """ChatOpenAI is built with max_retries=0 (our retries bound attempts) and the timeout."""
    settings = load_settings(env={}, base_url="http://127.0.0.1:9/v1", timeout=7.5, model="m")
    model = chat_model(settings)
    assert model.max_retries == 0  # type: ignore[attr-defined]
    assert model.request_timeout == 7.5  # type: ignore[attr-defined]
    assert model.model_name == "m"  # type: ignore[attr-defined]
    keyed = chat_model(settings.model_copy(update={"api_key": SecretStr("sk-x")}))
    assert keyed.openai_api_key.get_secret_value() == "sk-x"  # type: ignore[attr-defined]


def test_no_key_and_no_local_server_is_a_config_error() -> None:
    """Without a key, only a local server (base URL) may be used."""
    with pytest.raises(ConfigError, match="OPENAI_API_KEY is not set"):
        chat_model(load_settings(env={}))
