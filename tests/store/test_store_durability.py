"""Durability: a process killed in the middle of a save leaves the last complete version."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from followup.debrief import Debrief
from followup.store import Store

HARBORLINE = Path(__file__).parents[2] / "fixtures" / "debriefs" / "harborline.yaml"

# The child saves versions of one loop as fast as it can, acknowledging each
# on stdout only after save_debrief returned (that is, after COMMIT).
CHILD = """
import sys
from pathlib import Path
from followup.debrief import load_debrief
from followup.store import Store

debrief = load_debrief(sys.argv[2])
store = Store(Path(sys.argv[1]))
loop = store.save_debrief(debrief).loop_id
i = 0
while True:
    i += 1
    # A long overall line makes each version a few kilobytes, so saves take time.
    text = f"v{i} " + "x" * 1500
    interview = debrief.interview.model_copy(update={"overall": text})
    store.save_debrief(debrief.model_copy(update={"interview": interview}), loop_id=loop)
    print(i, flush=True)
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_mid_save_leaves_last_version_readable(
    tmp_path: Path, debrief: Debrief, variant: Callable[[Debrief, str], Debrief], seed: int
) -> None:
    """After SIGKILL at a random moment, the latest version loads and is one that was saved."""
    rng = random.Random(seed)
    path = tmp_path / "followup.sqlite3"
    acknowledged = 0
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(HARBORLINE)],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        try:
            for _ in range(rng.randint(3, 15)):
                acknowledged = int(child.stdout.readline())
            time.sleep(rng.uniform(0, 0.05))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    assert child.returncode == -signal.SIGKILL

    with Store(path) as store:
        (summary,) = store.list_loops()
        latest = store.load_debrief(summary.loop_id)
        overall = latest.interview.overall or ""
        number = int(overall.split()[0].removeprefix("v"))
        # Every save the child confirmed survived; at most a few more may have committed.
        assert number >= acknowledged
        assert summary.debrief_versions == number + 1
        assert latest == variant(debrief, f"v{number} " + "x" * 1500)
        for version in range(1, summary.debrief_versions + 1):
            store.load_debrief(summary.loop_id, version)
