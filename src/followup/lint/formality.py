"""Formality: the written register, whatever the tone of the conversation."""

from __future__ import annotations

import re
from functools import cache

from followup.lint.context import NoteContext
from followup.lint.registry import compile_patterns, data

__all__ = ["check"]

# Emoji (with skin tones, variation selectors and ZWJ sequences) and text emoticons.
_EMOJI = re.compile(
    "(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*"
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*)+"
    r"|(?<![\w:/])(?::-?[()DPp]|;-?[)Dp]|:'\(|<3|\^_\^|xD)(?![\w/])"
)
_LETTERS = re.compile(r"[^\W\d_]")
_LOWER_I = re.compile(r"(?<![\w'’.(-])i(?:['’](?:m|ve|ll|d))?(?![\w'’.)-])")
# Shorthand only in lower case: "U", "K" are initials, "XX" a placeholder,
# "RN" a nursing credential after a name, "BC" a province.
_LOWER_ONLY = frozenset({"u", "r", "k", "xx", "rn", "bc"})


@cache
def _slang() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {str(k).lower(): str(v) for k, v in data("formality")["slang"].items()}
    words = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # Not inside a word, a hyphenated term, an abbreviation with dots or a number.
    pattern = re.compile(rf"(?<![\w'’/.-])(?:{alternatives})(?![\w'’-]|\.\w|/\w)", re.IGNORECASE)
    return pattern, table


@cache
def _greeting_pattern(key: str) -> re.Pattern[str]:
    words = sorted((str(w) for w in data("formality")[key]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?:{alternatives})(?![\w'’])", re.IGNORECASE)


def _greetings(ctx: NoteContext) -> None:
    start = ctx.body_start
    m = _greeting_pattern("casual_greetings").match(ctx.masked, start)
    if m:
        name = ctx.recipient.address if ctx.recipient else "..."
        ctx.emit(
            "formality.casual-greeting",
            m.start(),
            m.end(),
            suggestion=f"Dear {name},",
            greeting=m.group(0),
        )
        return
    tone = ctx.recipient.tone if ctx.recipient else ctx.tone
    m = _greeting_pattern("relaxed_greetings").match(ctx.masked, start)
    if m and tone == "formal":
        name = ctx.recipient.address if ctx.recipient else "..."
        ctx.emit(
            "formality.greeting-register",
            m.start(),
            m.end(),
            suggestion=f"Dear {name},",
            greeting=m.group(0),
        )


def _first_name(ctx: NoteContext) -> None:
    person = ctx.recipient
    sal = ctx.salutation
    if ctx.debrief is None or person is None or sal is None or person.first_name_invited:
        return
    first = person.first_name
    if first.lower() == person.last_name.lower():
        return
    group = "name" if sal.group("name") is not None else "bare"
    name = sal.group(group) or ""
    tokens = name.split()
    if not tokens or tokens[0].strip(",.").lower() != first.lower():
        return
    start = sal.start(group)
    # "Dear Priya Raman" (full name) is formal enough; only the bare first name is flagged.
    if len(tokens) > 1:
        return
    ctx.emit(
        "formality.first-name",
        start,
        start + len(tokens[0]),
        suggestion=person.address,
        name=person.name,
        address=person.address,
    )


@cache
def _slang_gate() -> tuple[frozenset[str], ...]:
    """The words of each slang entry: a note holding all words of none needs no search."""
    return tuple(
        frozenset(w.rstrip("/") for w in str(k).lower().split()) for k in data("formality")["slang"]
    )


def _slang_words(ctx: NoteContext) -> None:
    tokens = ctx.tokens
    if "/" not in ctx.lowered and not any(words <= tokens for words in _slang_gate()):
        return
    pattern, table = _slang()
    for m in pattern.finditer(ctx.masked, ctx.body_start):
        word = m.group(0)
        key = " ".join(word.lower().split())
        if key in _LOWER_ONLY and word != key:
            continue
        replacement = table.get(key, "")
        ctx.emit(
            "formality.slang",
            m.start(),
            m.end(),
            suggestion=replacement or None,
            word=word,
        )


def _emoji(ctx: NoteContext) -> None:
    for m in _EMOJI.finditer(ctx.masked):
        ctx.emit("formality.emoji", m.start(), m.end(), suggestion="")


def _exclamations(ctx: NoteContext) -> None:
    count = 0
    i = ctx.masked.find("!", ctx.body_start)
    while i >= 0:
        count += 1
        if count > 1:
            ctx.emit("formality.exclamation", i, i + 1, suggestion=".", count=count)
        i = ctx.masked.find("!", i + 1)


def _case(ctx: NoteContext) -> bool:
    """Flag an all-lower-case note; returns whether it was flagged."""
    body = ctx.body
    if not body.islower() or len(_LETTERS.findall(body)) < 20:
        return False
    offset = ctx.body_start + (len(body) - len(body.lstrip()))
    ctx.emit("formality.all-lowercase", offset, len(ctx.text.rstrip()))
    return True


def _lowercase_i(ctx: NoteContext) -> None:
    for m in _LOWER_I.finditer(ctx.masked, ctx.body_start):
        ctx.emit(
            "formality.lowercase-i",
            m.start(),
            m.end(),
            suggestion="I" + m.group(0)[1:],
        )


def _mobile(ctx: NoteContext) -> None:
    for _, m in compile_patterns("formality", "mobile_signatures").matches(ctx.words):
        ctx.emit(
            "formality.mobile-signature",
            m.start(),
            m.end(),
            suggestion="",
            signature=ctx.text[m.start() : m.end()],
        )


def check(ctx: NoteContext) -> None:
    """All formality rules."""
    _greetings(ctx)
    _first_name(ctx)
    _slang_words(ctx)
    _emoji(ctx)
    _exclamations(ctx)
    if not _case(ctx):
        _lowercase_i(ctx)
    _mobile(ctx)
