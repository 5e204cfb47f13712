"""Accuracy: names, numbers and dates in the note that the debrief does not contain."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from followup.debrief import Debrief
from followup.lint.context import NoteContext, debrief_strings
from followup.lint.registry import data
from followup.lint.spelling import debrief_vocabulary, is_known_word

__all__ = ["check", "find_dates"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<month2>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b\.?(?:,?\s+(?P<year2>\d{4})\b)?"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})\b"
    r"|(?<![\d/])(?P<a4>\d{1,2})/(?P<b4>\d{1,2})(?:/(?P<y4>\d{2}|\d{4}))?(?![\d/])",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:%|\b)")
_LIST_MARK = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]", re.MULTILINE)
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
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?P<title>(?:[A-Z][\w&'’-]*[ \t]+){1,5})"
    r"(?:role|position|job|opening|post|vacancy|interview)\b"
)

DateKey = tuple[int, int, int | None]  # (month, day, year or None)


def find_dates(text: str) -> list[tuple[int, int, list[DateKey]]]:
    """Every date in ``text`` as (start, end, possible readings); "3/4" has two readings."""
    out: list[tuple[int, int, list[DateKey]]] = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        readings: list[DateKey] = []
        if g["month"]:
            year = int(g["year"]) if g["year"] else None
            readings.append((_MONTHS[g["month"].lower()], int(g["day"]), year))
        elif g["month2"]:
            year = int(g["year2"]) if g["year2"] else None
            readings.append((_MONTHS[g["month2"].lower()], int(g["day2"]), year))
        elif g["y3"]:
            readings.append((int(g["m3"]), int(g["d3"]), int(g["y3"])))
        else:
            a, b = int(g["a4"]), int(g["b4"])
            year = int(g["y4"]) if g["y4"] else None
            if year is not None and year < 100:
                year += 2000
            readings = [(a, b, year), (b, a, year)]
        readings = [r for r in readings if 1 <= r[0] <= 12 and 1 <= r[1] <= 31]
        if readings:
            out.append((m.start(), m.end(), readings))
    return out


def _debrief_dates(debrief: Debrief) -> set[DateKey]:
    dates: list[dt.date] = [debrief.interview.date]
    if debrief.interview.decision_expected:
        dates.append(debrief.interview.decision_expected)
    if debrief.candidate.decision_deadline:
        dates.append(debrief.candidate.decision_deadline)
    known: set[DateKey] = {(d.month, d.day, d.year) for d in dates}
    for value in debrief_strings(debrief):
        for _, _, readings in find_dates(value):
            known.update(readings)
    return known


def _date_supported(readings: list[DateKey], known: set[DateKey]) -> bool:
    for month, day, year in readings:
        for k_month, k_day, k_year in known:
            if (month, day) == (k_month, k_day) and (
                year is None or k_year is None or year == k_year
            ):
                return True
    return False


def _plain_number(token: str) -> str:
    token = token.rstrip("%").replace(",", "")
    if "." in token:
        token = token.rstrip("0").rstrip(".")
    return token.lstrip("0") or "0"


def _debrief_numbers(debrief: Debrief) -> set[str]:
    numbers: set[str] = set()
    for raw in debrief_strings(debrief):
        # An ISO date's month and day are not figures the note may quote; its year is.
        value = re.sub(r"\b(\d{4})-\d{2}-\d{2}\b", r"\1", raw)
        for m in re.finditer(r"\d+(?:[.,]\d+)*", value):
            numbers.add(_plain_number(m.group(0)))
            numbers.update(_plain_number(part) for part in re.findall(r"\d+", m.group(0)))
    return numbers


def _dates_and_numbers(ctx: NoteContext, debrief: Debrief) -> None:
    text = ctx.masked
    known_dates = _debrief_dates(debrief)
    date_spans: list[tuple[int, int]] = []
    for start, end, readings in find_dates(text):
        date_spans.append((start, end))
        if not _date_supported(readings, known_dates):
            ctx.emit("accuracy.unsupported-date", start, end, date=text[start:end])
    list_marks = {m.start(1) for m in _LIST_MARK.finditer(text)}
    numbers = _debrief_numbers(debrief)
    for m in _NUMBER.finditer(text, ctx.body_start):
        if m.start() in list_marks or any(s <= m.start() < e for s, e in date_spans):
            continue
        if _plain_number(m.group(0)) not in numbers:
            ctx.emit("accuracy.unsupported-number", m.start(), m.end(), number=m.group(0))
    vocab = debrief_vocabulary(ctx)
    for m in _COUNTED.finditer(text, ctx.body_start):
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
    vocab = debrief_vocabulary(ctx)
    common, first_names = _word_set("common_proper"), _word_set("first_names")
    pending: list[tuple[int, int]] = []

    def flush() -> None:
        if pending:
            start, end = pending[0][0], pending[-1][1]
            ctx.emit("accuracy.unsupported-name", start, end, name=text[start:end])
            pending.clear()

    last_end = -1
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        low = re.sub(r"['’]s$", "", word.lower())
        parts = low.split("-")
        if pending and text[last_end : m.start()] not in (" ", "-"):
            flush()
        supported = all(p in vocab or p in common for p in parts)
        if supported:
            flush()
            last_end = m.end()
            continue
        name_like = (
            _after_honorific(text, m.start())
            or low in first_names
            or (bool(pending) and not is_known_word(low))
            or (not _at_sentence_start(text, m.start()) and not is_known_word(low))
        )
        if name_like:
            pending.append(m.span())
        else:
            flush()
        last_end = m.end()
    flush()


def _role_titles(ctx: NoteContext, debrief: Debrief) -> None:
    """A job title in the note ("the Senior Tax Associate role") must be the debrief's."""
    vocab = debrief_vocabulary(ctx)
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


def check(ctx: NoteContext) -> None:
    """Needs the debrief: every name, number, date and job title must be found in it."""
    if ctx.debrief is None:
        return
    _dates_and_numbers(ctx, ctx.debrief)
    _names(ctx)
    _role_titles(ctx, ctx.debrief)
