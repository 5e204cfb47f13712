"""What "apply suggestion" does with a finding: the linter's own fix, checked against the text.

A finding carries a ``fix`` when its suggestion can be applied as it stands (a
drop-in for a word, a better sentence, a new salutation line); a suggestion
without one is advice, shown as a tip. The linter decides which; this module
only checks that the fix still fits the text on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.lint import Finding

__all__ = ["Edit", "edit_for"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``body[start:end]`` (which was ``original``) by ``text``."""

    start: int
    end: int
    original: str
    text: str


def edit_for(body: str, finding: Finding) -> Edit | None:
    """The edit applying ``finding``'s suggestion to ``body``, or None if it is advice."""
    fix = finding.fix
    if fix is None or not 0 <= fix.start <= fix.end <= len(body):
        return None
    return Edit(fix.start, fix.end, body[fix.start : fix.end], fix.text)
