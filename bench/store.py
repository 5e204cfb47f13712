"""Store timings: save and load 1,000 debrief versions, drafts, and the call cache.

Run: .venv/bin/python bench/store.py [DIR]  (prints figures; asserts nothing). DIR picks
the disk to measure (fsync costs differ between tmpfs and a real disk).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from followup.debrief import load_debrief
from followup.drafting.offline import OfflineDrafter
from followup.store import CallRecord, Store

N = 1_000
FIXTURE = Path(__file__).parent.parent / "fixtures" / "debriefs" / "harborline.yaml"


def _timed(label: str, runs: int, work: Callable[[int], object]) -> None:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        work(i)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"{label:<36} n={runs:>5}  median {statistics.median(times):7.3f} ms  "
        f"p95 {times[int(runs * 0.95) - 1]:7.3f} ms  total {sum(times) / 1000:6.2f} s"
    )


def main() -> None:
    debrief = load_debrief(FIXTURE)
    drafts = OfflineDrafter().draft_loop(debrief)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(dir=sys.argv[1] if len(sys.argv) > 1 else None) as tmp:
        path = Path(tmp) / "followup.sqlite3"
        start = time.perf_counter()
        store = Store(path)
        print(f"open + migrate a new file: {(time.perf_counter() - start) * 1000:.1f} ms")
        loop = store.save_debrief(debrief).loop_id

        def versions(i: int) -> object:
            interview = debrief.interview.model_copy(update={"overall": f"version {i}"})
            return store.save_debrief(debrief.model_copy(update={"interview": interview}), loop)

        _timed("save_debrief (new version)", N, versions)
        _timed("load_debrief (latest)", N, lambda i: store.load_debrief(loop))
        _timed(
            "load_debrief (random version)",
            N,
            lambda i: store.load_debrief(loop, rng.randint(1, N)),
        )
        _timed("save_drafts (3 notes)", N, lambda i: store.save_drafts(loop, drafts))
        _timed("load_drafts (latest)", N, lambda i: store.load_drafts(loop))
        _timed("list_loops (1 loop, 1,001 versions)", 100, lambda i: store.list_loops())

        def call(i: int) -> None:
            store.log_call(
                CallRecord(
                    request_key=f"key-{i}",
                    model="gpt-4o-mini",
                    base_url=None,
                    prompt="x" * 2000,
                    response="y" * 800,
                    latency_ms=900.0,
                    outcome="ok",
                    temperature=0.0,
                    created_at=dt.datetime.now(dt.UTC),
                )
            )

        _timed("log_call (2 kB prompt)", N, call)
        _timed("find_cached (hit)", N, lambda i: store.find_cached(f"key-{rng.randrange(N)}"))
        _timed("find_cached (miss)", N, lambda i: store.find_cached("absent"))
        store.close()
        start = time.perf_counter()
        Store(path).close()
        print(f"re-open an up-to-date file: {(time.perf_counter() - start) * 1000:.1f} ms")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"file size after the run: {size / 1024:,.0f} KiB")


if __name__ == "__main__":
    main()
