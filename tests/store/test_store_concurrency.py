"""Concurrent readers and writers: separate connections and one shared store."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from followup.debrief import Debrief
from followup.store import CallRecord, Store


def _run(workers: list[Callable[[], None]]) -> list[BaseException]:
    errors: list[BaseException] = []

    def guard(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=guard, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_readers_see_whole_versions_while_a_writer_saves(
    tmp_path: Path, debrief: Debrief, variant: Callable[[Debrief, str], Debrief]
) -> None:
    """Readers on their own connections never fail or see a half-written version."""
    path = tmp_path / "followup.sqlite3"
    with Store(path) as store:
        loop = store.save_debrief(variant(debrief, "v0")).loop_id
    written = {f"v{i}" for i in range(31)}
    seen: list[str] = []

    def writer() -> None:
        with Store(path) as store:
            for i in range(1, 31):
                store.save_debrief(variant(debrief, f"v{i}"), loop_id=loop)

    def reader() -> None:
        with Store(path) as store:
            for _ in range(40):
                overall = store.load_debrief(loop).interview.overall
                assert overall is not None
                seen.append(overall)
                store.list_loops()

    assert _run([writer, reader, reader, reader]) == []
    assert set(seen) <= written
    with Store(path) as store:
        assert store.load_debrief(loop).interview.overall == "v30"
        assert store.list_loops()[0].debrief_versions == 31


def test_one_store_shared_by_threads(store: Store, debrief: Debrief) -> None:
    """Threads sharing one Store (the drafter's workers) log and save without clashing."""
    import datetime as dt

    loop = store.save_debrief(debrief).loop_id

    def worker(n: int) -> Callable[[], None]:
        def work() -> None:
            for i in range(10):
                store.log_call(
                    CallRecord(
                        request_key=f"{n}-{i}",
                        model="m",
                        base_url=None,
                        prompt="p",
                        response="r",
                        latency_ms=1.0,
                        outcome="ok",
                        temperature=0.0,
                        created_at=dt.datetime.now(dt.UTC),
                    )
                )
                store.save_debrief(debrief, loop_id=loop)
                store.find_cached(f"{n}-{i}")

        return work

    assert _run([worker(n) for n in range(4)]) == []
    assert len(store.calls(limit=1000)) == 40
    assert store.list_loops()[0].debrief_versions == 41
