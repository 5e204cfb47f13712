"""Text typed into the debrief form outlives a browser reload, even before it is submitted.

The browser half (``draftkeeper.js``) keeps each keystroke in localStorage and,
after a reload, hands the kept text back; this half checks it and puts it into
the form's fields (``state.restore_typed``), so the server decides what the form
shows. See the script for when kept text is dropped.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st

from followup.ui import actions
from followup.ui import state as form_state

__all__ = ["KEY", "render_keeper"]

KEY = "fu_draftkeeper"
_keeper = st.components.v2.component(
    "followup_draftkeeper",
    js=Path(__file__).with_name("draftkeeper.js").read_text(encoding="utf-8"),
)


def _restore(state: MutableMapping[str, Any]) -> None:
    result = state.get(KEY)
    typed = getattr(result, "restore", None) if result is not None else None
    if form_state.restore_typed(state, typed):
        actions.notify(state, "info", "Restored what you had typed but not yet submitted.")


def render_keeper(state: MutableMapping[str, Any]) -> None:
    """Mount the keeper; call it after the working state is saved, so its base is current."""
    _keeper(
        key=KEY,
        data={"base": state.get(actions.FORM_BASE), "keys": form_state.text_keys(state)},
        on_restore_change=lambda: _restore(state),
        height=0,
    )
