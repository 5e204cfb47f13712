"""Text typed on the page outlives a browser reload, even before it reaches the server.

The browser half (``draftkeeper.js``) keeps each keystroke in localStorage, in
groups (the form, the notes, the pasted texts) tagged with what the server last
saved of each, and after a reload hands the kept text back; this half checks it
and puts it into the fields, so the server decides what the page shows. See the
script for when kept text is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st

from followup.ui import actions, tabs
from followup.ui import state as form_state

__all__ = ["KEY", "groups", "render_keeper", "restore"]

KEY = "fu_draftkeeper"
_PASTED = (actions.PASTE_KEY, *tabs.PASTED_KEYS)
_keeper = st.components.v2.component(
    "followup_draftkeeper",
    js=Path(__file__).with_name("draftkeeper.js").read_text(encoding="utf-8"),
)


def groups(state: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the browser keeps: each group's fields and the fingerprint they were typed over."""
    notes = range(len(state.get(actions.DRAFTS, [])))
    return [
        {"name": "form", "base": state.get(actions.FORM_BASE), "keys": form_state.text_keys(state)},
        {
            "name": "notes",
            "base": state.get(actions.NOTES_BASE),
            "keys": [k(i) for i in notes for k in (actions.subject_key, actions.body_key)],
        },
        # Pasted texts are never saved on the server: kept until replaced.
        {"name": "pasted", "base": "pasted", "keys": list(_PASTED)},
    ]


def restore(state: MutableMapping[str, Any], kept: object) -> None:
    """Put back what the browser kept, group by group; one notice if anything came back."""
    if not isinstance(kept, Mapping):
        return
    back = [
        form_state.restore_typed(state, kept.get("form")),
        actions.restore_notes(state, kept.get("notes")),
        form_state.restore_text(state, kept.get("pasted"), _PASTED),
    ]
    if any(back):
        actions.notify(state, "info", "Restored what you had typed but not yet saved.")


def render_keeper(state: MutableMapping[str, Any]) -> None:
    """Mount the keeper; call it after the working state is saved, so its bases are current."""
    _keeper(
        key=KEY,
        data={"groups": groups(state)},
        on_restore_change=lambda: restore(state, getattr(state.get(KEY), "restore", None)),
        height=0,
    )
