"""Drafters: the offline default and the LLM drafter, plus the model-backed helpers."""

from followup.drafting.base import Draft, Drafter, NoteKind
from followup.drafting.llm import LLMDrafter, RetryPolicy, StreamUpdate
from followup.drafting.offline import OfflineDrafter
from followup.drafting.prompts import Estimate, estimate
from followup.drafting.rewrite import Rewrite, RewriteResult, rewrite_objection
from followup.drafting.tone import ToneReport, tone_check

__all__ = [
    "Draft",
    "Drafter",
    "Estimate",
    "LLMDrafter",
    "NoteKind",
    "OfflineDrafter",
    "RetryPolicy",
    "Rewrite",
    "RewriteResult",
    "StreamUpdate",
    "ToneReport",
    "estimate",
    "rewrite_objection",
    "tone_check",
]
