"""Drafters: the offline default and (elsewhere in this package) the LLM drafter."""

from followup.drafting.base import Draft, Drafter, NoteKind
from followup.drafting.offline import OfflineDrafter

__all__ = ["Draft", "Drafter", "NoteKind", "OfflineDrafter"]
