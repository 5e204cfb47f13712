"""Failures of the file itself become one readable StoreError line naming it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from followup.debrief import Debrief
from followup.errors import StoreError
from followup.store import Store


def _one_line(exc: pytest.ExceptionInfo[StoreError], path: Path) -> str:
    message = str(exc.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_corrupt_file_is_one_line(tmp_path: Path) -> None:
    """A file that is not SQLite gives a one-line error saying it is damaged."""
    path = tmp_path / "followup.sqlite3"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not a database" in _one_line(info, path)
    assert "move it aside" in str(info.value)


def _open_and_read(path: Path) -> None:
    with Store(path) as store:
        for loop in store.list_loops():
            store.load_debrief(loop.loop_id)


def test_truncated_file_is_one_line(tmp_path: Path, debrief: Debrief) -> None:
    """A store cut short (a bad copy) fails in one line, not a traceback."""
    path = tmp_path / "followup.sqlite3"
    with Store(path) as store:
        for _ in range(20):
            store.save_debrief(debrief)
    # Fold the WAL into the main file, then chop the main file in half.
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(StoreError) as info:
        _open_and_read(path)
    _one_line(info, path)


def test_folder_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    """A home under a plain file cannot be created: one line naming the folder."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    path = blocker / "home" / "followup.sqlite3"
    with pytest.raises(StoreError) as info:
        Store(path)
    message = _one_line(info, path.parent)
    assert "FOLLOWUP_HOME" in message


def test_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    """A folder where the file should be is reported, not crashed on."""
    path = tmp_path / "followup.sqlite3"
    path.mkdir()
    with pytest.raises(StoreError) as info:
        Store(path)
    _one_line(info, path)


def test_locked_database_is_one_line(tmp_path: Path, debrief: Debrief) -> None:
    """A writer blocked past the busy timeout gets 'database is locked' with what to do."""
    path = tmp_path / "followup.sqlite3"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, busy_timeout=0.2) as store, pytest.raises(StoreError) as info:
            store.save_debrief(debrief)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = _one_line(info, path)
    assert "database is locked; close other followup windows" in message


def test_writer_waits_for_a_brief_lock(tmp_path: Path, debrief: Debrief) -> None:
    """A lock released within the busy timeout makes the save wait, not fail."""
    path = tmp_path / "followup.sqlite3"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        with Store(path, busy_timeout=5) as store:
            assert store.save_debrief(debrief).version == 1
    finally:
        timer.join()
        holder.close()


def test_failed_write_leaves_no_partial_version(tmp_path: Path, debrief: Debrief) -> None:
    """A save that fails midway rolls back: no loop without a debrief appears."""
    path = tmp_path / "followup.sqlite3"
    with Store(path) as store:
        db = sqlite3.connect(path)
        # Make the second statement of the save fail after the loop row is inserted.
        db.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON debrief_versions "
            "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
        db.commit()
        db.close()
        with pytest.raises(StoreError, match="disk trouble"):
            store.save_debrief(debrief)
        assert store.list_loops() == []
        (count,) = sqlite3.connect(path).execute("SELECT COUNT(*) FROM loops").fetchone()
        assert count == 0


def test_read_only_store_is_one_line(tmp_path: Path, debrief: Debrief) -> None:
    """A store SQLite may not write gives one line pointing at FOLLOWUP_HOME."""
    path = tmp_path / "followup.sqlite3"
    with Store(path) as store:
        # File modes do not stop root (these tests may run as root), so ask SQLite itself.
        store._db.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError) as info:
            store.save_debrief(debrief)
    message = _one_line(info, path)
    assert "readonly database; set FOLLOWUP_HOME to a folder you can write to" in message


def test_new_store_is_private_to_its_owner(tmp_path: Path, debrief: Debrief) -> None:
    """A new home folder is 0700 and the file and its WAL are 0600: debriefs are personal."""
    home = tmp_path / "home"
    with Store(home / "followup.sqlite3") as store:
        store.save_debrief(debrief)
        wal = Path(f"{store.path}-wal")
        assert wal.exists()
        assert wal.stat().st_mode & 0o777 == 0o600
    assert home.stat().st_mode & 0o777 == 0o700
    assert (home / "followup.sqlite3").stat().st_mode & 0o777 == 0o600
