"""`followup lint` and `followup rules`: output formats, recipients, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEBRIEF = ROOT / "fixtures" / "debriefs" / "harborline.yaml"

CLEAN = (
    "Dear Mr. Okafor,\n\nThank you for taking the time to meet with me about the Operations "
    "Analyst role. I enjoyed our conversation about the weekly dashboard you built in Power BI, "
    "and I have built the same kind of dashboard for a 40-person team. Keeping reports simple "
    "for the floor supervisors matters to me as well. I would welcome the chance to contribute, "
    "and I look forward to hearing about the next step.\n\nBest regards,\nMorgan Hale\n"
)
SHARED = (
    "I was impressed by how carefully your team plans each warehouse migration, and my six "
    "years of KPI reporting would help keep that work on track."
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_note_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clean note prints no finding lines and exits 0."""
    code, out, _ = run(capsys, str(write(tmp_path, "tom-okafor.txt", CLEAN)))
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("0 error(s), 0 warning(s)")


def test_human_output_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each finding is `file:line:col: severity rule: message`, then its suggestion."""
    path = write(tmp_path, "note.txt", "Hey Tom,\n\nthx for the interview.\n")
    code, out, _ = run(capsys, str(path))
    lines = out.splitlines()
    assert f"{path}:1:1: error formality.casual-greeting: " in lines[0]
    assert lines[1].startswith("    suggestion: Dear")
    assert any(line.startswith(f"{path}:3:1: warning formality.slang: ") for line in lines)
    assert code == 1


def test_json_output_has_every_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints {"findings": [...]} with every Finding field plus the file."""
    path = write(tmp_path, "note.txt", "Hey Tom,\n\nthx for the interview.\n")
    _, out, _ = run(capsys, str(path), "--json")
    findings = json.loads(out)["findings"]
    assert findings
    expected = {
        "rule", "category", "severity", "start", "end", "line", "column", "message",
        "suggestion", "fix", "related_note", "related_start", "related_end", "file",
    }  # fmt: skip
    for f in findings:
        assert expected <= set(f)
        assert f["file"] == str(path)


@pytest.mark.parametrize(
    ("fail_on", "text", "code"),
    [
        ("error", "Hey Tom,\n\nThank you.\n", 1),
        ("error", CLEAN.replace("Thank you", "Thx"), 0),
        ("warning", CLEAN.replace("Thank you", "Thx"), 1),
        ("never", "Hey Tom,\n\nI really need this job.\n", 0),
    ],
)
def test_fail_on_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fail_on: str, text: str, code: int
) -> None:
    """Exit 1 only for findings at or above --fail-on (default error); never means 0."""
    path = write(tmp_path, "note.txt", text)
    assert run(capsys, str(path), "--fail-on", fail_on)[0] == code


def test_notes_given_together_are_one_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two files sharing a substantive sentence get duplication findings pointing at each other."""
    a = write(tmp_path, "priya-raman.txt", CLEAN.replace("Keeping reports", SHARED + " Keeping"))
    b = write(
        tmp_path,
        "tom-okafor.txt",
        CLEAN.replace("Mr. Okafor", "Priya").replace("Keeping reports", SHARED + " Keeping"),
    )
    code, out, _ = run(capsys, str(a), str(b), "--json")
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "duplication.cross-note"]
    assert {f["file"] for f in found} == {str(a), str(b)}
    assert {f["related_file"] for f in found} == {str(a), str(b)}
    assert code == 1


def test_debrief_matches_files_by_slug_and_salutation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--debrief finds each file's person by file name or by greeting; first-name rule applies."""
    by_slug = write(tmp_path, "tom-okafor.txt", CLEAN.replace("Mr. Okafor", "Tom"))
    by_greeting = write(tmp_path, "second.txt", CLEAN.replace("Mr. Okafor", "Tom"))
    _, out, _ = run(capsys, str(by_slug), str(by_greeting), "--debrief", str(DEBRIEF), "--json")
    found = json.loads(out)["findings"]
    first_name = {f["file"] for f in found if f["rule"] == "formality.first-name"}
    assert first_name == {str(by_slug), str(by_greeting)}


def test_to_names_the_recipient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--to picks the person from the debrief even when the file name says nothing."""
    path = write(tmp_path, "draft.txt", CLEAN.replace("Dear Mr. Okafor", "Dear Tom"))
    _, out, _ = run(capsys, str(path), "--debrief", str(DEBRIEF), "--to", "Tom Okafor", "--json")
    assert any(f["rule"] == "formality.first-name" for f in json.loads(out)["findings"])


def test_to_with_unknown_person_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--to naming nobody in the debrief is a one-line error and exit 2."""
    path = write(tmp_path, "draft.txt", CLEAN)
    code, _, err = run(capsys, str(path), "--debrief", str(DEBRIEF), "--to", "Nobody")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Nobody" in err


def test_disable_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--disable turns a rule or a category off for the run; an unknown name is exit 2."""
    path = write(tmp_path, "note.txt", "Hey Tom,\n\nthx.\n")
    _, out, _ = run(capsys, str(path), "--disable", "formality", "--json")
    assert not any(f["category"] == "formality" for f in json.loads(out)["findings"])
    assert run(capsys, str(path), "--disable", "formalty")[0] == 2


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"Dear Tom,\n\xff\xfe bad bytes\n", "not UTF-8"), (None, "no such file")],
)
def test_unreadable_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, needle: str
) -> None:
    """A non-UTF-8 or missing file is one error line naming the file, and exit 2."""
    path = tmp_path / "note.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0]
    assert needle in lines[0]
    assert out == ""


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """`followup rules` prints each rule with its category, severity and rationale."""
    from followup.lint import rules

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for info in rules():
        assert f"{info.id}  [{info.category}, {info.severity}]" in out
    assert main(["rules", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(rules())


def test_lint_process_runs_standalone(tmp_path: Path) -> None:
    """The installed entry point lints a file in a fresh process and sets the exit code."""
    path = write(tmp_path, "note.txt", "Hey Tom,\n\nI really need this job.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "followup.cli", "lint", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert "pushy.pressure" in proc.stdout


def test_linting_loads_no_drafting_machinery(tmp_path: Path) -> None:
    """`followup lint` must start fast: the package imports its public names lazily."""
    path = write(tmp_path, "note.txt", "Dear Tom,\n\nThank you for your time.\n\nBest,\nSam\n")
    probe = (
        "import sys; from followup.cli import main; main(['lint', sys.argv[1]]); "
        "print(sorted(m for m in sys.modules if m.startswith(('followup.drafting', 'langchain'))))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=False
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_every_public_name_resolves() -> None:
    import followup

    assert all(getattr(followup, name) is not None for name in followup.__all__)
    assert sorted(dir(followup)) == sorted(followup.__all__)
