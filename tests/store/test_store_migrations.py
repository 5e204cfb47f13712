"""Schema migrations: an ordered list, each run once, recorded; older files upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from followup.debrief import Debrief
from followup.errors import StoreError
from followup.store import MIGRATIONS, Store, migrate


def _applied(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    names = [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY rowid")]
    db.close()
    return names


def test_empty_database_gets_every_migration_once(tmp_path: Path) -> None:
    """A new file records every migration, in order, and user_version counts them."""
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    Store(path).close()
    assert _applied(path) == [m.__name__ for m in MIGRATIONS]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db.close()


def test_migrate_returns_only_what_it_ran(tmp_path: Path) -> None:
    """migrate() runs the pending migrations and none a second time."""
    db = sqlite3.connect(tmp_path / "s.sqlite3", isolation_level=None)
    assert migrate(db, MIGRATIONS[:1]) == [MIGRATIONS[0].__name__]
    assert migrate(db) == [m.__name__ for m in MIGRATIONS[1:]]
    assert migrate(db) == []
    db.close()


def test_older_file_keeps_its_data_and_is_upgraded(tmp_path: Path, debrief: Debrief) -> None:
    """A file with only the first migration, holding a loop, opens with current code intact."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, MIGRATIONS[:1])
    # What the first release wrote, by hand, with no newer tables present.
    from followup.debrief import dump_debrief

    db.execute("INSERT INTO loops (id, created_at) VALUES (1, '2027-03-09T18:00:00+00:00')")
    db.execute(
        "INSERT INTO debrief_versions VALUES (1, 1, '2027-03-09T18:00:00+00:00', "
        "'Harborline Logistics', 'Operations Analyst', '2027-03-09', ?)",
        (dump_debrief(debrief, "json"),),
    )
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert "drafts" not in tables

    with Store(path) as store:
        assert store.load_debrief(1) == debrief
        assert store.save_debrief(debrief, loop_id=1).version == 2
        assert store.load_drafts(1) == []  # the drafts table now exists
    Store(path).close()
    assert _applied(path) == [m.__name__ for m in MIGRATIONS]


def test_newer_schema_is_refused_in_one_line(tmp_path: Path) -> None:
    """A file carrying a migration this code does not know is refused, naming the file."""
    path = tmp_path / "new.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO migrations VALUES ('m999_from_the_future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(StoreError) as info:
        Store(path)
    message = str(info.value)
    assert message.startswith(f"{path}: written by a newer followup")
    assert "m999_from_the_future" in message
    assert "\n" not in message


def test_migrations_are_small_named_functions_in_order() -> None:
    """Migration names are unique and numbered in the order they run."""
    names = [m.__name__ for m in MIGRATIONS]
    assert len(set(names)) == len(names)
    assert names == sorted(names)
