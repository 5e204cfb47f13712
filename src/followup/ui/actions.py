"""What the app's buttons do to the session: load, submit, add, remove, edit, reopen.

Callbacks only change session state (they run before the page is drawn, so
they may set widget values). Work that needs the current settings (drafting,
the store) is left as a pending request that ``app.py`` carries out in its
run, where a progress display can be drawn.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import Any, Literal

from followup.debrief import Debrief, parse_debrief
from followup.drafting.base import Draft
from followup.errors import FollowupError
from followup.ui import state as form_state
from followup.ui.recovery import Working, load_working, save_working

__all__ = [
    "DEBRIEF",
    "DRAFTS",
    "ERRORS",
    "FORM_BASE",
    "KEPT",
    "LOAD_ERROR",
    "LOOP_ID",
    "NEW_SLOT",
    "NOTES_BASE",
    "NOTICES",
    "PENDING",
    "Pending",
    "add_person",
    "apply_suggestion",
    "body_key",
    "draft_round",
    "edit_note",
    "init",
    "load_paste",
    "load_upload",
    "new_debrief",
    "notify",
    "regenerate",
    "remove_person",
    "request_reopen",
    "restore_notes",
    "save_if_dirty",
    "set_drafts",
    "subject_key",
    "submit",
]

State = MutableMapping[str, Any]

ERRORS = "fu_form_errors"  # dict: form field -> one-line message
DEBRIEF = "fu_debrief"  # the valid Debrief the shown notes were drafted from
DRAFTS = "fu_drafts"  # list[Draft], as edited
LOOP_ID = "fu_loop_id"  # the store's loop for this debrief, once saved
PENDING = "fu_pending"  # a Pending request for the run to carry out
NOTICES = "fu_notices"  # list of (kind, one-line message) shown once
LOAD_ERROR = "fu_load_error"
NEW_SLOT = "fu_new_slot"  # the person added last, shown open
KEPT = "fu_kept"  # (loop id, edited notes) to store before new notes replace them
FORM_BASE = "fu_form_base"  # fingerprint of the form as last saved to disk
NOTES_BASE = "fu_notes_base"  # fingerprint of the notes as last saved to disk
_EDITED = "fu_edited"  # the notes on screen were edited since they were drafted
_ROUND = "fu_round"  # bumped whenever the notes are replaced (each set has its own findings)
_DIRTY = "fu_dirty"
_READY = "fu_ready"
UPLOAD_KEY = "load_upload"
PASTE_KEY = "load_paste"

# ("draft",) the whole loop; ("regenerate", i) one note; ("reopen", loop, debrief v, drafts v)
Pending = (
    tuple[Literal["draft"]]
    | tuple[Literal["regenerate"], int]
    | tuple[Literal["reopen"], int, int | None, int | None]
)


def init(state: State, home: Path) -> None:
    """Fill a fresh session: the working state saved on disk, else an empty form."""
    if state.get(_READY):
        return
    state[_READY] = True
    state[ERRORS] = {}
    state[DRAFTS] = []
    state[DEBRIEF] = None
    state[LOOP_ID] = None
    state[PENDING] = None
    state[NOTICES] = []
    state[LOAD_ERROR] = None
    state[_ROUND] = 0
    state[_DIRTY] = False
    working = load_working(home)
    form = form_state.FormState() if working is None else working.form
    form_state.write_form(state, form)
    state[FORM_BASE] = form_state.fingerprint(form)
    state[NOTES_BASE] = _notes_fingerprint(() if working is None else working.drafts)
    if working is None:
        return
    state[DEBRIEF] = working.debrief
    state[LOOP_ID] = working.loop_id
    set_drafts(state, working.drafts)
    state[_EDITED] = working.edited
    state[_DIRTY] = False
    when = working.saved_at.astimezone().strftime("%H:%M")
    notify(state, "info", f"Restored your work from {when}: nothing you typed was lost.")


def _notes_fingerprint(drafts: Sequence[Draft]) -> str:
    """A short digest of the notes' text: an edit kept in the browser belongs to one set."""
    return form_state.digest(json.dumps([[d.subject, d.body] for d in drafts]))


def notify(state: State, kind: str, message: str) -> None:
    """Queue a one-line message for this run's page."""
    state[NOTICES] = [*state.get(NOTICES, []), (kind, message)]


def _mark_dirty(state: State) -> None:
    state[_DIRTY] = True


def save_if_dirty(state: State, home: Path) -> str | None:
    """Write the working state to disk if anything changed; the error line if it failed."""
    if not state.get(_DIRTY):
        return None
    form = form_state.read_form(state)
    working = Working(
        form=form,
        drafts=tuple(state.get(DRAFTS, [])),
        debrief=state.get(DEBRIEF),
        loop_id=state.get(LOOP_ID),
        edited=bool(state.get(_EDITED)),
        saved_at=dt.datetime.now(dt.UTC),
    )
    try:
        save_working(home, working)
    except OSError as exc:
        return f"Could not save your work to {home}: {exc.strerror or type(exc).__name__}."
    state[_DIRTY] = False
    state[FORM_BASE] = form_state.fingerprint(form)
    state[NOTES_BASE] = _notes_fingerprint(working.drafts)
    return None


# ------------------------------------------------------------------ the form


def add_person(state: State) -> None:
    """Callback: one more person (keeps everything typed)."""
    if form_state.add_person(state):
        state[NEW_SLOT] = state[form_state.PEOPLE_KEY][-1]
    else:
        notify(state, "warning", "A debrief holds at most 20 people.")
    _mark_dirty(state)


