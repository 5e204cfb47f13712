"""Accuracy: names, numbers and dates in the note that the debrief does not contain."""

from __future__ import annotations

import re
from functools import cache

from followup.debrief import Debrief
from followup.lint.context import NoteContext
from followup.lint.dates import DateKey, find_dates, plain_number
from followup.lint.registry import data
from followup.lint.spelling import is_known_word

__all__ = ["check", "find_dates"]

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:%|\b)")
_LIST_MARK = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]", re.MULTILINE)
_FAMILY_NAME_NEXT = re.compile(r" (?!I\b)[A-Z][a-z]")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z]?[a-z]+)*\b")

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
# "One" and "zero" are too often not a quantity ("one of the", "one more thing").
_COUNTED = re.compile(
    r"\b(?P<word>" + "|".join(w for w in _NUMBER_WORDS if w not in ("one", "zero")) + r")\b"
    r"(?=[ -]+(?:[a-z]+[ -]+)?(?:years?|months?|weeks?|days?|hours?|people|seasons?|clients?"
    r"|accounts?|projects?|teams?|sites?|stores?|locations?|countries|states|products?"
    r"|reports?|engineers?|employees?|staff|members?|times|percent|million|billion|thousand"
    r"|hundred|[a-z]+s)\b)",
)
_ROLE = re.compile(
    r"\b(?P<title>(?:[A-Z][\w&'’-]*[ \t]+){1,5})"
    r"(?:role|position|job|opening|post|vacancy|interview)\b"
)


def _date_supported(readings: list[DateKey], known: set[DateKey]) -> bool:
    for month, day, year in readings:
        for k_month, k_day, k_year in known:
            if (month, day) == (k_month, k_day) and (
                year is None or k_year is None or year == k_year
            ):
                return True
    return False


def _dates_and_numbers(ctx: NoteContext, debrief: Debrief) -> None:
    text = ctx.masked
    known_dates = ctx.facts.dates if ctx.facts else set()
    date_spans: list[tuple[int, int]] = []
    for start, end, readings in find_dates(text):
        date_spans.append((start, end))
        if not _date_supported(readings, known_dates):
            ctx.emit("accuracy.unsupported-date", start, end, date=text[start:end])
    list_marks = {m.start(1) for m in _LIST_MARK.finditer(text)}
    numbers = ctx.facts.numbers if ctx.facts else set()
    for m in _NUMBER.finditer(text, ctx.body_start):
        if m.start() in list_marks or any(s <= m.start() < e for s, e in date_spans):
            continue
        if plain_number(m.group(0)) not in numbers:
            ctx.emit("accuracy.unsupported-number", m.start(), m.end(), number=m.group(0))
    vocab = ctx.vocabulary
    for m in _COUNTED.finditer(ctx.lowered, ctx.body_start):
        word = m.group("word").lower()
        if word not in vocab and str(_NUMBER_WORDS[word]) not in numbers:
            ctx.emit("accuracy.unsupported-number", m.start(), m.end(), number=f'"{m.group(0)}"')


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data("accuracy")[key])


def _after_honorific(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start].lower().split()
    return bool(before) and before[-1] in _word_set("honorifics")


def _at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _names(ctx: NoteContext) -> None:
    text = ctx.masked
    vocab = ctx.vocabulary
    common, first_names = _word_set("common_proper"), _word_set("first_names")
    word_names = _word_set("first_names_also_words")
    pending: list[tuple[int, int]] = []
    # The name so far began with a given name, so the next word is its family name even
    # when it is also a dictionary word ("Emily Baker", "Mark Fletcher").
    given = False

    def flush() -> None:
        nonlocal given
        given = False
        if pending:
            start, end = pending[0][0], pending[-1][1]
            ctx.emit("accuracy.unsupported-name", start, end, name=text[start:end])
            pending.clear()

    last_end = -1
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        low = word.lower()
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        parts = low.split("-")
        if pending and text[last_end : m.start()] not in (" ", "-"):
            flush()
        supported = all(p in vocab or p in common for p in parts)
        if supported:
            flush()
            last_end = m.end()
            continue
        starts_name = low in first_names or (
            # "Will", "Mark", "Grace": a name only when a family name follows, mid-sentence.
            low in word_names
            and _FAMILY_NAME_NEXT.match(text, m.end()) is not None
            and not _at_sentence_start(text, m.start())
        )
        name_like = (
            _after_honorific(text, m.start())
            or starts_name
            or (bool(pending) and (given or not is_known_word(low)))
            or (not _at_sentence_start(text, m.start()) and not is_known_word(low))
        )
        if name_like:
            given = given or (starts_name and not pending)
            pending.append(m.span())
        else:
            flush()
        last_end = m.end()
    flush()


def _role_titles(ctx: NoteContext, debrief: Debrief) -> None:
    """A job title in the note ("the Senior Tax Associate role") must be the debrief's."""
    vocab = ctx.vocabulary
    common = _word_set("common_proper")
    for m in _ROLE.finditer(ctx.masked, ctx.body_start):
        title = m.group("title").split()
        while (
            title
            and _at_sentence_start(ctx.masked, m.start("title"))
            and title[0] in ("The", "A", "An", "Your", "This", "Our", "My")
        ):
            title = title[1:]
        words = [
            w.lower()
            for w in re.findall(r"[^\W\d_]+", " ".join(title))
            if w.lower() not in ("the", "a", "an", "s")
        ]
        unknown = [w for w in words if w not in vocab and w not in common]
        if words and unknown:
            start = m.start("title") + m.group("title").find(title[0])
            end = m.start("title") + len(m.group("title").rstrip())
            if not any(f.start <= start < f.end for f in ctx.findings):
                ctx.emit("accuracy.unsupported-name", start, end, name=ctx.masked[start:end])


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PAST_WEEKDAY = re.compile(r"\b(?:on|last|this\s+past)\s+(" + "|".join(_WEEKDAYS) + r")\b")
_MEETING = re.compile(
    r"\b(?:thank|thanks|met|meeting|meet|interview|interviewing|conversation|spoke|speaking|"
    r"talked|talking|visit|tour|chat)"
)
_FUTURE = re.compile(r"\b(?:will|next|'ll|’ll|plan|planning|hope|look\s+forward|until|by)\b")


def _weekdays(ctx: NoteContext, debrief: Debrief) -> None:
    """ "Thank you for meeting with me on Tuesday" must name the interview's weekday."""
    d = debrief
    dates = [d.interview.date, d.interview.decision_expected, d.candidate.decision_deadline]
    known = {x.weekday() for x in dates if x is not None}
    for sentence in ctx.sentences:
        low = ctx.lowered[sentence.start : sentence.end]
        if not _MEETING.search(low) or _FUTURE.search(low):
            continue
        for m in _PAST_WEEKDAY.finditer(low):
            if _WEEKDAYS.index(m.group(1)) not in known:
                start = sentence.start + m.start(1)
                end = sentence.start + m.end(1)
                ctx.emit("accuracy.unsupported-date", start, end, date=ctx.text[start:end])


def check(ctx: NoteContext) -> None:
    """Needs the debrief: every name, number, date and job title must be found in it."""
    if ctx.debrief is None:
        return
    _dates_and_numbers(ctx, ctx.debrief)
    _weekdays(ctx, ctx.debrief)
    _names(ctx)
    _role_titles(ctx, ctx.debrief)
