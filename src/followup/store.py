"""SQLite persistence: debrief and draft versions per loop, the model call log, outcomes.

Nothing is ever overwritten: every save adds a version. The schema grows by an
ordered list of small migration functions, each run once and recorded in the
``migrations`` table (the pattern of Simon Willison's ``llm/migrations.py``).

Durability: WAL journal with ``synchronous=FULL``. NORMAL already survives a
killed process, but in WAL mode it may lose the last commits on a power cut;
the writes here are a person's debriefs and notes, made at human pace, so an
fsync per commit costs nothing anyone notices and buys keeping the last save.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from followup.debrief import Debrief, dump_debrief, parse_debrief
from followup.drafting.base import Draft
from followup.errors import FollowupError, InputError, StoreError

if TYPE_CHECKING:
    from followup.cadence import OutcomeRecord
    from followup.settings import Settings

__all__ = [
    "MIGRATIONS",
    "CallRecord",
    "DraftVersion",
    "LoopSummary",
    "RecordedState",
    "SavedVersion",
    "Store",
    "migrate",
]

# A loop's state as its outcomes record it: the latest rejected/offer/withdrawn, else active.
RecordedState = Literal["active", "rejected", "offer", "withdrawn"]
_REDACTED = "[redacted]"


class SavedVersion(BaseModel):
    """Where a save landed: the loop and its new version number."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    loop_id: int
    version: int


class LoopSummary(BaseModel):
    """One interview loop as listed: its latest debrief's headline and its counts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    loop_id: int
    company: str
    role: str
    interview_date: dt.date
    updated_at: dt.datetime
    debrief_versions: int
    draft_versions: int
    # From recorded outcomes only; "moved_on" (three strikes) needs the plan.
    state: RecordedState


class DraftVersion(BaseModel):
    """One saved set of notes for a loop."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    created_at: dt.datetime
    count: int
    backends: tuple[str, ...]


class CallRecord(BaseModel):
    """One model call as logged. There is no field for the API key, on purpose."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    request_key: str
    model: str
    base_url: str | None
    prompt: str
    response: str | None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float
    outcome: Literal["ok", "error", "cached"]
    error: str | None = None
    temperature: float
    created_at: dt.datetime


# ---------------------------------------------------------------- migrations


def m001_debriefs(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE loops (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE debrief_versions (
            loop_id INTEGER NOT NULL REFERENCES loops(id),
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            company TEXT NOT NULL,
            role TEXT NOT NULL,
            interview_date TEXT NOT NULL,
            debrief_json TEXT NOT NULL,
            PRIMARY KEY (loop_id, version)
        )"""
    )


def m002_drafts(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE draft_versions (
            loop_id INTEGER NOT NULL REFERENCES loops(id),
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (loop_id, version)
        )"""
    )
    db.execute(
        """CREATE TABLE drafts (
            loop_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            position INTEGER NOT NULL,
            backend TEXT NOT NULL,
            draft_json TEXT NOT NULL,
            PRIMARY KEY (loop_id, version, position),
            FOREIGN KEY (loop_id, version) REFERENCES draft_versions(loop_id, version)
        )"""
    )


def m003_calls(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            request_key TEXT NOT NULL,
            model TEXT NOT NULL,
            base_url TEXT,
            prompt TEXT NOT NULL,
            response TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            latency_ms REAL NOT NULL,
            outcome TEXT NOT NULL,
            error TEXT,
            temperature REAL NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX calls_by_key ON calls (request_key, outcome, id)")


def m004_outcomes(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE outcomes (
            id INTEGER PRIMARY KEY,
            loop_id INTEGER NOT NULL REFERENCES loops(id),
            step_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            at TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX outcomes_by_loop ON outcomes (loop_id, at, id)")


Migration = Callable[[sqlite3.Connection], None]
# Append only: a migration, once released, is never edited, renamed or reordered.
MIGRATIONS: tuple[Migration, ...] = (m001_debriefs, m002_drafts, m003_calls, m004_outcomes)


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # IMMEDIATE takes the write lock up front, so two writers wait (busy
    # timeout) instead of failing halfway when both try to upgrade a read.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        # Some errors (disk full, I/O) make SQLite roll back on its own.
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Run each migration not yet recorded, in order, one transaction each; returns their names.

    Raises ``RuntimeError`` if the file records a migration this code does not
    know (written by a newer followup); ``Store`` turns that into a ``StoreError``.
    """
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    known = {m.__name__ for m in MIGRATIONS}

    def applied() -> set[str]:
        done = {str(row[0]) for row in db.execute("SELECT name FROM migrations")}
        if unknown := sorted(done - known):
            raise _NewerSchemaError(unknown[-1])
        return done

    applied_now: list[str] = []
    # Checked first without the write lock, so opening an up-to-date file never waits.
    pending = [m for m in migrations if m.__name__ not in applied()]
    for migration in pending:
        with _transaction(db):
            # Re-read under the write lock: another process may have just migrated.
            done = applied()
            if migration.__name__ in done:
                continue
            migration(db)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.__name__, _now()),
            )
            db.execute(f"PRAGMA user_version = {len(done) + 1}")
            applied_now.append(migration.__name__)
    return applied_now


