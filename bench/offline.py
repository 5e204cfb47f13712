"""Offline drafter speed: time to draft every fixture loop, warm, and a 20-person loop.

Prints figures; asserts nothing. Run: .venv/bin/python bench/offline.py
"""

from __future__ import annotations

import time
from pathlib import Path
from statistics import median

from followup.debrief import load_debrief, parse_debrief
from followup.drafting import OfflineDrafter

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: object, repeat: int = 50) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return median(samples) * 1000


def main() -> None:
    drafter = OfflineDrafter()
    print(f"{'loop':32} {'people':>6} {'ms/loop':>8} {'ms/note':>8}")
    for path in sorted((ROOT / "fixtures" / "debriefs").glob("*.yaml")):
        debrief = load_debrief(path)
        ms = timed(lambda d=debrief: drafter.draft_loop(d))
        n = len(debrief.interviewers)
        print(f"{path.name:32} {n:>6} {ms:>8.2f} {ms / n:>8.2f}")
    people = "".join(
        f"  - {{name: Person{i} Smith, topics: [topic {i}], positives: [strength {i}]}}\n"
        for i in range(20)
    )
    big = parse_debrief(
        "candidate: {name: A B}\ninterview: {company: C, role: R, date: 2027-01-04}\n"
        "interviewers:\n" + people
    )
    ms = timed(lambda: drafter.draft_loop(big), repeat=20)
    print(f"{'20 people (limit)':32} {20:>6} {ms:>8.2f} {ms / 20:>8.2f}")


if __name__ == "__main__":
    main()
