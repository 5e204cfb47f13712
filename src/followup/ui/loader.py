"""Load and save the debrief as a file: upload, paste, download; and one-line notices."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from followup.debrief import MAX_DEBRIEF_BYTES, dump_debrief
from followup.text import slugify
from followup.ui import actions
from followup.ui.highlight import escape_markdown
from followup.ui.state import check_form, read_form

__all__ = ["render_loader", "render_notices"]

_NOTICE = {"info": st.info, "success": st.success, "warning": st.warning, "error": st.error}


def render_notices(state: MutableMapping[str, Any]) -> None:
    """Messages queued by the buttons, each one line, shown once."""
    for kind, message in state.get(actions.NOTICES, []):
        for line in str(message).splitlines():
            _NOTICE.get(kind, st.info)(escape_markdown(line))
    state[actions.NOTICES] = []


def render_loader(state: MutableMapping[str, Any]) -> None:
    """Upload or paste a debrief (YAML or JSON), or download the form as YAML."""
    with st.expander(
        "Load or save a debrief file (YAML)",
        icon=":material/upload_file:",
        expanded=bool(state.get(actions.LOAD_ERROR)),
    ):
        error = state.get(actions.LOAD_ERROR)
        if error:
            for line in str(error).splitlines():
                st.error(escape_markdown(line))
        st.file_uploader(
            "Upload a debrief",
            type=["yaml", "yml", "json"],
            key=actions.UPLOAD_KEY,
            on_change=actions.load_upload,
            args=(state,),
            max_upload_size=1,
            help=f"A debrief may be at most {MAX_DEBRIEF_BYTES // 1024} KB.",
        )
        st.text_area(
            "…or paste YAML",
            key=actions.PASTE_KEY,
            height=140,
            # One past the limit: a pasted book is cut there and refused with one line.
            max_chars=MAX_DEBRIEF_BYTES + 1,
            placeholder="candidate:\n  name: ...\ninterview:\n  company: ...",
        )
        left, right = st.columns(2)
        with left:
            st.button(
                "Load the pasted YAML",
                key="load_paste_button",
                icon=":material/content_paste_go:",
                on_click=actions.load_paste,
                args=(state,),
            )
        with right:
            debrief, _ = check_form(read_form(state))
            if debrief is None:
                st.button(
                    "Download as YAML",
                    key="download_yaml_disabled",
                    disabled=True,
                    help="Fix the fields marked in red first.",
                )
            else:
                st.download_button(
                    "Download as YAML",
                    data=dump_debrief(debrief),
                    file_name=f"{slugify(debrief.interview.company)}-debrief.yaml",
                    mime="application/x-yaml",
                    key="download_yaml",
                    icon=":material/download:",
                    on_click="ignore",
                )
        st.button(
            "Start a new, empty debrief",
            key="new_debrief",
            icon=":material/note_add:",
            on_click=actions.new_debrief,
            args=(state,),
            help="Earlier debriefs stay in the list in the sidebar.",
        )
