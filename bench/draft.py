"""Print the LLM drafter's speed figures against the local fake OpenAI server.

The real ``openai`` client (through ``langchain-openai``) talks over HTTP to
``tests/fakeopenai.py`` on 127.0.0.1, which answers every request after a fixed
400 ms. Figures (targets from issue 3):

- one call: a single note, end to end;
- an 8-person loop at ``max_concurrency=8`` (target: at most 1.5x one call;
  sequential would be about 8x), and the same loop at concurrency 1;
- our overhead per note: everything except waiting on the server (target
  under 20 ms), measured as the sequential loop's time minus 8 x 400 ms, and
  again with the call log (SQLite) and the linter's repair pass switched on;
- tokens of the ``thank_you`` prompt for each fixture's people (target: under
  1,200 for the largest fixture).

Run: ``.venv/bin/python bench/draft.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fakeopenai import FakeOpenAIServer  # noqa: E402

from followup.debrief import Debrief, load_debrief  # noqa: E402
from followup.drafting.llm import LLMDrafter, RetryPolicy  # noqa: E402
from followup.drafting.prompts import estimate  # noqa: E402
from followup.drafting.repair import default_linter  # noqa: E402
from followup.settings import Settings, load_settings  # noqa: E402
from followup.store import Store  # noqa: E402

LATENCY = 0.4
PEOPLE = 8
RUNS = 3
FIXTURES = ROOT / "fixtures" / "debriefs"


def eight_person_loop() -> Debrief:
    """The fixture people, renamed where needed, until the loop has eight."""
    base = load_debrief(FIXTURES / "northwind-hospital.yaml")
    people = list(base.interviewers)
    extra = load_debrief(FIXTURES / "harborline.yaml").interviewers
    people.extend(extra[: PEOPLE - len(people)])
    return base.model_copy(update={"interviewers": tuple(people[:PEOPLE])})


def timed(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``fn`` over ``runs`` runs, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    loop = eight_person_loop()
    with FakeOpenAIServer(latency=LATENCY) as server, tempfile.TemporaryDirectory() as home:
        # Temperature above 0 so no run is answered from the call log.
        settings: Settings = load_settings(
            env={},
            backend="openai",
            base_url=server.base_url,
            api_key="bench-key",
            max_concurrency=PEOPLE,
            temperature=0.5,
            home=Path(home),
        )
        drafter = LLMDrafter(settings, retry=RetryPolicy.no_wait())
        drafter.draft_one(loop, 0)  # warm up: imports, encodings, connection pool

        one = timed(lambda: drafter.draft_one(loop, 0))
        parallel = timed(lambda: drafter.draft_loop(loop))
        serial_settings = settings.model_copy(update={"max_concurrency": 1})
        serial = LLMDrafter(serial_settings, retry=RetryPolicy.no_wait())
        sequential = timed(lambda: serial.draft_loop(loop))
        overhead = (sequential - PEOPLE * LATENCY) / PEOPLE

        with Store(Path(home) / "bench.sqlite3") as store:
            full = LLMDrafter(
                serial_settings, store=store, lint=default_linter, retry=RetryPolicy.no_wait()
            )
            full.draft_loop(loop)  # warm up the linter's word lists
            full_sequential = timed(lambda: full.draft_loop(loop), runs=1)
        full_overhead = (full_sequential - PEOPLE * LATENCY) / PEOPLE
        requests = len(server.requests)

    print(f"server latency per response     {LATENCY * 1000:.0f} ms")
    print(f"one call                        {one * 1000:.0f} ms")
    print(
        f"{PEOPLE}-person loop, concurrency {PEOPLE}   {parallel * 1000:.0f} ms"
        f"  = {parallel / one:.2f}x one call (target <= 1.5x)"
    )
    print(
        f"{PEOPLE}-person loop, concurrency 1   {sequential * 1000:.0f} ms"
        f"  = {sequential / one:.2f}x one call"
    )
    print(f"overhead per note (draft only)  {overhead * 1000:.1f} ms (target < 20 ms)")
    print(f"overhead per note (+log, lint)  {full_overhead * 1000:.1f} ms")
    print(f"requests served                 {requests}")

    worst = 0
    for path in sorted(FIXTURES.glob("*.yaml")):
        est = estimate(load_debrief(path), load_settings(env={}))
        largest = max(p.tokens for p in est.prompts)
        worst = max(worst, largest)
        print(f"thank_you prompt tokens  {path.stem:<28} max {largest:>5,}  ({est.encoding})")
    print(f"largest thank_you prompt        {worst:,} tokens (target < 1,200)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
