"""Prompt files: loading, the variable check, and the per-person variables.

Each task has a pair of Jinja2 files in ``prompts/`` (``<task>.system.j2`` and
``<task>.user.j2``). ``FOLLOWUP_PROMPTS_DIR`` may point at a directory of the
user's own copies; a file missing there is taken from the bundled set.

Templates are the only thing ever compiled. Debrief text reaches them as
variable values, which Jinja2 inserts verbatim: ``{{ 7*7 }}`` typed into a
field stays ``{{ 7*7 }}``. langchain renders jinja2 prompts in a
``SandboxedEnvironment``; its own variable check only warns, so ours runs
first and fails with the names of the missing variables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from followup.debrief import Debrief, Interviewer
from followup.drafting.base import NoteKind
from followup.drafting.offline import format_date
from followup.drafting.tokens import counter_for, messages_tokens, price_of, trim_to_tokens
from followup.errors import TemplateError
from followup.settings import Settings

if TYPE_CHECKING:
    from jinja2 import Template
    from langchain_core.prompts import ChatPromptTemplate

__all__ = [
    "BUNDLED_PROMPTS",
    "ITEM_TOKENS",
    "MAX_ITEMS",
    "REPLY_TOKENS",
    "Avoid",
    "Estimate",
    "PromptPair",
    "RenderedPrompt",
    "Task",
    "chat_prompt",
    "check_variables",
    "estimate",
    "load_prompt",
    "note_variables",
    "render",
    "render_loop",
]

Task = Literal[
    "thank_you", "objection_rewrite", "tone_check", "check_in", "timeline", "rejection_reply"
]
TASKS: tuple[str, ...] = get_args(Task)

# The repository's prompts/ directory (src/followup/drafting/ -> repo root).
BUNDLED_PROMPTS = Path(__file__).resolve().parents[3] / "prompts"

# Budgets for free text in a prompt: each list entry, and how many entries per list.
ITEM_TOKENS = 80
MAX_ITEMS = 6

_ROLE_LABELS = {
    "decision_maker": "decision maker",
    "hiring_manager": "hiring manager",
    "influencer": "influencer",
    "peer": "future peer",
    "assistant": "assistant or coordinator",
    "other": "other",
}
_TONE_LABELS = {"friendly": "friendly", "formal": "formal", "familylike": "family-like"}
# A value must not be able to close or open one of our delimited sections.
_DELIMITER = re.compile(r"<\s*/?\s*(?:debrief|avoid|note|data)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PromptPair:
    """The system and user templates of one task, with the variables they use."""

    task: str
    system: str
    user: str
    source: str  # the directory or files, for error messages
    variables: frozenset[str]


@dataclass(frozen=True, slots=True)
class Avoid:
    """A sentence of an earlier draft the model must not repeat, and why."""

    text: str
    reason: str


def _variables(template: str, path: Path) -> frozenset[str]:
    from jinja2 import TemplateSyntaxError, meta
    from jinja2.sandbox import SandboxedEnvironment

    try:
        ast = SandboxedEnvironment().parse(template)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{path}: line {exc.lineno}: {exc.message}") from None
    return frozenset(meta.find_undeclared_variables(ast))


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int) -> tuple[str, frozenset[str]]:
    del mtime_ns  # part of the cache key only: an edited file is read again
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read prompt file ({exc.__class__.__name__})") from None
    return text, _variables(text, path)


def _locate(task: str, part: str, directory: Path | None) -> Path:
    name = f"{task}.{part}.j2"
    for base in (directory, BUNDLED_PROMPTS):
        if base is not None and (base / name).is_file():
            return base / name
    where = f"{directory} or {BUNDLED_PROMPTS}" if directory else str(BUNDLED_PROMPTS)
    raise TemplateError(f"prompt file {name} not found in {where} (see FOLLOWUP_PROMPTS_DIR)")


def load_prompt(task: str, directory: Path | None = None) -> PromptPair:
    """The templates of ``task``, from ``directory`` first, then the bundled set."""
    if task not in TASKS:
        raise TemplateError(f"unknown prompt task {task!r}; expected one of {', '.join(TASKS)}")
    paths = [_locate(task, part, directory) for part in ("system", "user")]
    (system, sys_vars), (user, user_vars) = (_read(p, p.stat().st_mtime_ns) for p in paths)
    return PromptPair(
        task=task,
        system=system,
        user=user,
        source=f"{paths[0]}, {paths[1]}",
        variables=sys_vars | user_vars,
    )


def check_variables(pair: PromptPair, values: Mapping[str, object]) -> None:
    """Fail with the names of every variable the templates use but ``values`` lacks."""
    missing = sorted(pair.variables - values.keys())
    if missing:
        raise TemplateError(
            f"prompt {pair.task} ({pair.source}) uses variables that are not provided: "
            + ", ".join(missing)
        )


@lru_cache(maxsize=32)
def chat_prompt(pair: PromptPair) -> ChatPromptTemplate:
    """The task as a langchain ``ChatPromptTemplate`` (jinja2, rendered sandboxed)."""
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages(
        [("system", pair.system), ("human", pair.user)], template_format="jinja2"
    )


@lru_cache(maxsize=64)
def _compiled(template: str) -> Template:
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment().from_string(template)


def render(pair: PromptPair, values: Mapping[str, object]) -> list[tuple[str, str]]:
    """``[(role, text), ...]`` after the variable check: what the model will be sent.

    The same rendering as ``chat_prompt(pair)`` (a fresh ``SandboxedEnvironment``
    per template, values passed as variables), but each template is compiled
    once: langchain compiles on every call, 19 ms a note against 0.03 ms here,
    which alone would spend the per-note overhead budget.
    """
    check_variables(pair, values)
    return [
        ("system", _compiled(pair.system).render(**values)),
        ("user", _compiled(pair.user).render(**values)),
    ]


def _data(text: str) -> str:
    """A debrief entry as prompt data: one line, unable to fake our delimiters."""
    flat = " ".join(text.split())
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), flat)


def _items(label: str, entries: Sequence[str], model: str, notices: list[str]) -> list[str]:
    out = []
    if len(entries) > MAX_ITEMS:
        notices.append(f"{label}: used the first {MAX_ITEMS} of {len(entries)} entries")
    for i, entry in enumerate(entries[:MAX_ITEMS]):
        text, cut = trim_to_tokens(_data(entry), ITEM_TOKENS, model)
        if cut:
            notices.append(f"{label}[{i}]: trimmed to {ITEM_TOKENS} tokens")
        out.append(text)
    return out


def note_variables(
    debrief: Debrief,
    index: int,
    *,
    model: str = "gpt-4o-mini",
    avoid: Sequence[Avoid] = (),
) -> tuple[dict[str, object], tuple[str, ...]]:
    """Variables for a note to ``debrief.interviewers[index]``, and trimming notices.

    Only this person's entries go in (not the loop's ``overall`` remark, which
    may name others): the model cannot copy from notes it never sees.
    """
    person: Interviewer = debrief.interviewers[index]
    iv = debrief.interview
    cand = debrief.candidate
    notices: list[str] = []
    who = person.name
    values: dict[str, object] = {
        "candidate_name": _data(cand.name),
        "candidate_email": _data(cand.email or ""),
        "candidate_phone": _data(cand.phone or ""),
        "company": _data(iv.company),
        "role": _data(iv.role),
        "interview_date": format_date(iv.date),
        "stage": iv.stage or "",
        "decision_date": format_date(iv.decision_expected, iv.date) if iv.decision_expected else "",
        "deadline": (
            format_date(cand.decision_deadline, iv.date) if cand.decision_deadline else ""
        ),
        "first_interviewed": iv.first_interviewed,
        "person_name": _data(person.name),
        "person_title": _data(person.title or ""),
        "address": _data(person.address),
        "person_role": _ROLE_LABELS[person.role],
        "tone": _TONE_LABELS[person.tone],
        "invited_to_call": person.invited_to_call,
        "topics": _items(f"{who} topics", person.topics, model, notices),
        "positives": _items(f"{who} positives", person.positives, model, notices),
        "objections": _items(f"{who} objections", person.objections, model, notices),
        "key_issues": _items(f"{who} key issues", person.key_issues, model, notices),
        "next_steps": _items(f"{who} next steps", person.next_steps, model, notices),
        "avoid": [{"text": _data(a.text), "reason": _data(a.reason)} for a in avoid],
    }
    return values, tuple(notices)


# Tokens a note's reply is expected to take: 200 words and a subject line.
REPLY_TOKENS = 300


@dataclass(frozen=True, slots=True)
class RenderedPrompt:
    """The messages one note's request will carry, counted."""

    interviewer: str
    task: str
    messages: tuple[tuple[str, str], ...]
    tokens: int
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Estimate:
    """What drafting a loop will send: tokens per note, in total, and the cost if known."""

    model: str
    encoding: str
    prompts: tuple[RenderedPrompt, ...]
    prompt_tokens: int
    completion_tokens: int
    cost: float | None  # US dollars; None when the model has no price-table entry

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(n for p in self.prompts for n in p.notices)

    def summary(self) -> str:
        """One line for the CLI and the app, e.g. ``3 notes, ~2,400 prompt tokens, ~$0.0009``."""
        n = len(self.prompts)
        cost = f", ~${self.cost:.4f}" if self.cost is not None else ", no price known"
        return (
            f"{n} note{'s' if n != 1 else ''} with {self.model}: ~{self.prompt_tokens:,} prompt "
            f"+ ~{self.completion_tokens:,} reply tokens{cost} ({self.encoding})"
        )


