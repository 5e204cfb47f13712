"""The LLM drafter: ``prompt | ChatOpenAI | StrOutputParser()`` for any OpenAI-compatible server.

OpenAI, Ollama, vLLM, LM Studio and llama.cpp's server all speak the same
protocol; ``base_url``, ``api_key`` and ``model`` come from the settings.

Resilience is ours, not the SDK's: the openai client is built with
``max_retries=0`` so the only retries are the bounded ones here (exponential
backoff with jitter, honouring a capped ``Retry-After``). A note whose call
still fails is written by the offline drafter, marked with one readable line
saying why. Replies that are empty, far too long or not English count as
faults too. Every call is logged to the store (never the API key), and at
temperature 0 an identical request is answered from that log.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, SecretStr

from followup.debrief import Debrief
from followup.drafting.base import Draft, Drafter, NoteKind
from followup.drafting.offline import MAX_WORDS, OfflineDrafter
from followup.drafting.prompts import Avoid, load_prompt, note_variables, render
from followup.drafting.repair import LoopLinter, repair_loop
from followup.drafting.tokens import count_tokens, messages_tokens
from followup.errors import ConfigError
from followup.settings import Settings
from followup.text import word_count, words

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.prompt_values import PromptValue
    from langchain_core.runnables import Runnable

    from followup.store import CallRecord

T = TypeVar("T")

__all__ = [
    "MAX_REPLY_WORDS",
    "CallLog",
    "Failure",
    "LLMDrafter",
    "ModelCaller",
    "OutputFault",
    "Request",
    "RetryPolicy",
    "StreamUpdate",
    "chat_model",
    "check_reply",
    "describe_error",
    "request_key",
    "split_subject",
]

# A reply longer than this is a runaway, not a note to lint and trim.
MAX_REPLY_WORDS = int(MAX_WORDS * 1.5)
# A stream is cut off once it is clearly a runaway (about 12 characters a word).
_MAX_STREAM_CHARS = MAX_REPLY_WORDS * 12
# Common English words that are not also everyday words in the other big
# European languages; a note in English is about a quarter these words.
_ENGLISH = frozenset(
    "the and to of you your for that with my this our we would have at from by it is as "
    "thank look forward team role".split()
)
_MIN_ENGLISH_SHARE = 0.12
_SUBJECT = re.compile(r"^\W*subject\W*:\s*(.+?)\s*\**\s*$", re.IGNORECASE)
# How far down a reply a Subject: line may start (models like a one-line preamble).
_PREAMBLE_LINES = 3
_FENCE = re.compile(r"^```[a-z]*\s*\n(.*)\n```\s*$", re.DOTALL)
_KEYISH = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{4,})")
_DEFAULT_SUBJECTS: Mapping[str, str] = MappingProxyType(
    {
        "thank_you": "Thank you: {role} interview",
        "check_in": "Following up on the {role} position",
        "timeline": "My timeline and the {role} position",
        "rejection_reply": "Thank you for letting me know",
    }
)


class CallLog(Protocol):
    """The part of ``followup.store.Store`` the drafter uses."""

    def log_call(self, record: CallRecord) -> None: ...

    def find_cached(self, request_key: str) -> str | None: ...


class OutputFault(Exception):
    """A reply that arrived but cannot be a note (empty, runaway, not English)."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many attempts a call gets and how long to wait between them.

    ``sleep`` is injectable so tests run without waiting (``RetryPolicy.no_wait``).
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[], float] = random.random

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(attempts=settings.max_retries + 1)

    @classmethod
    def no_wait(cls, attempts: int = 4) -> RetryPolicy:
        return cls(attempts=attempts, sleep=lambda _: None)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (0-based)."""
        if retry_after is not None:
            return max(0.0, min(retry_after, self.max_retry_after))
        ceiling = min(self.max_delay, self.base_delay * 2**attempt)
        # "Equal jitter": at least half the ceiling, so retries never bunch at zero.
        return float(ceiling / 2 + self.jitter() * ceiling / 2)


class StreamUpdate(BaseModel):
    """The note so far while it streams; the last update carries the finished ``draft``."""

    model_config = ConfigDict(frozen=True)

    text: str
    draft: Draft | None = None


# -- errors and replies -------------------------------------------------------


def _retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, OutputFault | json.JSONDecodeError | openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIResponseValidationError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _broke_off(exc: BaseException) -> bool:
    """A connection lost (not timed out) after part of a streamed reply arrived."""
    import openai

    return isinstance(exc, openai.APIConnectionError) and not isinstance(
        exc, openai.APITimeoutError
    )


def _retry_after(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        return None if when is None else (when - datetime.now(UTC)).total_seconds()


def _scrub(text: str, secret: SecretStr | None) -> str:
    if secret is not None and secret.get_secret_value():
        text = text.replace(secret.get_secret_value(), "***")
    return _KEYISH.sub("sk-***", text)


def describe_error(exc: BaseException, settings: Settings) -> str:
    """What went wrong, in a few words fit for one line; never the API key."""
    import openai

    if isinstance(exc, OutputFault):
        what = str(exc)
    elif isinstance(exc, openai.APITimeoutError):
        what = f"no answer from the model server within {settings.timeout:g} s"
    elif isinstance(exc, openai.APIConnectionError):
        where = settings.base_url or "api.openai.com"
        what = f"cannot reach the model server at {where}"
    elif isinstance(exc, openai.RateLimitError):
        what = "the model server is rate limiting requests (HTTP 429)"
    elif isinstance(exc, openai.AuthenticationError):
        what = "the model server refused the API key (HTTP 401); check OPENAI_API_KEY"
    elif isinstance(exc, openai.NotFoundError):
        what = f"model {settings.model!r} not found on the server (HTTP 404); check FOLLOWUP_MODEL"
    elif isinstance(exc, openai.APIStatusError):
        what = f"the model server failed (HTTP {exc.status_code})"
    elif isinstance(exc, json.JSONDecodeError | openai.APIResponseValidationError):
        what = "the model server sent a malformed response"
    else:
        detail = " ".join(str(exc).split())[:120] or "no details"
        what = f"{type(exc).__name__}: {detail}"
    return _scrub(what, settings.api_key)


def split_subject(text: str) -> tuple[str | None, str]:
    """``(subject, body)``: a ``Subject:`` line near the top becomes the subject.

    A short preamble before it ("Here is the note:") is dropped with it.
    """
    text = text.strip()
    if fenced := _FENCE.match(text):
        text = fenced.group(1).strip()
    lines = text.split("\n")
    for i, line in enumerate(lines[:_PREAMBLE_LINES]):
        if m := _SUBJECT.match(line):
            return m.group(1).strip().strip("*").strip(), "\n".join(lines[i + 1 :]).strip()
    return None, text


def check_reply(body: str) -> None:
    """Raise ``OutputFault`` for a reply that cannot be a note."""
    n = word_count(body)
    if n == 0:
        raise OutputFault("the model returned an empty note")
    if n > MAX_REPLY_WORDS:
        raise OutputFault(f"the model returned {n:,} words (a note has at most {MAX_WORDS})")
    letters = [c for c in body if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "À" <= c <= "ɏ")
    tokens = [w.lower() for w in words(body)]
    share = sum(1 for w in tokens if w in _ENGLISH) / len(tokens)
    if latin < 0.9 * len(letters) or (n >= 20 and share < _MIN_ENGLISH_SHARE):
        raise OutputFault("the model's note is not in English")


def request_key(
    base_url: str | None, model: str, temperature: float, messages: Sequence[tuple[str, str]]
) -> str:
    """sha256 of what makes two requests identical (never the key)."""
    payload = json.dumps(
        [base_url, model, temperature, [list(m) for m in messages]], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def chat_model(settings: Settings) -> BaseChatModel:
    """A ``ChatOpenAI`` for the configured server; SDK retries off (ours are bounded)."""
    from langchain_openai import ChatOpenAI

    key = settings.api_key
    if key is None or not key.get_secret_value():
        if settings.base_url is None:
            raise ConfigError(
                "OPENAI_API_KEY is not set: set it, point OPENAI_BASE_URL at a local "
                "server, or use the offline backend"
            )
        # Local servers (Ollama, llama.cpp, LM Studio) accept any key.
        key = SecretStr("local")
    return ChatOpenAI(
        model=settings.model,
        base_url=settings.base_url,
        api_key=key,
        timeout=settings.timeout,
        max_retries=0,
        temperature=settings.temperature,
    )


# -- the drafter ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    """One rendered request: what is sent, and what identifies it."""

    prompt: PromptValue
    messages: tuple[tuple[str, str], ...]
    key: str
    tokens: int


@dataclass(frozen=True, slots=True)
class Failure:
    """A call that failed for good: one readable line saying why."""

    reason: str


class ModelCaller:
    """Sends rendered prompts to the model: cache, bounded retries, call log.

    Shared by the drafter, the objection rewrite and the tone check.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        model: BaseChatModel | None = None,
        store: CallLog | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        from langchain_core.output_parsers import StrOutputParser

        self.settings = settings
        self.model = model if model is not None else chat_model(settings)
        # The prompt step of ``prompt | model | StrOutputParser()`` runs on its
        # own first (``request``): its messages are needed for the cache key, the
        # token count and the log before anything is sent. This is the rest.
        self.tail: Runnable[Any, str] = self.model | StrOutputParser()
        self.store = store
        self.retry = retry or RetryPolicy.from_settings(settings)

    def request(self, task: str, values: dict[str, object]) -> Request:
        """Render ``task``'s prompt with ``values`` (checked first) and identify it."""
        from langchain_core.messages import HumanMessage, SystemMessage
        from langchain_core.prompt_values import ChatPromptValue

        pair = load_prompt(task, self.settings.prompts_dir)
        messages = tuple(render(pair, values))
        prompt = ChatPromptValue(
            messages=[SystemMessage(messages[0][1]), HumanMessage(messages[1][1])]
        )
        s = self.settings
        return Request(
            prompt,
            messages,
            request_key(s.base_url, s.model, s.temperature, messages),
            messages_tokens(list(messages), s.model),
        )

    def call(self, request: Request, parse: Callable[[str], T]) -> T | Failure:
        """The parsed reply, retried on faults (``parse`` may raise ``OutputFault``)."""
        cached = self.cached(request)
        if cached is not None:
            # A logged reply that today's checks reject is asked for again.
            with contextlib.suppress(OutputFault):
                return parse(cached)
        errors: list[str] = []
        for attempt in range(self.retry.attempts):
            started = time.perf_counter()
            text: str | None = None
            try:
                text = self.tail.invoke(request.prompt)
                result = parse(text)
            except Exception as exc:
                if self.failed(request, exc, started, text, attempt, errors):
                    continue
                break
            self.log(request, text, started, "ok", None)
            return result
        return Failure(self.reason(errors))

    def cached(self, request: Request) -> str | None:
        """The logged reply to an identical request at temperature 0, if any."""
        if self.store is None or self.settings.temperature != 0:
            return None
        started = time.perf_counter()
        cached = self.store.find_cached(request.key)
        if cached is not None:
            self.log(request, cached, started, "cached", None)
        return cached

    def failed(
        self,
        request: Request,
        exc: Exception,
        started: float,
        text: str | None,
        attempt: int,
        errors: list[str],
    ) -> bool:
        """Log a failed attempt; wait and return True when another attempt is due."""
        message = describe_error(exc, self.settings)
        if text and _broke_off(exc):
            message = "the model server broke off the reply midway"
        errors.append(message)
        self.log(request, text, started, "error", message)
        if not _retryable(exc) or attempt + 1 >= self.retry.attempts:
            return False
        self.retry.sleep(self.retry.delay(attempt, _retry_after(exc)))
        return True

    @staticmethod
    def reason(errors: list[str]) -> str:
        n = len(errors)
        tries = f"after {n} attempts" if n > 1 else "on the first attempt"
        return f"{errors[-1]} ({tries})"

    def log(
        self,
        request: Request,
        response: str | None,
        started: float,
        outcome: Literal["ok", "error", "cached"],
        error: str | None,
    ) -> None:
        if self.store is None:
            return
        from followup.store import CallRecord

        s = self.settings
        self.store.log_call(
            CallRecord(
                request_key=request.key,
                model=s.model,
                base_url=s.base_url,
                prompt=json.dumps(
                    [{"role": r, "content": c} for r, c in request.messages], ensure_ascii=False
                ),
                response=response,
                prompt_tokens=request.tokens,
                completion_tokens=count_tokens(response, s.model) if response else None,
                latency_ms=(time.perf_counter() - started) * 1000,
                outcome=outcome,
                error=error,
                temperature=s.temperature,
                created_at=datetime.now(UTC),
            )
        )


