"""The working state on disk: written atomically, restored, never fatal when damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from followup.drafting.base import Draft
from followup.ui import actions
from followup.ui.recovery import WORKING_FILE, Working, load_working, save_working
from followup.ui.state import FormState, PersonForm, field_key, fingerprint


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


def test_form_base_follows_the_form_saved_to_disk(tmp_path: Path) -> None:
    """The browser's kept text is tagged with this; it must change exactly when the disk does."""
    state: dict[str, object] = {}
    actions.init(state, tmp_path)
    empty = state[actions.FORM_BASE]
    assert empty == fingerprint(FormState())
    state[field_key("company")] = "Typed, not submitted"
    assert actions.save_if_dirty(state, tmp_path) is None  # nothing committed: no write
    assert state[actions.FORM_BASE] == empty
    actions.submit(state)  # incomplete, so saved as typed with errors
    assert actions.save_if_dirty(state, tmp_path) is None
    assert state[actions.FORM_BASE] != empty

    fresh: dict[str, object] = {}
    actions.init(fresh, tmp_path)
    assert fresh[actions.FORM_BASE] == state[actions.FORM_BASE]
