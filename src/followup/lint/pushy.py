"""Pushy: desperation, overclaiming, demands for a decision, impatience, persistence."""

from __future__ import annotations

from functools import cache

from followup.lint.context import NoteContext
from followup.lint.registry import compile_patterns, data

__all__ = ["check"]

_KINDS = {
    "desperate": "desperate",
    "overclaiming": "overclaiming",
    "pressure": "pressure for a decision",
    "impatient": "impatient",
    "persistent": "a promise to keep chasing",
    "pushy": "going over their head",
}
_SUGGESTIONS = {
    "desperate": "I remain very interested in the role and would welcome the next step.",
    "overclaiming": "I believe my experience is a strong match for what you described.",
    "pressure": (
        "I expect to make a decision by (date); if it is possible to move forward before "
        "then I would be grateful, and if not, I completely understand."
    ),
    "impatient": "I wanted to check in briefly on the timing of your decision.",
    "persistent": "If I have not heard by (date), I will check in once.",
    "pushy": "Thank you again for your time; I look forward to hearing about the next step.",
}


@cache
def _soft() -> tuple[bool, ...]:
    return tuple(bool(e.get("soft", False)) for e in data("pushy")["patterns"])


def check(ctx: NoteContext) -> None:
    """Flag every pressuring phrase; soft requests pass when the note permits a no."""
    text = ctx.lowered
    permits_no = any(p.search(text, 0, ctx.tokens) for p in compile_patterns("pushy", "permission"))
    kinds = [str(e["kind"]) for e in data("pushy")["patterns"]]
    taken: list[tuple[int, int]] = []
    for pattern, kind, soft in zip(
        compile_patterns("pushy", "patterns"), kinds, _soft(), strict=True
    ):
        if soft and permits_no:
            continue
        for m in pattern.finditer(text, ctx.body_start, ctx.tokens):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            phrase = ctx.text[m.start() : m.end()].strip()
            ctx.emit(
                "pushy.pressure",
                m.start(),
                m.end(),
                suggestion=_SUGGESTIONS[kind],
                phrase=f'"{phrase[:1].upper()}{phrase[1:]}"',
                kind=_KINDS[kind],
            )
