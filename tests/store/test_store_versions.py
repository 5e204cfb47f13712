"""Debrief and draft versions: round trips, numbering, nothing overwritten."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from followup.debrief import Debrief, dump_debrief
from followup.drafting.base import Draft
from followup.drafting.offline import OfflineDrafter
from followup.errors import InputError, StoreError
from followup.settings import load_settings
from followup.store import SavedVersion, Store


def test_debrief_round_trip_is_equal(store: Store, debrief: Debrief) -> None:
    """A saved debrief loads back equal to what was saved."""
    saved = store.save_debrief(debrief)
    assert saved == SavedVersion(loop_id=1, version=1)
    assert store.load_debrief(saved.loop_id) == debrief


def test_each_save_is_a_new_version_and_old_ones_stay(
    store: Store, debrief: Debrief, variant: Callable[[Debrief, str], Debrief]
) -> None:
    """Saving to an existing loop adds version 2, 3...; every earlier version still loads."""
    first = store.save_debrief(variant(debrief, "one"))
    second = store.save_debrief(variant(debrief, "two"), loop_id=first.loop_id)
    third = store.save_debrief(variant(debrief, "three"), loop_id=first.loop_id)
    assert (second.version, third.version) == (2, 3)
    assert {first.loop_id, second.loop_id, third.loop_id} == {first.loop_id}
    assert store.load_debrief(first.loop_id).interview.overall == "three"
    assert store.load_debrief(first.loop_id, 1).interview.overall == "one"
    assert store.load_debrief(first.loop_id, 2).interview.overall == "two"


def test_saving_without_loop_id_starts_a_new_loop(store: Store, debrief: Debrief) -> None:
    """Each save without a loop id creates a separate loop at version 1."""
    a = store.save_debrief(debrief)
    b = store.save_debrief(debrief)
    assert a.loop_id != b.loop_id
    assert a.version == b.version == 1


def test_debrief_is_stored_as_its_json_dump(store: Store, debrief: Debrief) -> None:
    """The stored text is exactly dump_debrief(..., "json"), readable by other tools."""
    saved = store.save_debrief(debrief)
    db = sqlite3.connect(store.path)
    (text,) = db.execute(
        "SELECT debrief_json FROM debrief_versions WHERE loop_id = ?", (saved.loop_id,)
    ).fetchone()
    db.close()
    assert text == dump_debrief(debrief, "json")


def test_unknown_loop_and_version_are_input_errors(store: Store, debrief: Debrief) -> None:
    """Asking for a loop or version that does not exist names it in one line."""
    saved = store.save_debrief(debrief)
    with pytest.raises(InputError, match=r"^no loop 99; "):
        store.load_debrief(99)
    with pytest.raises(InputError, match=r"^no loop 99; "):
        store.save_debrief(debrief, loop_id=99)
    with pytest.raises(InputError, match=r"^loop 1 has no debrief version 7$"):
        store.load_debrief(saved.loop_id, 7)


def test_tampered_debrief_is_revalidated_on_load(store: Store, debrief: Debrief) -> None:
    """A stored debrief edited into an invalid one fails on load with a one-line StoreError."""
    saved = store.save_debrief(debrief)
    db = sqlite3.connect(store.path)
    db.execute("UPDATE debrief_versions SET debrief_json = '{\"candidate\": {}}'")
    db.commit()
    db.close()
    with pytest.raises(StoreError) as info:
        store.load_debrief(saved.loop_id)
    message = str(info.value)
    assert "\n" not in message
    assert str(store.path) in message
    assert "loop 1 version 1" in message


def _drafts(debrief: Debrief) -> list[Draft]:
    return OfflineDrafter().draft_loop(debrief)


def test_drafts_round_trip_in_order(store: Store, debrief: Debrief) -> None:
    """Saved drafts load back equal and in the same order."""
    loop = store.save_debrief(debrief).loop_id
    drafts = _drafts(debrief)
    assert store.save_drafts(loop, drafts) == 1
    assert store.load_drafts(loop) == drafts


def test_draft_versions_accumulate(store: Store, debrief: Debrief) -> None:
    """Each save_drafts adds a version; the listing counts notes and names backends."""
    loop = store.save_debrief(debrief).loop_id
    drafts = _drafts(debrief)
    edited = [drafts[0].model_copy(update={"body": "Edited.", "backend": "openai"}), *drafts[1:]]
    assert store.save_drafts(loop, drafts) == 1
    assert store.save_drafts(loop, edited) == 2
    versions = store.list_draft_versions(loop)
    assert [(v.version, v.count, v.backends) for v in versions] == [
        (1, 3, ("offline",)),
        (2, 3, ("offline", "openai")),
    ]
    assert store.load_drafts(loop, 1) == drafts
    assert store.load_drafts(loop)[0].body == "Edited."


def test_no_drafts_yet_loads_empty_but_missing_version_is_an_error(
    store: Store, debrief: Debrief
) -> None:
    """The latest drafts of a loop without any are []; a named missing version is an error."""
    loop = store.save_debrief(debrief).loop_id
    assert store.load_drafts(loop) == []
    assert store.list_draft_versions(loop) == []
    with pytest.raises(InputError, match="no draft version 1"):
        store.load_drafts(loop, 1)
    with pytest.raises(InputError, match="no drafts to save"):
        store.save_drafts(loop, [])


def test_list_loops_describes_latest_version(store: Store, debrief: Debrief) -> None:
    """The loop list shows the latest debrief's company and role and counts versions."""
    a = store.save_debrief(debrief).loop_id
    renamed = debrief.model_copy(
        update={"interview": debrief.interview.model_copy(update={"role": "Lead Analyst"})}
    )
    store.save_debrief(renamed, loop_id=a)
    store.save_drafts(a, _drafts(debrief))
    b = store.save_debrief(debrief).loop_id
    loops = store.list_loops()
    assert [(s.loop_id, s.role, s.debrief_versions, s.draft_versions) for s in loops] == [
        (a, "Lead Analyst", 2, 1),
        (b, "Operations Analyst", 1, 0),
    ]
    assert loops[0].company == "Harborline Logistics"
    assert loops[0].interview_date == dt.date(2027, 3, 9)
    assert loops[0].state == "active"
    assert loops[0].updated_at.tzinfo is not None


def test_store_open_uses_settings_home(followup_home: Path, debrief: Debrief) -> None:
    """Store.open() puts the file at settings.db_path under FOLLOWUP_HOME."""
    with Store.open() as store:
        store.save_debrief(debrief)
    assert load_settings().db_path == followup_home / "followup.sqlite3"
    assert (followup_home / "followup.sqlite3").is_file()
