"""The values a lint run produces: findings and the description of each rule."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["SEVERITY_RANK", "Category", "Finding", "RuleInfo", "Severity", "position"]

Category = Literal[
    "duplication",
    "problem_solving",
    "formality",
    "spelling",
    "pushy",
    "structure",
    "accuracy",
    "generic",
    "length",
]
Severity = Literal["error", "warning", "info"]

# Higher is more serious; used for sorting, --fail-on and escalation.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(BaseModel):
    """One problem in one note, located by ``[start, end)`` Python string offsets."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    message: str
    suggestion: str | None = None
    related_note: int | None = None
    related_start: int | None = None
    related_end: int | None = None


class RuleInfo(BaseModel):
    """What ``followup rules`` prints about a rule, read from ``data/rules.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    category: Category
    severity: Severity
    message: str
    rationale: str
    needs_debrief: bool = False


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``; columns count code points."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
