"""Objection rewrite: three alternative lines that answer a doubt by stressing a strength.

With a model configured, the ``objection_rewrite`` prompt asks for three
numbered lines; otherwise (or when the call fails) the offline drafter's
answer lines for the doubt's category stand in. Every line is linted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from followup.drafting.offline import _objection_category, _phrases
from followup.errors import InputError
from followup.settings import Settings, load_settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from followup.drafting.llm import CallLog, RetryPolicy
    from followup.lint import Finding

__all__ = ["MAX_LINE_CHARS", "Rewrite", "RewriteResult", "offline_lines", "rewrite_objection"]

MAX_LINE_CHARS = 1_000
_NUMBERED = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.+?)\s*$")
# A single line is not a note: rules about greetings, sign-offs and note length
# say nothing useful about it.
_LINE_IRRELEVANT = frozenset({"structure", "length"})

LineLinter = Callable[[str], Sequence["Finding"]]


class Rewrite(BaseModel):
    """One alternative line and what the linter says about it."""

    model_config = ConfigDict(frozen=True)

    text: str
    findings: tuple[Any, ...] = ()  # followup.lint.Finding


class RewriteResult(BaseModel):
    """Three alternatives, where they came from, and why the model was not used if it was not."""

    model_config = ConfigDict(frozen=True)

    rewrites: tuple[Rewrite, ...]
    backend: str
    fallback_reason: str | None = None


def offline_lines(objection: str, strength: str = "", count: int = 3) -> list[str]:
    """Lines for the doubt's category from the offline drafter's pool, led by the strength."""
    table = _phrases()["objection"]
    lines: list[str] = []
    if strength:
        lines.append(f"I would bring {strength.rstrip('.')} to this role.")
    lines += [str(x) for x in table[_objection_category(objection)]["lines"]]
    lines += [str(x) for x in table["default"]["lines"] if x not in lines]
    return lines[:count]


def _lint_line(text: str) -> list[Finding]:
    from followup.lint import lint_note

    return [f for f in lint_note(text) if f.category not in _LINE_IRRELEVANT]


def _parse_three(text: str) -> list[str]:
    from followup.drafting.llm import OutputFault, check_reply

    lines = [m.group(1) for m in map(_NUMBERED.match, text.splitlines()) if m]
    lines = [line.strip().strip('"“”').strip() for line in lines if line.strip()]
    if len(lines) < 3:
        raise OutputFault("the model did not return three numbered lines")
    lines = lines[:3]
    check_reply(" ".join(lines))
    return lines


def _clean(value: str, field: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise InputError(f"{field}: must not be empty")
    if len(text) > MAX_LINE_CHARS:
        raise InputError(f"{field}: too long: at most {MAX_LINE_CHARS} characters (limit)")
    return text


def rewrite_objection(
    line: str,
    objection: str,
    *,
    strength: str = "",
    role: str = "",
    settings: Settings | None = None,
    model: BaseChatModel | None = None,
    store: CallLog | None = None,
    retry: RetryPolicy | None = None,
    lint: LineLinter | None = None,
) -> RewriteResult:
    """Three linted alternatives to ``line`` that answer ``objection`` indirectly."""
    line = _clean(line, "line")
    objection = _clean(objection, "objection")
    strength = " ".join(strength.split())
    settings = settings or load_settings()
    lint = lint or _lint_line
    reason: str | None = None
    lines: list[str] | None = None
    if model is not None or settings.backend != "offline":
        from followup.drafting.llm import Failure, ModelCaller

        caller = ModelCaller(settings, model=model, store=store, retry=retry)
        values: dict[str, object] = {
            "line": line,
            "objection": objection,
            "strength": strength,
            "role": role,
        }
        result = caller.call(caller.request("objection_rewrite", values), _parse_three)
        if isinstance(result, Failure):
            reason = f"{result.reason}; offline suggestions instead"
        else:
            lines = result
    if lines is None:
        lines = offline_lines(objection, strength)
        backend = "offline"
    else:
        backend = "openai"
    return RewriteResult(
        rewrites=tuple(Rewrite(text=t, findings=tuple(lint(t))) for t in lines),
        backend=backend,
        fallback_reason=reason,
    )
