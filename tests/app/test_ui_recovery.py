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


def test_note_edits_kept_in_the_browser_come_back_as_edits(tmp_path: Path) -> None:
    state: dict[str, object] = {}
    actions.init(state, tmp_path)
    drafts = [
        Draft(interviewer="A", subject="Thanks", body="Dear A, thank you."),
        Draft(interviewer="B", subject="Thanks", body="Dear B, thank you."),
    ]
    actions.set_drafts(state, drafts)
    assert actions.save_if_dirty(state, tmp_path) is None
    base = state[actions.NOTES_BASE]
    typed = {
        actions.body_key(1): "Dear B, thank you. P.S. typed",
        actions.body_key(0): "Dear A, thank you.",  # as saved: not an edit
        actions.body_key(7): "no such note",
        "form_company": "not a note field",
    }
    assert actions.restore_notes(state, typed) == [1]
    assert state[actions.DRAFTS][1].body == "Dear B, thank you. P.S. typed"  # type: ignore[index]
    assert state[actions.DRAFTS][0].body == "Dear A, thank you."  # type: ignore[index]
    assert "form_company" not in state or state["form_company"] == ""
    assert actions.save_if_dirty(state, tmp_path) is None
    assert state[actions.NOTES_BASE] != base
    assert load_working(tmp_path).edited  # type: ignore[union-attr]


def test_keeper_groups_and_restore(tmp_path: Path) -> None:
    from followup.ui import draftkeeper

    state: dict[str, object] = {}
    actions.init(state, tmp_path)
    actions.set_drafts(state, [Draft(interviewer="A", subject="S", body="B")])
    groups = {g["name"]: g for g in draftkeeper.groups(state)}
    assert groups["form"]["base"] == state[actions.FORM_BASE]
    assert field_key("company") in groups["form"]["keys"]
    assert groups["notes"]["keys"] == [actions.subject_key(0), actions.body_key(0)]
    assert "tone_note" in groups["pasted"]["keys"]

    draftkeeper.restore(
        state,
        {
            "form": {field_key("company"): "Acme"},
            "notes": {actions.body_key(0): "B, edited"},
            "pasted": {"tone_note": "Dear Ms. Park", "fu_drafts": "not pasted"},
        },
    )
    assert state[field_key("company")] == "Acme"
    assert state[actions.DRAFTS][0].body == "B, edited"  # type: ignore[index]
    assert state["tone_note"] == "Dear Ms. Park"
    assert isinstance(state[actions.DRAFTS], list)
    assert [m for _, m in state[actions.NOTICES]][-1].startswith("Restored what you had typed")  # type: ignore[attr-defined]

    before = list(state[actions.NOTICES])  # type: ignore[call-overload]
    draftkeeper.restore(state, {"form": {field_key("company"): "Acme"}})  # nothing new
    draftkeeper.restore(state, "not a mapping")
    assert state[actions.NOTICES] == before
