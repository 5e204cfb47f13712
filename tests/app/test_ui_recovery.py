"""The working state on disk: written atomically, restored, never fatal when damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from followup.drafting.base import Draft
from followup.ui.recovery import WORKING_FILE, Working, load_working, save_working
from followup.ui.state import FormState, PersonForm


def _working() -> Working:
    return Working(
        form=FormState(company="Harborline", people=(PersonForm(name="", topics="half typed"),)),
        drafts=(Draft(interviewer="Priya", subject="Thanks", body="Dear Priya, <script>"),),
        loop_id=3,
        saved_at=dt.datetime(2027, 3, 9, 12, tzinfo=dt.UTC),
    )


def test_saved_state_is_restored(tmp_path: Path) -> None:
    """What was saved, even an invalid form, loads back equal."""
    save_working(tmp_path, _working())
    assert load_working(tmp_path) == _working()


def test_missing_file_gives_none(tmp_path: Path) -> None:
    """No saved state: None, not an error."""
    assert load_working(tmp_path / "nowhere") is None


def test_damaged_file_gives_none(tmp_path: Path) -> None:
    """A truncated or foreign file never stops the app: None."""
    (tmp_path / WORKING_FILE).write_text('{"form": {"company": ', encoding="utf-8")
    assert load_working(tmp_path) is None


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    """Only working.json remains after a save (the temporary file was renamed)."""
    save_working(tmp_path, _working())
    save_working(tmp_path, _working())
    assert [p.name for p in tmp_path.iterdir()] == [WORKING_FILE]
