"""Dates and numbers as the accuracy rule reads them, in notes and in debriefs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from followup.lint.phrases import lowered

__all__ = ["DateKey", "find_dates", "plain_number"]

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
)
_DIGITS = re.compile(r"\d+")
# Every date holds a figure, and its month name is close to it: the date regex is
# tried only in a window around each figure, not over the whole text (~5x faster).
_REACH = 40
DateKey = tuple[int, int, int | None]  # (month, day, year or None)


def _date_matches(low: str) -> Iterator[re.Match[str]]:
    """What ``_DATE.finditer(low)`` finds, searched near each figure only."""
    after = 0
    for run in _DIGITS.finditer(low):
        pos, end = max(after, run.start() - _REACH), run.end() + _REACH
        while pos <= run.start():
            near = _DATE.search(low, pos, end)
            if near is None:
                break
            # The window's end can cut a year off or fake a word's end: read it whole.
            m = _DATE.match(low, near.start())
            if m is not None:
                yield m
                after = pos = max(m.end(), m.start() + 1)
                break
            pos = near.start() + 1


def find_dates(text: str) -> list[tuple[int, int, list[DateKey]]]:
    """Every date in ``text`` as (start, end, possible readings); "3/4" has two readings."""
    out: list[tuple[int, int, list[DateKey]]] = []
    # Lower case (offsets kept) instead of IGNORECASE, which makes the month search slow.
    for m in _date_matches(lowered(text)):
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


def plain_number(token: str) -> str:
    token = token.rstrip("%").replace(",", "")
    if "." in token:
        token = token.rstrip("0").rstrip(".")
    return token.lstrip("0") or "0"
