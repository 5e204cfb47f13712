"""followup's Streamlit app: the page is assembled here; everything it does lives in followup.ui.

Run it with ``make app`` (127.0.0.1:8501, offline drafter by default).
"""

from __future__ import annotations

import streamlit as st

from followup.ui import actions, cards, form, loader, runner, sidebar, tabs

st.set_page_config(page_title="followup: after the interview", page_icon="✉️", layout="wide")
state = st.session_state

settings = sidebar.render_settings(state)
actions.init(state, settings.home)
sidebar.render_estimate(state, settings)

st.title("After the interview")
st.caption(
    "Record the debrief while it is fresh; get one distinct, checked note per person you met. "
    "It drafts; you send."
)
notes_tab, tone_tab, objection_tab, plan_tab = st.tabs(
    ["Debrief and notes", "Tone check", "Objection rewrite", "Plan and export"]
)
with notes_tab:
    runner.run_pending(state, settings)
    loader.render_notices(state)
    loader.render_loader(state)
    form.render_form(state)
    cards.render_drafts_section(state)
with tone_tab:
    tabs.render_tone_tab(settings)
with objection_tab:
    tabs.render_objection_tab(settings)
with plan_tab:
    tabs.render_plan_tab(state, settings)

sidebar.render_history(state, settings)
failed = actions.save_if_dirty(state, settings.home)
if failed:
    st.sidebar.error(failed)
