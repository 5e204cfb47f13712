"""followup's Streamlit app: the page is assembled here; everything it does lives in followup.ui.

Run it with ``make app`` (127.0.0.1:8501, offline drafter by default).
"""

from __future__ import annotations

import streamlit as st

from followup.ui import actions, cards, draftkeeper, form, loader, runner, sidebar, tabs

st.set_page_config(page_title="followup: after the interview", page_icon="✉️", layout="wide")
state = st.session_state
runner.warm_up()

settings = sidebar.render_settings(state)
actions.init(state, settings.home)
sidebar.render_estimate(state, settings)

st.title("After the interview")
st.caption(
    "Record the debrief while it is fresh; get one distinct, checked note per person you met. "
    "It drafts; you send."
)
# The other tabs run only when open; the first always runs, so the form never loses
# what was typed in it.
notes_tab, tone_tab, objection_tab, plan_tab = st.tabs(
    ["Debrief and notes", "Tone check", "Objection rewrite", "Plan and export"],
    key="fu_tab",
    on_change="rerun",
)
with notes_tab:
    # Every section has a fixed slot, so widgets keep their place (and what the browser
    # holds for them) from run to run; the notes are filled in first, so they show first.
    # The progress of a model draft shows where the notes will appear, under the form.
    top, load_box, form_box, notes_box = (st.container() for _ in range(4))
    with notes_box:
        runner.run_pending(state, settings)
        cards.render_drafts_section(state)
    with form_box:
        form.render_form(state)
    with load_box:
        loader.render_loader(state)
if tone_tab.open:
    with tone_tab:
        tabs.render_tone_tab(settings)
if objection_tab.open:
    with objection_tab:
        tabs.render_objection_tab(settings)
if plan_tab.open:
    with plan_tab:
        tabs.render_plan_tab(state, settings)

runner.autosave(state, settings)
with top:
    loader.render_notices(state)
sidebar.render_history(state, settings)
failed = actions.save_if_dirty(state, settings.home)
if failed:
    st.sidebar.error(failed)
# Last, so it knows the form as just saved: text typed since then is kept in the browser.
draftkeeper.render_keeper(state)
