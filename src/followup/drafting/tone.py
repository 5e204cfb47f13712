"""Tone check: the linter's findings for a note, plus a model's one-paragraph read.

The model's read is only asked for when a model is configured; if that call
fails, the report carries the findings and one line saying why the read is
missing. The linter's findings never depend on the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from followup.debrief import MAX_DEBRIEF_BYTES, Tone
from followup.errors import InputError, LimitError
from followup.settings import Settings, load_settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from followup.drafting.llm import CallLog, RetryPolicy
    from followup.lint import Finding

__all__ = ["MAX_NOTE_CHARS", "MAX_READ_WORDS", "ToneReport", "tone_check"]

MAX_NOTE_CHARS = MAX_DEBRIEF_BYTES // 4
# The prompt asks for at most 90 words; allow slack before calling it a runaway.
MAX_READ_WORDS = 180

NoteLinter = Callable[[str, Tone], Sequence["Finding"]]


class ToneReport(BaseModel):
    """What the linter and (optionally) the model say about a note's tone."""

    model_config = ConfigDict(frozen=True)

    expected: Tone
    findings: tuple[Any, ...]  # followup.lint.Finding
    model_read: str | None = None
    model: str | None = None
    model_error: str | None = None  # one line: why there is no model read


def _lint(note: str, expected: Tone) -> list[Finding]:
    from followup.lint import lint_note

    return lint_note(note, expected_tone=expected)


def _parse_read(text: str) -> str:
    from followup.drafting.llm import OutputFault, check_reply
    from followup.text import word_count

    paragraph = next((p.strip() for p in text.strip().split("\n\n") if p.strip()), "")
    paragraph = " ".join(paragraph.split())
    if word_count(paragraph) > MAX_READ_WORDS:
        raise OutputFault(f"the model's read ran to {word_count(paragraph):,} words")
    check_reply(paragraph)
    return paragraph


def tone_check(
    note: str,
    expected: Tone,
    *,
    settings: Settings | None = None,
    model: BaseChatModel | None = None,
    store: CallLog | None = None,
    retry: RetryPolicy | None = None,
    lint: NoteLinter | None = None,
) -> ToneReport:
    """The linter's findings for ``note`` against ``expected``, and the model's read if any."""
    if not note.strip():
        raise InputError("note: the note is empty")
    if len(note) > MAX_NOTE_CHARS:
        raise LimitError(f"note: longer than {MAX_NOTE_CHARS:,} characters (limit)")
    settings = settings or load_settings()
    findings = tuple((lint or _lint)(note, expected))
    if model is None and settings.backend == "offline":
        return ToneReport(expected=expected, findings=findings)
    from followup.drafting.llm import Failure, ModelCaller

    caller = ModelCaller(settings, model=model, store=store, retry=retry)
    values: dict[str, object] = {"note": note.strip(), "expected_tone": expected}
    result = caller.call(caller.request("tone_check", values), _parse_read)
    if isinstance(result, Failure):
        return ToneReport(
            expected=expected,
            findings=findings,
            model=settings.model,
            model_error=result.reason,
        )
    return ToneReport(expected=expected, findings=findings, model_read=result, model=settings.model)
