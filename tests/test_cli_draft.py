"""`followup draft` and `followup schema` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.cli import main

ROOT = Path(__file__).parent.parent
HARBORLINE = ROOT / "fixtures" / "debriefs" / "harborline.yaml"
GOOD = """\
candidate: {name: Alex Kim}
interview: {company: Acme, role: Analyst, date: 2027-02-01}
interviewers:
  - {name: Jo Park, first_name_invited: true, topics: [the data platform]}
  - {name: Sam Reyes, honorific: Mr., topics: [sailing]}
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_draft_json_lists_one_note_per_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints interviewer, email, subject and body for every person."""
    path = tmp_path / "d.yaml"
    path.write_text(GOOD)
    code, out, _ = run(["draft", str(path), "--json"], capsys)
    assert code == 0
    notes = json.loads(out)
    assert [n["interviewer"] for n in notes] == ["Jo Park", "Sam Reyes"]
    assert {"interviewer", "email", "subject", "body"} <= set(notes[0])
    assert notes[0]["body"].startswith("Dear Jo,")
    assert notes[1]["body"].startswith("Dear Mr. Reyes,")


def test_draft_prints_each_note_with_its_recipient(capsys: pytest.CaptureFixture[str]) -> None:
    """Plain output shows To, Subject and body for each person."""
    code, out, _ = run(["draft", str(HARBORLINE)], capsys)
    assert code == 0
    assert out.count("Subject: ") == 3
    assert "To: Priya Raman <priya.raman@harborline.example>" in out
    assert "Dear Priya," in out


def test_draft_out_writes_one_file_per_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out DIR writes DIR/<slug>.txt for each person, subject first."""
    code, out, _ = run(["draft", str(HARBORLINE), "--out", str(tmp_path / "notes")], capsys)
    assert code == 0
    files = sorted(p.name for p in (tmp_path / "notes").iterdir())
    assert files == ["dana-whitfield.txt", "priya-raman.txt", "tom-okafor.txt"]
    text = (tmp_path / "notes" / "priya-raman.txt").read_text()
    assert text.startswith("Subject: ")
    assert "Dear Priya," in text
    assert str(tmp_path / "notes" / "priya-raman.txt") in out


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`followup schema` prints the debrief JSON Schema."""
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    assert json.loads(out)["title"] == "followup debrief"


BAD_INPUTS = {
    "malformed.yaml": b"candidate: {name: [\n",
    "unknown.yaml": GOOD.replace("sailing]}", "sailing], hat: blue}").encode(),
    "enum.yaml": GOOD.replace("honorific: Mr.", "honorific: Sir").encode(),
    "empty-list.yaml": GOOD.split("interviewers:")[0].encode() + b"interviewers: []\n",
    "binary.yaml": b"candidate:\n  name: \xc3\x28\xff\n",
    "huge.yaml": b"# padding\n" * (600 * 1024),
    "empty.yaml": b"",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_and_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each kind of bad debrief gives a short error naming the file, and exit code 2."""
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    code, out, err = run(["draft", str(path)], capsys)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"followup: error: {path}: ")
    assert "Traceback" not in err


def test_console_script_never_shows_a_traceback(tmp_path: Path) -> None:
    """The installed `followup` command reports a bad file in one line on stderr."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\xff\xfe\x00")
    exe = Path(sys.executable).with_name("followup")
    proc = subprocess.run(
        [str(exe), "draft", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "not UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unexpected_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug surfaces as one 'internal error' line, not a traceback."""
    from followup import service

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(service, "draft_loop", broken)
    monkeypatch.delenv("FOLLOWUP_DEBUG", raising=False)
    code, _, err = run(["draft", str(HARBORLINE)], capsys)
    assert code == 1
    assert err == (
        "followup: internal error: RuntimeError: boom second line "
        "(set FOLLOWUP_DEBUG=1 for the traceback)\n"
    )
