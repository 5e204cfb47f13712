"""Carries out what the buttons asked for: draft the loop, redraft a note, reopen a loop.

This runs inside the page's run (not in a callback), so it can draw a
progress display and stream each note's text as the model writes it.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from followup import service
from followup.debrief import Debrief
from followup.drafting.base import Draft, Drafter
from followup.errors import FollowupError
from followup.settings import Settings
from followup.store import Store
from followup.ui import actions
from followup.ui.highlight import escape_markdown
from followup.ui.state import debrief_to_form, write_form

__all__ = ["run_pending"]

# Redrafting one note asks the model for something new, past its answer cache.
_REGENERATE_TEMPERATURE = 0.7


def run_pending(state: MutableMapping[str, Any], settings: Settings) -> None:
    """Carry out the pending request, if any; problems become one-line notices."""
    pending = state.get(actions.PENDING)
    state[actions.PENDING] = None
    if pending is None:
        return
    try:
        if pending[0] == "reopen":
            _reopen(state, settings, pending[1], pending[2], pending[3])
        elif pending[0] == "regenerate":
            _regenerate(state, settings, pending[1])
        else:
            _draft_all(state, settings)
    except FollowupError as exc:
        actions.notify(state, "error", str(exc))


def _draft_all(state: MutableMapping[str, Any], settings: Settings) -> None:
    debrief: Debrief = state[actions.DEBRIEF]
    store: Store | None = None
    try:
        store = Store.open(settings)
        saved = service.save_debrief(store, debrief, state.get(actions.LOOP_ID))
        state[actions.LOOP_ID] = saved.loop_id
    except FollowupError as exc:
        actions.notify(state, "warning", f"Not saved: {exc}")
    try:
        drafts = _draft_with_progress(debrief, settings, store)
        state[actions.DEBRIEF] = debrief
        actions.set_drafts(state, drafts)
        if store is not None and state.get(actions.LOOP_ID) is not None:
            try:
                store.save_drafts(state[actions.LOOP_ID], drafts)
            except FollowupError as exc:
                actions.notify(state, "warning", f"Notes not saved: {exc}")
    finally:
        if store is not None:
            store.close()


def _draft_with_progress(debrief: Debrief, settings: Settings, store: Store | None) -> list[Draft]:
    try:
        drafter = service.make_drafter(settings, store)
    except FollowupError as exc:
        # A model that cannot even be set up: every note is drafted offline instead.
        reason = f"{exc}; drafted offline instead"
        offline = service.draft_loop(debrief)
        return [d.model_copy(update={"fallback_reason": reason}) for d in offline]
    if drafter.name == "offline":
        return service.draft_loop(debrief, drafter)
    people = debrief.interviewers
    with st.status(f"Drafting {len(people)} notes with {settings.model}…", expanded=True) as box:
        bar = st.progress(0.0)
        slots = []
        for person in people:
            st.caption(escape_markdown(person.name))
            slots.append(st.empty())
        finished: set[int] = set()

        def show(update: service.NoteProgress) -> None:
            slots[update.index].text(update.text)
            if update.done:
                finished.add(update.index)
                bar.progress(len(finished) / len(people), text=f"{len(finished)} of {len(people)}")

        drafts = service.draft_loop_streaming(debrief, drafter, show)
        box.update(label=f"Drafted {len(drafts)} notes", state="complete", expanded=False)
    return drafts


def _regenerate(state: MutableMapping[str, Any], settings: Settings, index: int) -> None:
    debrief: Debrief | None = state.get(actions.DEBRIEF)
    drafts: list[Draft] = list(state.get(actions.DRAFTS, []))
    if debrief is None or not 0 <= index < len(drafts):
        return
    if settings.backend != "offline":
        settings = settings.model_copy(
            update={"temperature": max(settings.temperature, _REGENERATE_TEMPERATURE)}
        )
    store: Store | None = None
    try:
        store = Store.open(settings)
    except FollowupError as exc:
        actions.notify(state, "warning", f"Not saved: {exc}")
    try:
        drafter: Drafter | None = None
        try:
            drafter = service.make_drafter(settings, store)
        except FollowupError as exc:
            actions.notify(state, "error", f"{exc}; the note was drafted offline instead")
        with st.spinner(f"Drafting the note to {debrief.interviewers[index].name} again…"):
            if drafter is None:
                drafts[index] = service.draft_loop(debrief)[index]
            else:
                drafts[index] = drafter.draft_one(debrief, index)
        actions.set_drafts(state, drafts)
        loop_id = state.get(actions.LOOP_ID)
        if store is not None and loop_id is not None:
            store.save_drafts(loop_id, drafts)
    finally:
        if store is not None:
            store.close()


def _reopen(
    state: MutableMapping[str, Any],
    settings: Settings,
    loop_id: int,
    version: int | None,
    drafts_version: int | None,
) -> None:
    with Store.open(settings) as store:
        debrief = store.load_debrief(loop_id, version)
        drafts = store.load_drafts(loop_id, drafts_version) if drafts_version else None
    write_form(state, debrief_to_form(debrief))
    state[actions.ERRORS] = {}
    state[actions.LOOP_ID] = loop_id
    state[actions.DEBRIEF] = debrief
    if drafts is None:
        state[actions.PENDING] = None
        _draft_all(state, settings)
    else:
        actions.set_drafts(state, drafts)
    actions.notify(state, "success", f"Reopened {debrief.interview.company}, loop {loop_id}.")
