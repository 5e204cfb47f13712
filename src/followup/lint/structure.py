"""Structure and length: greeting, thanks, a specific topic, a next step, a sign-off, size."""

from __future__ import annotations

import re
from functools import cache

from followup.lint.context import NoteContext
from followup.lint.keywords import any_mention, stems
from followup.lint.registry import compile_patterns, data
from followup.text import words

__all__ = ["check", "sign_off_start"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSTSCRIPT = re.compile(r"^[ \t]*p\.?[ \t]?s\.?(?=[:\s])", re.IGNORECASE | re.MULTILINE)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+(\S[^\n]*)$", re.MULTILINE)


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(str(data("structure")[key]), re.IGNORECASE | re.MULTILINE)


def _first_line(ctx: NoteContext) -> tuple[int, int]:
    start = ctx.body_start
    end = ctx.text.find("\n", start)
    return start, len(ctx.text) if end < 0 else end


# A closing line is short; a longer one counts only if it holds a closing word.
_CLOSING_WORDS = 5
_LONG_CLOSING_WORDS = 12


def sign_off_start(ctx: NoteContext) -> int | None:
    """Offset of the closing line ("Best regards,") among the last lines, if any."""
    lines = [(o, line) for o, line in ctx.lines() if line.strip()]
    for i, (offset, line) in enumerate(lines[-6:], start=max(0, len(lines) - 6)):
        words = len(line.split())
        if i == 0 or words > _LONG_CLOSING_WORDS:
            continue
        before_name = line.rstrip().endswith(",") and i < len(lines) - 1
        if words <= _CLOSING_WORDS and (_pattern("sign_off").match(line) or before_name):
            return offset
        # "With thanks and best wishes for the busy season ahead," before the name.
        if before_name and _pattern("closing_word").search(line):
            return offset
    return None


def _main_text(ctx: NoteContext) -> tuple[int, int]:
    """The span between the greeting and the sign-off."""
    sal = ctx.salutation
    start = sal.end() if sal else ctx.body_start
    end = sign_off_start(ctx)
    return start, len(ctx.text) if end is None or end < start else end


def _topic(ctx: NoteContext) -> None:
    person = ctx.recipient
    if ctx.debrief is None or person is None:
        return
    entries = [*person.topics, *person.key_issues]
    if entries and any_mention(entries, stems(ctx.body)) is None:
        ctx.emit(
            "structure.no-topic",
            *_first_line(ctx),
            name=person.name,
            topic=f'"{entries[0]}"',
        )


def _length(ctx: NoteContext) -> None:
    start, end = _main_text(ctx)
    body = ctx.text[start:end]
    count = len(words(body))
    limits = data("structure")
    if count > int(limits["max_words"]):
        over = list(_WORD.finditer(body))[int(limits["max_words"])]
        ctx.emit("length.too-long", start + over.start(), end, words=count)
    elif 0 < count < int(limits["min_words"]):
        lead = len(body) - len(body.lstrip())
        ctx.emit("length.too-short", start + lead, start + len(body.rstrip()), words=count)


def _layout(ctx: NoteContext) -> None:
    body = ctx.body.strip()
    if "\n" not in body and len(words(body)) >= 40:
        ctx.emit("structure.single-line", *_first_line(ctx))
        return
    if ctx.salutation is None:
        greeting = f"Dear {ctx.recipient.address}," if ctx.recipient else None
        ctx.emit(
            "structure.no-salutation",
            *_first_line(ctx),
            suggestion=greeting,
            example=greeting or "Dear Ms. Lastname,",
        )
    if sign_off_start(ctx) is None:
        end = len(ctx.text.rstrip())
        line_start = ctx.text.rfind("\n", 0, end) + 1
        ctx.emit("structure.no-sign-off", line_start, end, suggestion="Best regards,")


def _run_ons(ctx: NoteContext) -> None:
    limit = int(data("structure")["max_sentence_words"])
    for sentence in ctx.sentences:
        count = len(words(sentence.text))
        if count > limit:
            ctx.emit("structure.run-on", sentence.start, sentence.end, words=count)


def _postscript(ctx: NoteContext) -> None:
    m = _POSTSCRIPT.search(ctx.masked, ctx.body_start)
    if not m:
        return
    start, end = _main_text(ctx)
    if not start <= m.start() < end:
        return
    before = len(words(ctx.text[start : m.start()]))
    after = len(words(ctx.text[m.end() : end]))
    if after > before:
        ctx.emit("structure.postscript", m.start(), end)


def _list(ctx: NoteContext) -> None:
    items = list(_LIST_ITEM.finditer(ctx.masked, ctx.body_start))
    fragments = [m for m in items if not m.group(1).rstrip().endswith((".", "!", "?", ":", ";"))]
    if len(items) > int(data("structure")["max_list_items"]) and len(fragments) * 2 > len(items):
        ctx.emit("structure.list", items[0].start(), items[-1].end(), items=len(items))


def check(ctx: NoteContext) -> None:
    """Layout, thanks, topic, next step, sentence length, postscript, list and length."""
    if not ctx.body.strip():
        return
    _layout(ctx)
    if not _pattern("thanks").search(ctx.masked, ctx.body_start):
        ctx.emit(
            "structure.no-thanks",
            *_first_line(ctx),
            suggestion="Thank you for taking the time to speak with me.",
        )
    _topic(ctx)
    assistant = ctx.recipient is not None and ctx.recipient.is_assistant
    # A note to the coordinator thanks them for their help; it owes them no next step.
    next_steps = compile_patterns("structure", "next_step").matches(ctx.words, ctx.body_start)
    if not assistant and next(next_steps, None) is None:
        ctx.emit(
            "structure.no-next-step",
            *_first_line(ctx),
            suggestion="I would welcome the chance to continue our conversation.",
        )
    _run_ons(ctx)
    _postscript(ctx)
    _list(ctx)
    _length(ctx)
