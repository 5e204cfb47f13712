"""Problem solving: a fix, plan, diagnosis or deliverable for the employer's problem."""

from __future__ import annotations

import re
from functools import cache

from followup.debrief import Interviewer
from followup.lint.context import NoteContext
from followup.lint.keywords import any_mention, stems
from followup.lint.registry import data
from followup.text import Sentence

__all__ = ["check"]

_SIGNALS = {
    "plan": "proposed plan",
    "fix": "proposed fix",
    "diagnosis": "diagnosis",
    "recommendation": "recommendation",
    "promised result": "promised result",
    "deliverable": "unrequested deliverable",
    "step": "list of steps",
}
_LIST_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]|[-*•·–]|\(?[a-z][.)]|step\s+\d+:?)[ \t]+(\S+)", re.I | re.M
)

Patterns = tuple[tuple[re.Pattern[str], str], ...]


@cache
def _patterns(strength: str) -> Patterns:
    return tuple(
        (re.compile(str(e["pattern"]), re.IGNORECASE | re.MULTILINE), str(e["signal"]))
        for e in data("problem_solving")[strength]
    )


@cache
def _list_verbs() -> frozenset[str]:
    return frozenset(str(v) for v in data("problem_solving")["list_verbs"])


def _first(patterns: Patterns, text: str) -> list[str]:
    return [signal for pattern, signal in patterns if pattern.search(text)]


def _key_issues(ctx: NoteContext) -> list[str]:
    people: list[Interviewer] = []
    if ctx.recipient is not None:
        people = [ctx.recipient]
    elif ctx.debrief is not None:
        people = list(ctx.debrief.interviewers)
    return [issue for p in people for issue in p.key_issues]


def _suggestion(issue: str | None) -> str:
    if issue:
        return (
            f"I enjoyed our discussion of {issue.rstrip('.')}, and I would welcome the chance "
            "to dig into it with your team once I understand it from the inside."
        )
    return (
        "I enjoyed hearing about this challenge, and I would welcome the chance to explore "
        "it with your team once I understand it from the inside."
    )


def _plan_list(ctx: NoteContext) -> tuple[int, int] | None:
    """The span of a numbered or bulleted list whose items are actions to take."""
    items = list(_LIST_ITEM.finditer(ctx.masked, ctx.body_start))
    if len(items) < 2:
        return None
    verbs = _list_verbs()
    actions = [m for m in items if m.group(1).lower().strip(".,:;") in verbs]
    if len(actions) * 2 < len(items) or len(actions) < 2:
        return None
    end = ctx.masked.find("\n", items[-1].end())
    return items[0].start(), len(ctx.masked) if end < 0 else end


def check(ctx: NoteContext) -> None:
    """Flag sentences that prescribe; interest and past experience pass."""
    issues = _key_issues(ctx)
    listed = _plan_list(ctx)
    if listed:
        issue = any_mention(issues, stems(ctx.masked[listed[0] : listed[1]]))
        ctx.emit(
            "problem_solving.prescription",
            *listed,
            suggestion=_suggestion(issue),
            signal=_SIGNALS["step"],
        )
    weak_only: list[tuple[Sentence, list[str], str | None]] = []
    for sentence in ctx.sentences:
        if listed and listed[0] <= sentence.start < listed[1]:
            continue
        issue = any_mention(issues, stems(sentence.text)) if issues else None
        strong = _first(_patterns("strong"), sentence.text)
        weak = _first(_patterns("weak"), sentence.text)
        if strong or len(weak) >= 2 or (weak and issue):
            ctx.emit(
                "problem_solving.prescription",
                sentence.start,
                sentence.end,
                suggestion=_suggestion(issue),
                signal=_SIGNALS[(strong or weak)[0]],
            )
        elif weak:
            weak_only.append((sentence, weak, issue))
    # A plan spread over several sentences, each only hinting at it.
    if len(weak_only) >= 2:
        for sentence, weak, issue in weak_only:
            ctx.emit(
                "problem_solving.prescription",
                sentence.start,
                sentence.end,
                suggestion=_suggestion(issue),
                signal=_SIGNALS[weak[0]],
            )
