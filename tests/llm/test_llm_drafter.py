"""The LLM drafter against a real local HTTP server: success, every fault, fallback, cache."""

from __future__ import annotations

import itertools
import time

import pytest
from conftest import API_KEY, SleepRecorder
from fakeopenai import FakeOpenAIServer, Reply, free_port

from followup.debrief import Debrief
from followup.drafting.llm import LLMDrafter, RetryPolicy, StreamUpdate
from followup.settings import Settings
from followup.store import Store

FRENCH = (
    "Subject: Merci\n\nChère Priya,\n\nMerci beaucoup pour notre échange sur le déménagement "
    "de l'entrepôt de Newark. J'ai beaucoup apprécié la discussion, et je serais ravi de "
    "rejoindre votre équipe. Je reste à votre disposition pour la suite du processus.\n\n"
    "Bien cordialement,\nMorgan Hale\n"
)


def _drafter(settings: Settings, retry: RetryPolicy, store: Store | None = None) -> LLMDrafter:
    return LLMDrafter(settings, store=store, retry=retry)


def test_every_person_gets_a_model_draft(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """Each interviewer gets a note from the model, its Subject: line moved to the subject."""
    drafts = _drafter(settings, retry).draft_loop(debrief)
    assert [d.interviewer for d in drafts] == [p.name for p in debrief.interviewers]
    assert all(d.backend == "openai" and d.model == "gpt-4o-mini" for d in drafts)
    assert all(d.fallback_reason is None for d in drafts)
    assert drafts[0].subject == "Thank you, Priya"
    assert drafts[0].body.startswith("Dear Priya,")
    assert "Subject:" not in drafts[0].body
    assert len(server.requests) == 3
    assert all(r.body["model"] == "gpt-4o-mini" for r in server.requests)


def test_each_request_carries_only_its_persons_data(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """No request mentions another interviewer of the loop."""
    _drafter(settings, retry).draft_loop(debrief)
    names = {p.name for p in debrief.interviewers}
    for request in server.requests:
        mentioned = {n for n in names if n in request.user_prompt}
        assert len(mentioned) == 1


@pytest.mark.parametrize(
    ("fault", "expected_wait"),
    [
        (Reply(status=429, retry_after="3"), 3.0),
        (Reply(status=429), 0.375),  # no Retry-After: backoff 0.5 s ceiling, jitter at 0.5
        (Reply(status=500), 0.375),
        (Reply(status=503), 0.375),
        (Reply(malformed=True), 0.375),
        (Reply(drop=True), 0.375),
        (Reply(content=""), 0.375),
        (Reply(content=FRENCH), 0.375),
        (Reply(content="Subject: Hi\n\n" + "word " * 5_000), 0.375),
    ],
    ids=["429-retry-after", "429", "500", "503", "malformed", "dropped", "empty", "french", "5000"],
)
def test_a_fault_is_retried_to_success(
    fault: Reply,
    expected_wait: float,
    settings: Settings,
    retry: RetryPolicy,
    sleeps: SleepRecorder,
    debrief: Debrief,
    server: FakeOpenAIServer,
) -> None:
    """One fault for a person costs one retry after the right wait, then the model's note."""
    server.script(fault, match="to Tom Okafor")
    drafts = _drafter(settings, retry).draft_loop(debrief)
    assert all(d.backend == "openai" for d in drafts)
    assert sleeps.waits == [expected_wait]
    assert len(server.requests) == 4


def test_retry_after_is_capped(
    settings: Settings, sleeps: SleepRecorder, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """A server asking for an hour's pause is waited on for at most the cap."""
    server.script(Reply(status=429, retry_after="3600"), match="to Tom Okafor")
    policy = RetryPolicy(attempts=2, sleep=sleeps, max_retry_after=20.0)
    _drafter(settings, policy).draft_loop(debrief)
    assert sleeps.waits == [20.0]


def test_backoff_grows_exponentially_with_jitter() -> None:
    """Waits double per attempt up to the ceiling, and jitter keeps each in its upper half."""
    low = RetryPolicy(jitter=lambda: 0.0)
    high = RetryPolicy(jitter=lambda: 1.0)
    assert [low.delay(n, None) for n in range(6)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert [high.delay(n, None) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_timeout_is_retried(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """A reply slower than the timeout is abandoned and the retry succeeds."""
    quick = settings.model_copy(update={"timeout": 0.3})
    server.script(Reply(latency=3.0), match="to Tom Okafor")
    started = time.perf_counter()
    drafts = _drafter(quick, retry).draft_loop(debrief)
    assert all(d.backend == "openai" for d in drafts)
    assert time.perf_counter() - started < 2.5


def test_persistent_fault_falls_back_for_that_person_only(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """After its attempts, one person's note is drafted offline, marked with one line."""
    server.script(*[Reply(status=500)] * 4, match="to Tom Okafor")
    drafts = _drafter(settings, retry).draft_loop(debrief)
    tom = drafts[1]
    assert [d.backend for d in drafts] == ["openai", "offline", "openai"]
    assert tom.fallback_reason == (
        "the model server failed (HTTP 500) (after 4 attempts); drafted offline instead"
    )
    assert "\n" not in tom.fallback_reason
    assert tom.body.startswith("Dear Mr. Okafor,")
    assert server.pending() == 0


def test_wrong_language_every_time_falls_back(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """A model that only answers in French ends in the offline note with a readable reason."""
    server.script(*[Reply(content=FRENCH)] * 4, match="to Priya Raman")
    priya = _drafter(settings, retry).draft_loop(debrief)[0]
    assert priya.backend == "offline"
    assert priya.fallback_reason is not None
    assert priya.fallback_reason.startswith("the model's note is not in English")


def test_connection_refused_falls_back_for_everyone_in_bounded_time(
    settings: Settings, debrief: Debrief
) -> None:
    """With no server listening, every note falls back quickly and says it could not connect."""
    dead = settings.model_copy(update={"base_url": f"http://127.0.0.1:{free_port()}/v1"})
    started = time.perf_counter()
    drafts = _drafter(dead, RetryPolicy.no_wait(attempts=3)).draft_loop(debrief)
    assert time.perf_counter() - started < 10
    assert all(d.backend == "offline" for d in drafts)
    reason = drafts[0].fallback_reason or ""
    assert reason.startswith("cannot reach the model server at http://127.0.0.1:")
    assert "after 3 attempts" in reason


def test_rejected_key_is_not_retried_and_not_repeated(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """HTTP 401 falls back at once, and the reason never quotes the key the server echoed."""
    server.script(Reply(status=401), match="to Priya Raman")
    priya = _drafter(settings, retry).draft_loop(debrief)[0]
    assert priya.backend == "offline"
    assert priya.fallback_reason == (
        "the model server refused the API key (HTTP 401); check OPENAI_API_KEY "
        "(on the first attempt); drafted offline instead"
    )
    assert sum("to Priya Raman" in r.user_prompt for r in server.requests) == 1


def test_loop_respects_max_concurrency(
    settings: Settings, retry: RetryPolicy, debrief: Debrief
) -> None:
    """No more than max_concurrency requests are in flight at once."""
    people = tuple(
        debrief.interviewers[0].model_copy(update={"name": f"Person Number{i}"}) for i in range(6)
    )
    loop = debrief.model_copy(update={"interviewers": people})
    with FakeOpenAIServer(latency=0.15) as slow:
        two = settings.model_copy(update={"base_url": slow.base_url, "max_concurrency": 2})
        drafts = _drafter(two, retry).draft_loop(loop)
        assert slow.max_in_flight == 2
    assert len(drafts) == 6


def test_identical_request_at_temperature_zero_is_served_from_the_log(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer, store: Store
) -> None:
    """Drafting the same loop twice at temperature 0 calls the model once per person."""
    first = _drafter(settings, retry, store).draft_loop(debrief)
    second = _drafter(settings, retry, store).draft_loop(debrief)
    assert second == first
    assert len(server.requests) == 3
    outcomes = sorted(c.outcome for c in store.calls())
    assert outcomes == ["cached"] * 3 + ["ok"] * 3


def test_no_cache_above_temperature_zero(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer, store: Store
) -> None:
    """At a temperature above 0 every draft is a fresh call."""
    warm = settings.model_copy(update={"temperature": 0.7})
    _drafter(warm, retry, store).draft_loop(debrief)
    _drafter(warm, retry, store).draft_loop(debrief)
    assert len(server.requests) == 6


def test_every_call_is_logged_with_tokens_latency_and_outcome(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer, store: Store
) -> None:
    """Failures and successes are both logged, with prompt, response, tokens and latency."""
    server.script(Reply(status=500), match="to Tom Okafor")
    _drafter(settings, retry, store).draft_loop(debrief)
    calls = store.calls()
    assert sorted(c.outcome for c in calls) == ["error", "ok", "ok", "ok"]
    [error] = [c for c in calls if c.outcome == "error"]
    assert error.error == "the model server failed (HTTP 500)"
    assert error.response is None
    for call in calls:
        assert call.model == "gpt-4o-mini"
        assert call.base_url == server.base_url
        assert call.prompt_tokens is not None
        assert call.prompt_tokens > 300
        assert call.latency_ms > 0
        assert '"role": "system"' in call.prompt
        assert API_KEY not in call.prompt
    ok = [c for c in calls if c.outcome == "ok"]
    assert all(c.response and c.response.startswith("Subject:") for c in ok)
    assert all(c.completion_tokens and c.completion_tokens > 50 for c in ok)


def test_earlier_drafts_and_debrief_survive_a_failed_run(
    settings: Settings, debrief: Debrief, store: Store
) -> None:
    """Saved debrief and drafts are unchanged after a run whose every call fails."""
    saved = store.save_debrief(debrief)
    before = _drafter(settings, RetryPolicy.no_wait(), store).draft_loop(debrief)
    version = store.save_drafts(saved.loop_id, before)
    dead = settings.model_copy(update={"base_url": f"http://127.0.0.1:{free_port()}/v1"})
    after = _drafter(dead, RetryPolicy.no_wait(attempts=2), store).draft_loop(debrief)
    assert all(d.fallback_reason for d in after)
    assert store.load_drafts(saved.loop_id, version) == before
    assert store.load_debrief(saved.loop_id) == debrief


def _final(updates: list[StreamUpdate]) -> StreamUpdate:
    assert updates[-1].draft is not None
    assert all(u.draft is None for u in updates[:-1])
    return updates[-1]


def test_stream_grows_and_ends_with_the_draft(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """Streaming yields the note so far, growing, then the finished draft."""
    updates = list(_drafter(settings, retry).stream_one(debrief, 0))
    final = _final(updates)
    texts = [u.text for u in updates[:-1]]
    assert len(texts) > 20
    assert all(len(a) < len(b) for a, b in itertools.pairwise(texts))
    assert final.draft is not None
    assert final.draft.subject == "Thank you, Priya"
    assert server.requests[0].body["stream"] is True


def test_stream_cut_short_is_retried(
    settings: Settings,
    retry: RetryPolicy,
    sleeps: SleepRecorder,
    debrief: Debrief,
    server: FakeOpenAIServer,
) -> None:
    """A stream that breaks off mid-note starts over and completes."""
    server.script(Reply(cut_after=5))
    updates = list(_drafter(settings, retry).stream_one(debrief, 0))
    final = _final(updates)
    assert final.draft is not None
    assert final.draft.backend == "openai"
    assert final.draft.body.rstrip().endswith("Morgan Hale")
    assert len(sleeps.waits) == 1
    assert any(len(b.text) < len(a.text) for a, b in itertools.pairwise(updates))


def test_stream_that_always_breaks_falls_back(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """A stream cut short on every attempt ends in the offline note, marked."""
    server.script(*[Reply(cut_after=3)] * 4)
    final = _final(list(_drafter(settings, retry).stream_one(debrief, 1)))
    assert final.draft is not None
    assert final.draft.backend == "offline"
    assert final.draft.fallback_reason == (
        "the model server broke off the reply midway (after 4 attempts); drafted offline instead"
    )


def test_draft_one_falls_back_alone(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer
) -> None:
    """draft_one returns the model's note, or that person's offline note when it fails."""
    drafter = _drafter(settings, retry)
    assert drafter.draft_one(debrief, 2).backend == "openai"
    server.script(*[Reply(status=502)] * 4)
    fallback = drafter.draft_one(debrief, 2)
    assert fallback.backend == "offline"
    assert fallback.interviewer == "Dana Whitfield"


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Reply(latency=3.0), "no answer from the model server within 0.3 s"),
        (
            Reply(status=429, retry_after="1"),
            "the model server is rate limiting requests (HTTP 429)",
        ),
        (Reply(status=429), "the model server is rate limiting requests (HTTP 429)"),
        (Reply(status=500), "the model server failed (HTTP 500)"),
        (Reply(malformed=True), "the model server sent a malformed response"),
        (Reply(drop=True), "cannot reach the model server at {base_url}"),
        (Reply(content=""), "the model returned an empty note"),
        (Reply(content=FRENCH), "the model's note is not in English"),
        (Reply(content="word " * 5_000), "the model returned 5,000 words (a note has at most 200)"),
    ],
    ids=[
        "timeout",
        "429-retry-after",
        "429",
        "500",
        "malformed",
        "dropped",
        "empty",
        "french",
        "5000-words",
    ],
)
def test_persistent_fault_ends_in_a_marked_fallback(
    fault: Reply,
    reason: str,
    settings: Settings,
    sleeps: SleepRecorder,
    debrief: Debrief,
    server: FakeOpenAIServer,
    store: Store,
) -> None:
    """Every kind of fault, on every attempt, ends in that person's offline note and one line."""
    quick = settings.model_copy(update={"timeout": 0.3})
    saved = store.save_debrief(debrief)
    earlier = store.save_drafts(
        saved.loop_id, _drafter(quick, RetryPolicy.no_wait()).draft_loop(debrief)
    )
    before = store.load_drafts(saved.loop_id, earlier)
    server.script(fault, fault, match="to Tom Okafor")
    policy = RetryPolicy(attempts=2, sleep=sleeps, jitter=lambda: 0.5)
    started = time.perf_counter()
    drafts = _drafter(quick, policy, store).draft_loop(debrief)
    assert time.perf_counter() - started < 5
    assert [d.backend for d in drafts] == ["openai", "offline", "openai"]
    expected = reason.format(base_url=settings.base_url)
    assert drafts[1].fallback_reason == f"{expected} (after 2 attempts); drafted offline instead"
    assert len(sleeps.waits) == 1
    assert store.load_drafts(saved.loop_id, earlier) == before
    assert store.load_debrief(saved.loop_id) == debrief


def test_cached_reply_that_fails_todays_checks_is_asked_again(
    settings: Settings, retry: RetryPolicy, debrief: Debrief, server: FakeOpenAIServer, store: Store
) -> None:
    """A logged reply that is no longer acceptable is not served; the model is called again."""
    from followup.drafting.llm import ModelCaller, OutputFault

    caller = ModelCaller(settings, store=store, retry=retry)
    request = caller.request("tone_check", {"note": "Dear Tom,", "expected_tone": "formal"})
    assert caller.call(request, str.upper).startswith("THE NOTE READS")

    def stricter(text: str) -> str:
        if len(server.requests) < 2:
            raise OutputFault("rejected")
        return text

    assert caller.call(request, stricter).startswith("The note reads")
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("kind", "asks"),
    [
        ("check_in", "the expected decision date has passed"),
        ("timeline", "must decide on another opportunity by: March 31"),
        ("rejection_reply", "told the candidate that the company chose someone else"),
    ],
)
def test_special_notes_use_their_own_prompt(
    kind: str,
    asks: str,
    settings: Settings,
    retry: RetryPolicy,
    debrief: Debrief,
    server: FakeOpenAIServer,
) -> None:
    """Check-in, timeline and rejection notes are drafted from their own prompts, kind kept."""
    drafts = _drafter(settings, retry).draft_loop(debrief, kind)  # type: ignore[arg-type]
    assert {d.kind for d in drafts} == {kind}
    assert all(asks in r.user_prompt for r in server.requests)