class LLMDrafter:
    """Drafts each note with a chat model; falls back to offline per person."""

    name = "openai"

    def __init__(
        self,
        settings: Settings,
        *,
        model: BaseChatModel | None = None,
        store: CallLog | None = None,
        lint: LoopLinter | None = None,
        retry: RetryPolicy | None = None,
        fallback: Drafter | None = None,
        max_repair_rounds: int = 2,
    ) -> None:
        self.settings = settings
        self.caller = ModelCaller(settings, model=model, store=store, retry=retry)
        self._lint = lint
        self._fallback = fallback or OfflineDrafter()
        self._max_repair_rounds = max_repair_rounds

    # -- public -----------------------------------------------------------

    def draft_loop(self, debrief: Debrief, kind: NoteKind = "thank_you") -> list[Draft]:
        """Every note, drafted concurrently, repaired where the linter finds errors."""
        everyone: list[tuple[int, Sequence[Avoid]]] = [
            (i, ()) for i in range(len(debrief.interviewers))
        ]
        results = self._draft_many(debrief, kind, everyone)
        offline: list[Draft] | None = None
        drafts: list[Draft] = []
        for i, result in enumerate(results):
            if isinstance(result, Draft):
                drafts.append(result)
                continue
            offline = offline or self._fallback.draft_loop(debrief, kind)
            drafts.append(self._marked(offline[i], result))
        if self._lint is None:
            return drafts

        def regenerate(jobs: Sequence[tuple[int, Sequence[Avoid]]]) -> list[Draft | None]:
            again = self._draft_many(debrief, kind, jobs)
            return [r if isinstance(r, Draft) else None for r in again]

        return repair_loop(
            debrief,
            drafts,
            lint=self._lint,
            regenerate=regenerate,
            max_rounds=self._max_repair_rounds,
        )

    def draft_one(self, debrief: Debrief, index: int, kind: NoteKind = "thank_you") -> Draft:
        """One note; on failure, the offline note for that person, marked."""
        result = self._draft_person(debrief, index, kind, ())
        if isinstance(result, Draft):
            return result
        return self._marked(self._fallback.draft_one(debrief, index, kind), result)

    def stream_one(
        self, debrief: Debrief, index: int, kind: NoteKind = "thank_you"
    ) -> Iterator[StreamUpdate]:
        """The note as it arrives; a retry starts the text over; the last update has the draft."""
        caller = self.caller
        request = self._request(debrief, index, kind, ())
        cached = caller.cached(request)
        if cached is not None:
            draft = self._to_draft(debrief, index, kind, cached)
            yield StreamUpdate(text=draft.body, draft=draft)
            return
        errors: list[str] = []
        for attempt in range(caller.retry.attempts):
            started = time.perf_counter()
            text = ""
            try:
                for chunk in caller.tail.stream(request.prompt):
                    if not chunk:
                        continue
                    text += chunk
                    if len(text) > _MAX_STREAM_CHARS:
                        raise OutputFault("the model's reply ran far past the length of a note")
                    yield StreamUpdate(text=text)
                draft = self._checked_draft(debrief, index, kind, text)
            except Exception as exc:
                if caller.failed(request, exc, started, text, attempt, errors):
                    continue
                break
            caller.log(request, text, started, "ok", None)
            yield StreamUpdate(text=draft.body, draft=draft)
            return
        offline = self._fallback.draft_one(debrief, index, kind)
        marked = self._marked(offline, Failure(caller.reason(errors)))
        yield StreamUpdate(text=marked.body, draft=marked)

    # -- the per-person call ------------------------------------------------

    def _draft_many(
        self, debrief: Debrief, kind: NoteKind, jobs: Sequence[tuple[int, Sequence[Avoid]]]
    ) -> list[Draft | Failure]:
        """Concurrent calls, at most ``max_concurrency`` at once."""
        from langchain_core.runnables import RunnableLambda

        def one(job: tuple[int, Sequence[Avoid]]) -> Draft | Failure:
            return self._draft_person(debrief, job[0], kind, job[1])

        runner: Runnable[tuple[int, Sequence[Avoid]], Draft | Failure] = RunnableLambda(one)
        return runner.batch(list(jobs), config={"max_concurrency": self.settings.max_concurrency})

    def _draft_person(
        self, debrief: Debrief, index: int, kind: NoteKind, avoid: Sequence[Avoid]
    ) -> Draft | Failure:
        request = self._request(debrief, index, kind, avoid)
        return self.caller.call(
            request, lambda text: self._checked_draft(debrief, index, kind, text)
        )

    def _request(
        self, debrief: Debrief, index: int, kind: NoteKind, avoid: Sequence[Avoid]
    ) -> Request:
        values, _ = note_variables(debrief, index, model=self.settings.model, avoid=avoid)
        return self.caller.request(kind, values)

    @staticmethod
    def _marked(offline: Draft, failure: Failure) -> Draft:
        reason = f"{failure.reason}; drafted offline instead"
        return offline.model_copy(update={"fallback_reason": reason})

    def _checked_draft(self, debrief: Debrief, index: int, kind: NoteKind, text: str) -> Draft:
        draft = self._to_draft(debrief, index, kind, text)
        check_reply(draft.body)
        return draft

    def _to_draft(self, debrief: Debrief, index: int, kind: NoteKind, text: str) -> Draft:
        person = debrief.interviewers[index]
        subject, body = split_subject(text)
        if not subject:
            subject = _DEFAULT_SUBJECTS[kind].format(role=debrief.interview.role)
        body = body.strip()
        return Draft(
            interviewer=person.name,
            email=person.email,
            subject=subject,
            body=body + "\n" if body else "",
            kind=kind,
            backend=self.name,
            model=self.settings.model,
        )