def remove_person(state: State, slot: int) -> None:
    """Callback: drop one person (keeps everything else typed)."""
    form_state.remove_person(state, slot)
    state[ERRORS] = {}
    _mark_dirty(state)


def submit(state: State) -> None:
    """Callback: check the form; if valid, ask the run to draft (and save) the loop."""
    _mark_dirty(state)
    debrief, errors = form_state.check_form(form_state.read_form(state))
    state[ERRORS] = errors
    if debrief is None:
        return
    _keep_edited(state)
    previous = state.get(DEBRIEF)
    if previous is not None and _headline(previous) != _headline(debrief):
        state[LOOP_ID] = None  # another company or role: a new loop, not a new version
    state[DEBRIEF] = debrief
    state[PENDING] = ("draft",)


def _keep_edited(state: State) -> None:
    """Notes the user edited are about to be replaced: ask autosave to store them first."""
    drafts = state.get(DRAFTS)
    if state.get(_EDITED) and drafts and state.get(LOOP_ID) is not None:
        state[KEPT] = (state[LOOP_ID], list(drafts))


def _headline(debrief: Debrief) -> tuple[str, str]:
    return debrief.interview.company.casefold(), debrief.interview.role.casefold()


def new_debrief(state: State) -> None:
    """Callback: an empty form and no notes (the old ones stay in the store)."""
    _keep_edited(state)
    form_state.write_form(state, form_state.FormState())
    state[ERRORS] = {}
    state[DEBRIEF] = None
    state[LOOP_ID] = None
    set_drafts(state, [])
    _mark_dirty(state)


def _load(state: State, raw: str | bytes, source: str) -> None:
    try:
        debrief = parse_debrief(raw, source=source)
    except FollowupError as exc:
        state[LOAD_ERROR] = str(exc)
        return
    state[LOAD_ERROR] = None
    _keep_edited(state)
    form_state.write_form(state, form_state.debrief_to_form(debrief))
    state[ERRORS] = {}
    state[LOOP_ID] = None
    state[DEBRIEF] = debrief
    state[PENDING] = ("draft",)
    _mark_dirty(state)


def load_upload(state: State) -> None:
    """Callback: fill the form from the uploaded file and draft."""
    upload = state.get(UPLOAD_KEY)
    if upload is None:
        return
    _load(state, upload.getvalue(), upload.name)


def load_paste(state: State) -> None:
    """Callback: fill the form from the pasted YAML and draft."""
    _load(state, state.get(PASTE_KEY) or "", "pasted YAML")


def request_reopen(state: State, loop_id: int, version: int | None, drafts: int | None) -> None:
    """Callback: ask the run to reopen a saved debrief (and a draft version)."""
    state[PENDING] = ("reopen", loop_id, version, drafts)


# ------------------------------------------------------------------ the notes


def body_key(index: int) -> str:
    """Session-state key of note ``index``'s text box (stable, so the box is reused)."""
    return f"note_{index}_body"


def subject_key(index: int) -> str:
    return f"note_{index}_subject"


def draft_round(state: State) -> int:
    """How many times notes were put on screen this session; keys each set's findings."""
    return int(state.get(_ROUND, 0))


def set_drafts(state: State, drafts: Sequence[Draft]) -> None:
    """Show ``drafts``: their text goes into the cards' boxes, a new round of findings."""
    state[_ROUND] = draft_round(state) + 1
    state[_EDITED] = False
    state[DRAFTS] = list(drafts)
    for i, draft in enumerate(drafts):
        state[subject_key(i)] = draft.subject
        state[body_key(i)] = draft.body
    _mark_dirty(state)


def edit_note(state: State, index: int) -> None:
    """Callback: keep the user's edit of note ``index`` (it is re-linted on this run)."""
    drafts: list[Draft] = state[DRAFTS]
    if not 0 <= index < len(drafts):
        return
    subject = state.get(subject_key(index), drafts[index].subject)
    body = state.get(body_key(index), drafts[index].body)
    drafts[index] = drafts[index].model_copy(update={"subject": subject, "body": body})
    state[_EDITED] = True
    _mark_dirty(state)


def restore_notes(state: State, typed: object) -> list[int]:
    """Put note edits the browser kept (typed, never sent) back; each is kept as an edit."""
    count = len(state.get(DRAFTS, []))
    keys = [key(i) for i in range(count) for key in (subject_key, body_key)]
    changed = form_state.restore_text(state, typed, keys)
    indices = sorted(
        {i for i in range(count) for k in changed if k in (subject_key(i), body_key(i))}
    )
    for index in indices:
        edit_note(state, index)
    return indices


def apply_suggestion(
    state: State, index: int, start: int, end: int, original: str, suggestion: str
) -> None:
    """Callback: replace ``[start, end)`` of note ``index`` by the finding's suggestion."""
    drafts: list[Draft] = state[DRAFTS]
    if not 0 <= index < len(drafts):
        return
    body = drafts[index].body
    if body[start:end] != original:
        notify(state, "warning", "The note changed since it was checked; look again.")
        return
    body = body[:start] + suggestion + body[end:]
    drafts[index] = drafts[index].model_copy(update={"body": body})
    state[body_key(index)] = body
    state[_EDITED] = True
    _mark_dirty(state)


def regenerate(state: State, index: int) -> None:
    """Callback: ask the run to draft note ``index`` again."""
    state[PENDING] = ("regenerate", index)
