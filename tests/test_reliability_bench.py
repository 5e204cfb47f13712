"""The reliability report (bench/reliability.py --quick) runs clean: nothing it tries fails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A table row: name, four counts, seconds with two decimals, an optional note.
ROW = re.compile(r"^(?P<name>\S.*?)" + r"\s+([\d,]+)" * 4 + r"\s+(\d+\.\d\d)(?:\s|$)")


@dataclass(frozen=True)
class Report:
    returncode: int
    stdout: str
    rows: dict[str, tuple[int, int, int, int]]  # name -> (tried, faults, survived, failed)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """One quick run of the bench, in a fresh home and without model settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FOLLOWUP_"))}
    env["FOLLOWUP_HOME"] = str(tmp_path_factory.mktemp("reliability-home"))
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "reliability.py"), "--quick", "--seed", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    rows = {}
    for line in done.stdout.splitlines():
        if m := ROW.match(line):
            figures = tuple(int(g.replace(",", "")) for g in m.groups()[1:5])
            rows[m.group("name")] = (figures[0], figures[1], figures[2], figures[3])
    return Report(done.returncode, done.stdout + done.stderr, rows)


def test_quick_run_exits_zero_with_nothing_failed(report: Report) -> None:
    """The quick run exits 0 and its totals line reports every try survived, 0 failed."""
    assert report.returncode == 0, report.stdout
    tried, faults, survived, failed = report.rows["total"]
    assert failed == 0, report.stdout
    assert tried > 200
    assert survived == tried
    assert faults > 0


def test_every_input_family_and_fault_is_tried(report: Report) -> None:
    """Each input family and each injected fault of the brief has a row that tried something."""
    expected = [
        "debrief: valid, odd unicode",
        "debrief: valid, near limits",
        "debrief: unknown field",
        "debrief: wrong enum",
        "debrief: malformed YAML/JSON",
        "debrief: non-UTF-8 bytes",
        "debrief: over-size file",
        "debrief: empty interviewer list",
        "lint_note: empty or blank",
        "lint_note: control chars",
        "lint_note: RTL",
        "lint_note: combining marks",
        "lint_note: emoji sequences",
        "lint_note: over 1 MB",
        "lint_loop: mixed loops",
        "fault: latency beyond timeout",
        "fault: 429 with Retry-After",
        "fault: 429 without Retry-After",
        "fault: 500",
        "fault: connection refused, every attempt",
        "fault: malformed JSON",
        "fault: stream cut short",
        "fault: empty completion",
        "fault: wrong language",
        "fault: 5,000-word completion",
        "fault: 500, every attempt",
        "store: debrief + drafts reload",
        "secret: fake key never written",
    ]
    missing = [name for name in expected if name not in report.rows]
    assert not missing, report.stdout
    for name in expected:
        tried, faults, survived, failed = report.rows[name]
        assert tried > 0, name
        assert (survived, failed) == (tried, 0), name
        if name.startswith("fault:") and "baseline" not in name:
            assert faults > 0, f"{name}: no fault was served"
    assert "sk-test-RELIABILITY" not in report.stdout