class _NewerSchemaError(RuntimeError):
    """The file carries a migration this version of followup does not know."""


# ---------------------------------------------------------------- helpers


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _hint(exc: sqlite3.Error) -> str:
    """The sqlite message, with what to do about it when we know."""
    msg = " ".join(str(exc).split()) or type(exc).__name__
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return f"{msg}; close other followup windows and try again"
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"{msg}; the file is damaged or not a followup store: move it aside to start afresh"
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return f"{msg}; set FOLLOWUP_HOME to a folder you can write to"
    return msg


def _secrets(extra: Sequence[str]) -> list[str]:
    env_key = os.environ.get("OPENAI_API_KEY", "").strip()
    return [s for s in (*extra, env_key) if s]


def _redact(text: str | None, secrets: Sequence[str]) -> str | None:
    if text is None:
        return None
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return text


def _utc(moment: dt.datetime) -> str:
    """An ISO timestamp in UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


# ---------------------------------------------------------------- the store


class Store:
    """One SQLite file holding every loop. Safe to share between threads."""

    def __init__(
        self, path: Path, *, secrets: Sequence[str] = (), busy_timeout: float = 5.0
    ) -> None:
        """Open (creating the folder and file if needed) and migrate.

        ``secrets`` are strings never to be written (the API key); the current
        ``OPENAI_API_KEY`` is always among them. ``busy_timeout`` is how many
        seconds to wait for another writer before giving up.
        """
        self.path = Path(path)
        self._secrets = tuple(secrets)
        # One connection, one lock: the LLM drafter logs calls from worker threads.
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise StoreError(
                f"{self.path.parent}: cannot create the folder ({reason}); "
                "set FOLLOWUP_HOME to a folder you can write to"
            ) from None
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a followup store")
        created = not self.path.exists()
        try:
            self._db = sqlite3.connect(
                self.path,
                timeout=busy_timeout,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # guarded by self._lock
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {_hint(exc)}") from None
        try:
            if created:
                # Debriefs are personal notes about people: owner-only, like ~/.ssh.
                # SQLite gives the -wal and -shm files the same permissions.
                self.path.chmod(0o600)
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._db.execute("PRAGMA foreign_keys = ON")
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{self.path}: cannot use a write-ahead log (journal is {mode})")
            self._db.execute("PRAGMA synchronous = FULL")
            migrate(self._db)
        except _NewerSchemaError as exc:
            self._db.close()
            raise StoreError(
                f"{self.path}: written by a newer followup (schema step {exc}); "
                "upgrade followup to open it"
            ) from None
        except (sqlite3.Error, OSError) as exc:
            self._db.close()
            reason = (
                _hint(exc)
                if isinstance(exc, sqlite3.Error)
                else (exc.strerror or type(exc).__name__)
            )
            raise StoreError(f"{self.path}: {reason}") from None
        except StoreError:
            self._db.close()
            raise

    @classmethod
    def open(cls, settings: Settings | None = None) -> Store:
        """The store at ``settings.db_path`` (settings from the environment by default)."""
        if settings is None:
            from followup.settings import load_settings

            settings = load_settings()
        key = settings.api_key.get_secret_value() if settings.api_key else ""
        return cls(settings.db_path, secrets=(key,) if key else ())

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors(), _transaction(self._db) as db:
            yield db

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        # A read transaction gives one consistent snapshot across several SELECTs.
        with self._lock, self._errors():
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {_hint(exc)}") from None

    def _check_loop(self, db: sqlite3.Connection, loop_id: int) -> None:
        if db.execute("SELECT 1 FROM loops WHERE id = ?", (loop_id,)).fetchone() is None:
            raise InputError(f"no loop {loop_id}; `followup loops` lists them")

    # ------------------------------------------------------------ debriefs

    def save_debrief(self, debrief: Debrief, loop_id: int | None = None) -> SavedVersion:
        """Store ``debrief`` as version 1 of a new loop, or as the next version of ``loop_id``."""
        text = dump_debrief(debrief, "json")
        now = _now()
        with self._write() as db:
            if loop_id is None:
                cur = db.execute("INSERT INTO loops (created_at) VALUES (?)", (now,))
                loop_id = int(cur.lastrowid or 0)
            else:
                self._check_loop(db, loop_id)
            (version,) = db.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM debrief_versions WHERE loop_id = ?",
                (loop_id,),
            ).fetchone()
            db.execute(
                "INSERT INTO debrief_versions (loop_id, version, created_at, company, role, "
                "interview_date, debrief_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    loop_id,
                    version,
                    now,
                    debrief.interview.company,
                    debrief.interview.role,
                    debrief.interview.date.isoformat(),
                    text,
                ),
            )
        return SavedVersion(loop_id=loop_id, version=int(version))

    def load_debrief(self, loop_id: int, version: int | None = None) -> Debrief:
        """The debrief of ``loop_id`` at ``version`` (the latest by default), validated afresh."""
        with self._read() as db:
            self._check_loop(db, loop_id)
            if version is None:
                row = db.execute(
                    "SELECT version, debrief_json FROM debrief_versions WHERE loop_id = ? "
                    "ORDER BY version DESC LIMIT 1",
                    (loop_id,),
                ).fetchone()
            else:
                row = db.execute(
                    "SELECT version, debrief_json FROM debrief_versions "
                    "WHERE loop_id = ? AND version = ?",
                    (loop_id, version),
                ).fetchone()
        if row is None:
            raise InputError(f"loop {loop_id} has no debrief version {version}")
        try:
            return parse_debrief(str(row[1]), fmt="json")
        except FollowupError as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(
                f"{self.path}: loop {loop_id} version {row[0]}: stored debrief is no longer "
                f"valid ({first})"
            ) from None

    def list_loops(self) -> list[LoopSummary]:
        """Every loop, oldest first, described by its latest debrief version."""
        with self._read() as db:
            rows = db.execute(
                """
                SELECT l.id, d.company, d.role, d.interview_date,
                  MAX(l.created_at, d.created_at,
                      COALESCE((SELECT MAX(created_at) FROM draft_versions
                                WHERE loop_id = l.id), ''),
                      COALESCE((SELECT MAX(recorded_at) FROM outcomes
                                WHERE loop_id = l.id), '')),
                  (SELECT COUNT(*) FROM debrief_versions WHERE loop_id = l.id),
                  (SELECT COUNT(*) FROM draft_versions WHERE loop_id = l.id),
                  (SELECT outcome FROM outcomes WHERE loop_id = l.id
                     AND outcome IN ('rejected', 'offer', 'withdrawn')
                     ORDER BY at DESC, id DESC LIMIT 1)
                FROM loops l
                JOIN debrief_versions d ON d.loop_id = l.id AND d.version =
                  (SELECT MAX(version) FROM debrief_versions WHERE loop_id = l.id)
                ORDER BY l.id
                """
            ).fetchall()
        return [
            LoopSummary(
                loop_id=r[0],
                company=r[1],
                role=r[2],
                interview_date=dt.date.fromisoformat(r[3]),
                updated_at=dt.datetime.fromisoformat(r[4]),
                debrief_versions=r[5],
                draft_versions=r[6],
                state=r[7] or "active",
            )
            for r in rows
        ]

    # ------------------------------------------------------------ drafts

    def save_drafts(self, loop_id: int, drafts: Sequence[Draft]) -> int:
        """Store one set of notes as the loop's next draft version; returns its number."""
        if not drafts:
            raise InputError("no drafts to save")
        now = _now()
        with self._write() as db:
            self._check_loop(db, loop_id)
            (version,) = db.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM draft_versions WHERE loop_id = ?",
                (loop_id,),
            ).fetchone()
            db.execute(
                "INSERT INTO draft_versions (loop_id, version, created_at) VALUES (?, ?, ?)",
                (loop_id, version, now),
            )
            db.executemany(
                "INSERT INTO drafts (loop_id, version, position, backend, draft_json) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (loop_id, version, i, d.backend, d.model_dump_json())
                    for i, d in enumerate(drafts)
                ],
            )
        return int(version)

    def list_draft_versions(self, loop_id: int) -> list[DraftVersion]:
        """The loop's draft versions, oldest first."""
        with self._read() as db:
            self._check_loop(db, loop_id)
            rows = db.execute(
                """
                SELECT v.version, v.created_at, COUNT(d.position),
                  (SELECT json_group_array(backend) FROM
                     (SELECT DISTINCT backend FROM drafts
                      WHERE loop_id = v.loop_id AND version = v.version ORDER BY backend))
                FROM draft_versions v
                LEFT JOIN drafts d ON d.loop_id = v.loop_id AND d.version = v.version
                WHERE v.loop_id = ?
                GROUP BY v.version
                ORDER BY v.version
                """,
                (loop_id,),
            ).fetchall()
        return [
            DraftVersion(
                version=r[0],
                created_at=dt.datetime.fromisoformat(r[1]),
                count=r[2],
                backends=tuple(json.loads(r[3])),
            )
            for r in rows
        ]

    def load_drafts(self, loop_id: int, version: int | None = None) -> list[Draft]:
        """The notes of one draft version (the latest by default; none saved yet gives [])."""
        with self._read() as db:
            self._check_loop(db, loop_id)
            if version is None:
                (version,) = db.execute(
                    "SELECT MAX(version) FROM draft_versions WHERE loop_id = ?", (loop_id,)
                ).fetchone()
                if version is None:
                    return []
            elif (
                db.execute(
                    "SELECT 1 FROM draft_versions WHERE loop_id = ? AND version = ?",
                    (loop_id, version),
                ).fetchone()
                is None
            ):
                raise InputError(f"loop {loop_id} has no draft version {version}")
            rows = db.execute(
                "SELECT draft_json FROM drafts WHERE loop_id = ? AND version = ? ORDER BY position",
                (loop_id, version),
            ).fetchall()
        try:
            return [Draft.model_validate_json(r[0]) for r in rows]
        except ValidationError as exc:
            raise StoreError(
                f"{self.path}: loop {loop_id} draft version {version}: stored notes are no "
                f"longer valid ({exc.error_count()} problem(s))"
            ) from None

    # ------------------------------------------------------------ model calls

    def log_call(self, record: CallRecord) -> None:
        """Append one model call to the log, with any secret replaced by "[redacted]"."""
        secrets = _secrets(self._secrets)
        with self._write() as db:
            db.execute(
                "INSERT INTO calls (request_key, model, base_url, prompt, response, "
                "prompt_tokens, completion_tokens, latency_ms, outcome, error, temperature, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.request_key,
                    _redact(record.model, secrets),
                    _redact(record.base_url, secrets),
                    _redact(record.prompt, secrets),
                    _redact(record.response, secrets),
                    record.prompt_tokens,
                    record.completion_tokens,
                    record.latency_ms,
                    record.outcome,
                    _redact(record.error, secrets),
                    record.temperature,
                    _utc(record.created_at),
                ),
            )

    def find_cached(self, request_key: str) -> str | None:
        """The response of the latest successful call with this key, if any."""
        with self._read() as db:
            row = db.execute(
                "SELECT response FROM calls WHERE request_key = ? AND outcome = 'ok' "
                "AND response IS NOT NULL ORDER BY id DESC LIMIT 1",
                (request_key,),
            ).fetchone()
        return None if row is None else str(row[0])

    def calls(self, limit: int = 100) -> list[CallRecord]:
        """The latest ``limit`` logged calls, newest first."""
        with self._read() as db:
            rows = db.execute(
                "SELECT request_key, model, base_url, prompt, response, prompt_tokens, "
                "completion_tokens, latency_ms, outcome, error, temperature, created_at "
                "FROM calls ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            CallRecord(
                request_key=r[0],
                model=r[1],
                base_url=r[2],
                prompt=r[3],
                response=r[4],
                prompt_tokens=r[5],
                completion_tokens=r[6],
                latency_ms=r[7],
                outcome=r[8],
                error=r[9],
                temperature=r[10],
                created_at=dt.datetime.fromisoformat(r[11]),
            )
            for r in rows
        ]

    # ------------------------------------------------------------ tracker

    def record_outcome(self, loop_id: int, step_id: str, outcome: str, at: dt.datetime) -> None:
        """Append what happened at one plan step (the service checks the step exists)."""
        from followup.cadence import OutcomeRecord

        try:
            record = OutcomeRecord.model_validate(
                {"step_id": step_id, "outcome": outcome, "at": at}
            )
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            raise InputError(f"{field}: {exc.errors()[0]['msg'].lower()}") from None
        stamp = _utc(record.at)  # OutcomeRecord has made sure it is aware
        with self._write() as db:
            self._check_loop(db, loop_id)
            db.execute(
                "INSERT INTO outcomes (loop_id, step_id, outcome, at, recorded_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (loop_id, record.step_id, record.outcome, stamp, _now()),
            )

    def outcomes(self, loop_id: int) -> list[OutcomeRecord]:
        """Every outcome recorded for the loop, in the order they happened."""
        from followup.cadence import OutcomeRecord

        with self._read() as db:
            self._check_loop(db, loop_id)
            rows = db.execute(
                "SELECT step_id, outcome, at FROM outcomes WHERE loop_id = ? ORDER BY at, id",
                (loop_id,),
            ).fetchall()
        return [
            OutcomeRecord.model_validate(
                {"step_id": r[0], "outcome": r[1], "at": dt.datetime.fromisoformat(r[2])}
            )
            for r in rows
        ]
