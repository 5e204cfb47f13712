"""The app's working state on disk, so a browser reload loses nothing.

Streamlit's session state dies with the browser tab. Every submit (valid or
not), every add/remove of a person and every edit of a note writes the raw
form values and the current notes to ``<home>/working.json``; a fresh session
restores them. Writes are atomic (temporary file, then rename), so a crash
mid-write leaves the previous state readable. The API key is never part of it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from followup.debrief import Debrief
from followup.drafting.base import Draft
from followup.ui.state import FormState

__all__ = ["WORKING_FILE", "Working", "load_working", "save_working"]

WORKING_FILE = "working.json"


class Working(BaseModel):
    """What the user had on screen: the form as typed and the notes as edited."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    form: FormState
    debrief: Debrief | None = None  # what the notes were drafted from
    drafts: tuple[Draft, ...] = ()
    edited: bool = False  # the notes were edited since they were drafted
    loop_id: int | None = None
    saved_at: dt.datetime


def save_working(home: Path, working: Working) -> Path:
    """Write ``working`` atomically to ``home/working.json``; returns the path."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / WORKING_FILE
    fd, tmp = tempfile.mkstemp(prefix=".working-", suffix=".json", dir=home)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(working.model_dump_json(indent=1))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_working(home: Path) -> Working | None:
    """The last saved working state, or None if there is none or it cannot be read."""
    path = home / WORKING_FILE
    try:
        return Working.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        # A missing or damaged file must never stop the app from starting.
        return None