def render_loop(
    debrief: Debrief,
    kind: NoteKind,
    *,
    model: str,
    directory: Path | None = None,
    avoid: Mapping[int, Sequence[Avoid]] | None = None,
) -> list[RenderedPrompt]:
    """Every note's rendered, counted prompt, in the debrief's order."""
    pair = load_prompt(kind, directory)
    out = []
    for i, person in enumerate(debrief.interviewers):
        values, notices = note_variables(debrief, i, model=model, avoid=(avoid or {}).get(i, ()))
        messages = tuple(render(pair, values))
        out.append(
            RenderedPrompt(
                person.name, kind, messages, messages_tokens(list(messages), model), notices
            )
        )
    return out


def estimate(debrief: Debrief, settings: Settings, kind: NoteKind = "thank_you") -> Estimate:
    """Tokens (and cost, where the price table knows the model) before anything is sent."""
    prompts = render_loop(debrief, kind, model=settings.model, directory=settings.prompts_dir)
    prompt_tokens = sum(p.tokens for p in prompts)
    completion = REPLY_TOKENS * len(prompts)
    return Estimate(
        model=settings.model,
        encoding=counter_for(settings.model).encoding,
        prompts=tuple(prompts),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion,
        cost=price_of(settings.model, prompt_tokens, completion),
    )
