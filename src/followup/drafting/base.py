"""What every drafter produces and the one interface they share."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from followup.debrief import Debrief

__all__ = ["Draft", "Drafter", "NoteKind"]

NoteKind = Literal["thank_you", "check_in", "timeline", "rejection_reply"]


class Draft(BaseModel):
    """One note to one person, as a drafter produced it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    interviewer: str
    email: str | None = None
    subject: str
    body: str
    kind: NoteKind = "thank_you"
    backend: str = "offline"
    model: str | None = None
    # Set when a model call failed and the offline drafter wrote this note instead.
    fallback_reason: str | None = None
    repair_rounds: int = 0


@runtime_checkable
class Drafter(Protocol):
    """A way of turning a debrief into notes: offline, or through a model."""

    name: str

    def draft_loop(self, debrief: Debrief, kind: NoteKind = "thank_you") -> list[Draft]:
        """One note per interviewer, in the debrief's order, each distinct."""
        ...

    def draft_one(self, debrief: Debrief, index: int, kind: NoteKind = "thank_you") -> Draft:
        """The note for ``debrief.interviewers[index]``, aware of the rest of the loop."""
        ...
