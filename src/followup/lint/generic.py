"""Generic: stock wording that fits any company and reads as machine-written."""

from __future__ import annotations

import re
from functools import cache

from followup.lint.context import NoteContext
from followup.lint.keywords import content_words
from followup.lint.registry import compile_patterns, data

__all__ = ["check"]

_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]+")


@cache
def _stock() -> tuple[tuple[str | None, bool], ...]:
    """Each stock pattern's suggestion and whether that is a drop-in replacement."""
    entries = data("generic")["stock"]
    return tuple((e.get("replacement", e.get("suggestion")), "replacement" in e) for e in entries)


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in data("generic")[key])


@cache
def _courtesy_words() -> frozenset[str]:
    return frozenset(str(w) for w in data("duplication")["courtesy_words"])


def _pure_enthusiasm(ctx: NoteContext) -> None:
    enthusiasm, vague = _word_set("enthusiasm"), _word_set("vague")
    for sentence in ctx.sentences:
        words = content_words(sentence.text)
        if not words or not enthusiasm.intersection(words):
            continue
        if _CAPITALISED.search(sentence.text):
            continue  # names the company, a product or a person: specific enough
        if all(w in vague for w in words):
            ctx.emit("generic.pure-enthusiasm", sentence.start, sentence.end)


def _is_specific(text: str, bland: frozenset[str]) -> bool:
    if _CAPITALISED.search(text) or any(c.isdigit() for c in text):
        return True
    return sum(1 for w in content_words(text) if w not in bland) >= 2


def _nothing_specific(ctx: NoteContext) -> None:
    """A whole note with no sentence tied to this conversation or company."""
    from followup.lint.structure import sign_off_start

    bland = _word_set("vague") | _word_set("stock_words") | _courtesy_words()
    end = sign_off_start(ctx) or len(ctx.text)
    sal = ctx.salutation
    start = sal.end() if sal else ctx.body_start
    body = [s for s in ctx.sentences if start <= s.start < end]
    if len(body) >= 2 and not any(_is_specific(s.text, bland) for s in body):
        ctx.emit("generic.nothing-specific", body[0].start, body[-1].end)


@cache
def _buzzwords() -> re.Pattern[str]:
    words = sorted((str(w) for w in data("generic")["buzzwords"]), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def _machine_voice(ctx: NoteContext, taken: list[tuple[int, int]]) -> None:
    """Three or more stock buzzwords in one note: flag each of them."""
    hits = [
        m
        for m in _buzzwords().finditer(ctx.lowered, ctx.body_start)
        if not any(m.start() < e and s < m.end() for s, e in taken)
    ]
    if len({m.group(0) for m in hits}) < int(data("generic")["buzzword_threshold"]):
        return
    for m in hits:
        ctx.emit(
            "generic.stock-phrase",
            m.start(),
            m.end(),
            phrase=ctx.text[m.start() : m.end()],
        )


def check(ctx: NoteContext) -> None:
    """Stock phrases, a note with nothing specific, sentences of pure enthusiasm."""
    taken: list[tuple[int, int]] = []
    for i, m in compile_patterns("generic", "stock").matches(ctx.words, ctx.body_start):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append(m.span())
        suggestion, drop_in = _stock()[i]
        ctx.emit(
            "generic.stock-phrase",
            m.start(),
            m.end(),
            suggestion=suggestion,
            replaces="span" if drop_in else None,
            phrase=ctx.text[m.start() : m.end()],
        )
    _machine_voice(ctx, taken)
    _nothing_specific(ctx)
    _pure_enthusiasm(ctx)
