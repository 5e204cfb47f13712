"""The values a lint run produces: findings and the description of each rule."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "SEVERITY_RANK",
    "Category",
    "Finding",
    "Fix",
    "Replaces",
    "RuleInfo",
    "Severity",
    "position",
]

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
# What a rule's suggestion stands in for: the finding's own span, the sentence it sits
# in, or its line (a salutation). A rule without one gives advice to read, not an edit.
Replaces = Literal["span", "sentence", "line"]

# Higher is more serious; used for sorting, --fail-on and escalation.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Fix(BaseModel):
    """The edit a suggestion makes: ``note[start:end]`` becomes ``text``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    text: str


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
    # Set when the suggestion can be applied as it stands; otherwise it is advice.
    fix: Fix | None = None
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
    replaces: Replaces | None = None


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``; columns count code points."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
