"""What "apply suggestion" does with a finding: which text its suggestion replaces, if any.

A finding's ``suggestion`` is sometimes a drop-in for its span ("thx" ->
"thank you"), sometimes a better sentence for the sentence the span sits in
(pushy or problem-solving wording), sometimes a new salutation for the whole
greeting line, and sometimes advice to read ("Rewrite it around something you
discussed with ..."). Only the first three can be applied; advice is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from followup.text import split_sentences

__all__ = ["Edit", "Suggestible", "edit_for"]

# Rules whose suggestion replaces the whole line the finding starts on (a salutation).
_LINE_RULES = frozenset({"formality.casual-greeting", "formality.greeting-register"})
# Categories whose suggestion is a better sentence for the one the finding sits in.
_SENTENCE_CATEGORIES = frozenset({"pushy", "problem_solving"})
# Categories whose suggestion replaces exactly the finding's span.
_SPAN_CATEGORIES = frozenset({"formality", "spelling"})
# A stock phrase's suggestion is a replacement when it is a few words, advice otherwise.
_SHORT_REPLACEMENT_WORDS = 3


class Suggestible(Protocol):
    """The parts of ``followup.lint.Finding`` this module reads."""

    @property
    def rule(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def suggestion(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``body[start:end]`` (which was ``original``) by ``text``."""

    start: int
    end: int
    original: str
    text: str


def edit_for(body: str, finding: Suggestible) -> Edit | None:
    """The edit applying ``finding``'s suggestion to ``body``, or None if it is advice."""
    text = finding.suggestion
    if text is None or not 0 <= finding.start <= finding.end <= len(body):
        return None
    start, end = finding.start, finding.end
    if finding.rule in _LINE_RULES:
        line_end = body.find("\n", start)
        end = len(body) if line_end < 0 else line_end
    elif finding.category in _SENTENCE_CATEGORIES:
        around = [
            s for s in split_sentences(body) if s.start < max(end, start + 1) and s.end > start
        ]
        if not around:
            return None
        start, end = around[0].start, around[-1].end
    elif finding.category == "generic":
        if text.endswith(".") or len(text.split()) > _SHORT_REPLACEMENT_WORDS:
            return None
    elif finding.category not in _SPAN_CATEGORIES:
        return None
    return Edit(start, end, body[start:end], text)
