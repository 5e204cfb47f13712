"""Carries out what the buttons asked for: draft the loop, redraft a note, reopen a loop.

This runs inside the page's run (not in a callback), so it can draw a
progress display and stream each note's text as the model writes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import threading
from collections.abc import Iterator, MutableMapping
from typing import Any

import streamlit as st

from followup import service
from followup.debrief import Candidate, Debrief, Interview, Interviewer
from followup.drafting.base import Draft, Drafter
from followup.drafting.offline import OfflineDrafter
from followup.errors import FollowupError
from followup.settings import Settings
from followup.store import Store
from followup.ui import actions
from followup.ui.highlight import escape_markdown
from followup.ui.state import debrief_to_form, write_form

__all__ = ["autosave", "run_pending", "warm_up"]

_SAMPLE = Debrief(
    candidate=Candidate(name="Sam Lee"),
    interview=Interview(company="Example Co", role="Analyst", date=dt.date(2027, 1, 4)),
    interviewers=(Interviewer(name="Ann Park"),),
)
_UNSAVED = "fu_unsaved"  # what this run drafted and autosave must still store
# Redrafting one note asks the model for something new, past its answer cache.
_REGENERATE_TEMPERATURE = 0.7


def run_pending(state: MutableMapping[str, Any], settings: Settings) -> None:
    """Carry out the pending request, if any; problems become one-line notices."""
    pending: actions.Pending | None = state.get(actions.PENDING)
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
    if settings.backend == "offline":
        drafts = _draft_with_progress(state, debrief, settings, None)
    else:
        # The model's calls are logged to (and repeats answered from) the store.
        with _maybe_store(state, settings) as store:
            drafts = _draft_with_progress(state, debrief, settings, store)
    actions.set_drafts(state, drafts)
    state[_UNSAVED] = ("debrief", "drafts")


@contextlib.contextmanager
def _maybe_store(state: MutableMapping[str, Any], settings: Settings) -> Iterator[Store | None]:
    """The store, or None (with a one-line notice) when it cannot be opened."""
    try:
        store = Store.open(settings)
    except FollowupError as exc:
        actions.notify(state, "warning", f"Model calls not logged: {exc}")
        yield None
        return
    with store:
        yield store


def autosave(state: MutableMapping[str, Any], settings: Settings) -> None:
    """Save what this run drafted (a debrief version, a set of notes), and edited notes it replaced.

    Runs after the page is drawn, so the notes show without waiting for the disk.
    """
    unsaved = state.pop(_UNSAVED, ())
    kept = state.pop(actions.KEPT, None)
    debrief: Debrief | None = state.get(actions.DEBRIEF)
    if not unsaved and kept is None:
        return
    try:
        with Store.open(settings) as store:
            if kept is not None:
                version = store.save_drafts(*kept)
                actions.notify(
                    state,
                    "info",
                    f"Your edited notes were saved as notes v{version}; "
                    "reopen them from Earlier debriefs in the sidebar.",
                )
            if not unsaved or debrief is None:
                return
            if "debrief" in unsaved or state.get(actions.LOOP_ID) is None:
                saved = service.save_debrief(store, debrief, state.get(actions.LOOP_ID))
                state[actions.LOOP_ID] = saved.loop_id
            if "drafts" in unsaved:
                store.save_drafts(state[actions.LOOP_ID], state.get(actions.DRAFTS, []))
    except FollowupError as exc:
        actions.notify(state, "warning", f"Not saved to the store: {exc}")


def _draft_with_progress(
    state: MutableMapping[str, Any], debrief: Debrief, settings: Settings, store: Store | None
) -> list[Draft]:
    try:
        drafter = service.make_drafter(settings, store)
    except FollowupError as exc:
        # A model that cannot even be set up: said once, and every note is drafted offline.
        actions.notify(state, "warning", f"{exc}; every note was drafted offline instead.")
        reason = "the model could not be set up (see the message above)"
        offline = service.draft_loop(debrief)
        return [d.model_copy(update={"fallback_reason": reason}) for d in offline]
    if drafter.name == "offline":
        return service.draft_loop(debrief, drafter)
    people = debrief.interviewers
    label = f"Drafting {len(people)} notes with {escape_markdown(settings.model)}…"
    with st.status(label, expanded=True) as box:
        bar = st.progress(0.0, text=f"0 of {len(people)} notes")
        # One card per person; each fills with its note as the model writes it.
        cards = st.columns(min(3, len(people)))
        slots = []
        for i, person in enumerate(people):
            with cards[i % len(cards)].container(border=True, height=260):
                st.html(f"<strong>{html.escape(person.name)}</strong>")
                slots.append(st.empty())
        finished: set[int] = set()

        def show(update: service.NoteProgress) -> None:
            slots[update.index].text(update.text)
            if update.draft is not None:
                finished.add(update.index)
                done = f"{len(finished)} of {len(people)} notes"
                bar.progress(len(finished) / len(people), text=done)

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
    person = debrief.interviewers[index].name
    with (
        _maybe_store(state, settings) as store,
        st.spinner(f"Drafting the note to {escape_markdown(person)} again…"),
    ):
        try:
            drafter: Drafter = service.make_drafter(settings, store)
        except FollowupError as exc:
            actions.notify(state, "error", f"{exc}; the note was drafted offline instead")
            drafter = OfflineDrafter()
        drafts[index] = drafter.draft_one(debrief, index)
    actions.set_drafts(state, drafts)
    state[_UNSAVED] = ("drafts",)


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
        _draft_all(state, settings)
        state[_UNSAVED] = ("drafts",)  # the debrief is already in the store
    else:
        actions.set_drafts(state, drafts)
    actions.notify(state, "success", f"Reopened {debrief.interview.company}, loop {loop_id}.")


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Load the linter's dictionaries and the drafter's phrases once per server, in the background.

    The first lint of a process reads its word lists (over half a second); done
    while the user fills in the form, the first draft shows as fast as the rest.
    """

    def work() -> None:
        from followup.lint import lint_note

        lint_note("Dear Ms. Park,\n\nThank you for your time today.\n\nBest regards,\nSam")
        service.draft_loop(_SAMPLE)

    thread = threading.Thread(target=work, name="followup-warm-up", daemon=True)
    thread.start()
    return thread
