"""The coaching tabs: tone check, objection rewrite, and the follow-up plan with exports."""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import MutableMapping, Sequence
from typing import Any

import streamlit as st

from followup import export, service
from followup.debrief import MAX_FIELD_CHARS, Debrief
from followup.drafting.base import Draft
from followup.errors import FollowupError
from followup.lint import Finding
from followup.settings import Settings
from followup.store import Store
from followup.text import slugify
from followup.ui import actions
from followup.ui.highlight import escape_markdown, highlight
from followup.ui.state import TONES

__all__ = [
    "PASTED_KEYS",
    "render_exports",
    "render_objection_tab",
    "render_plan_tab",
    "render_tone_tab",
]

TONE_NOTE, OBJ_LINE, OBJ_DOUBT = "tone_note", "obj_line", "obj_doubt"
PASTED_KEYS = (TONE_NOTE, OBJ_LINE, OBJ_DOUBT)  # what the tabs' boxes hold (kept on reload)

_TONE_LABELS = {"friendly": "Friendly", "formal": "Formal", "familylike": "Family-like"}
_SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "info": "FYI"}
_MAX_NOTE_CHARS = 20_000


def _store(settings: Settings) -> Store:
    """The store that logs model calls (and answers repeats)."""
    return Store.open(settings)


def _findings_list(findings: Sequence[Finding]) -> None:
    if not findings:
        st.html('<div class="fu-summary">No findings.</div>')
        return
    for f in findings:
        st.html(
            f'<div class="fu-finding fu-{html.escape(f.severity)}">'
            f"<strong>{_SEVERITY_LABELS.get(f.severity, f.severity)}</strong>: "
            f'{html.escape(f.message)} <span style="opacity:.6">({html.escape(f.rule)})</span>'
            "</div>"
        )


def render_tone_tab(settings: Settings) -> None:
    """Paste any note, pick the intended tone, see what the linter and coach say."""
    st.caption(
        "Paste any note and pick the tone of the conversation it follows. Writing stays "
        "formal whatever the tone: no 'Hey', no slang, at most one exclamation mark."
    )
    st.text_area(
        "The note", key=TONE_NOTE, persist_state="session", height=220, max_chars=_MAX_NOTE_CHARS
    )
    st.selectbox(
        "Intended tone",
        TONES,
        key="tone_expected",
        persist_state="session",
        format_func=lambda v: _TONE_LABELS.get(v, v),
    )
    if st.button("Check the tone", key="tone_run", type="primary"):
        note = st.session_state.get(TONE_NOTE) or ""
        if not note.strip():
            st.error("Paste a note first.")
            return
        from followup.drafting.tone import tone_check

        try:
            with _store(settings) as store:
                report = tone_check(
                    note, st.session_state["tone_expected"], settings=settings, store=store
                )
        except FollowupError as exc:
            st.error(escape_markdown(str(exc)))
            return
        st.session_state["tone_report"] = (note, report)
    saved = st.session_state.get("tone_report")
    if saved is None:
        return
    note, report = saved
    with st.container(key="tone_result"):
        st.html(highlight(note, report.findings))
        _findings_list(report.findings)
        if report.model_read:
            st.info(
                f"{escape_markdown(report.model or 'The model')} reads it so: "
                + escape_markdown(report.model_read)
            )
        if report.model_error:
            st.warning("No model read: " + escape_markdown(report.model_error))


def render_objection_tab(settings: Settings) -> None:
    """A line and the doubt behind it in; three linted alternatives out."""
    st.caption(
        "Answer a doubt indirectly: stress the matching strength, never quote the doubt. "
        "Each alternative below is checked by the linter."
    )
    st.text_area(
        "Your line",
        key=OBJ_LINE,
        persist_state="session",
        height=90,
        max_chars=MAX_FIELD_CHARS,
        placeholder="I know I have never worked in a warehouse, but I learn fast.",
    )
    st.text_input(
        "The doubt it should answer",
        key=OBJ_DOUBT,
        persist_state="session",
        max_chars=MAX_FIELD_CHARS,
        placeholder="has never worked inside a warehouse",
    )
    if st.button("Suggest three alternatives", key="obj_run", type="primary"):
        line = (st.session_state.get(OBJ_LINE) or "").strip()
        doubt = (st.session_state.get(OBJ_DOUBT) or "").strip()
        if not line or not doubt:
            st.error("Give both the line and the doubt.")
            return
        from followup.drafting.rewrite import rewrite_objection

        try:
            with _store(settings) as store:
                st.session_state["obj_result"] = rewrite_objection(
                    line, doubt, settings=settings, store=store
                )
        except FollowupError as exc:
            st.error(escape_markdown(str(exc)))
            return
    result = st.session_state.get("obj_result")
    if result is None:
        return
    with st.container(key="obj_results"):
        if result.fallback_reason:
            st.warning("Model error: " + escape_markdown(result.fallback_reason))
        for n, rewrite in enumerate(result.rewrites, 1):
            with st.container(border=True):
                st.html(f"<strong>Alternative {n}</strong>")
                st.html(highlight(rewrite.text, rewrite.findings))
                _findings_list(rewrite.findings)
                st.code(rewrite.text, language=None, wrap_lines=True)


def render_exports(debrief: Debrief, drafts: Sequence[Draft], plan: Any | None, key: str) -> None:
    """Download buttons for the whole loop: every note as a zip, and Markdown."""
    stem = slugify(f"{debrief.interview.company}-{debrief.interview.role}")
    left, right = st.columns(2)
    with left:
        st.download_button(
            "All notes (.zip of .eml and .txt)",
            data=functools.partial(export.notes_zip, drafts, debrief.candidate),
            file_name=f"{stem}-notes.zip",
            mime="application/zip",
            key=f"zip_{key}",
            icon=":material/folder_zip:",
            on_click="ignore",
        )
    with right:
        st.download_button(
            "Everything as Markdown",
            data=functools.partial(export.loop_markdown, debrief, drafts, plan),
            file_name=f"{stem}.md",
            mime="text/markdown",
            key=f"md_{key}",
            icon=":material/description:",
            on_click="ignore",
        )


def render_plan_tab(state: MutableMapping[str, Any], settings: Settings) -> None:
    """The follow-up plan for the drafted debrief, with its calendar and the exports."""
    debrief: Debrief | None = state.get(actions.DEBRIEF)
    if debrief is None:
        st.info("Fill in the debrief and draft the notes first; the plan follows from it.")
        return
    now = dt.datetime.now(dt.UTC)
    try:
        loop_id = state.get(actions.LOOP_ID)
        if loop_id is not None:
            with _store(settings) as store:
                plan = service.loop_plan(store, loop_id, now)
        else:
            plan = service.plan_loop(debrief, now)
    except FollowupError as exc:
        st.error(escape_markdown(str(exc)))
        return
    st.caption(
        "Thank-you notes the same day, then one e-mail and patience; one brief check-in after "
        "the decision date; calls only where invited; three unanswered contacts and you move on."
    )
    if plan.next_step is not None:
        step = plan.next_step
        st.html(
            f'<div class="fu-next"><strong>Next:</strong> {html.escape(service.step_summary(step))}'
            f", due {step.due.astimezone():%a %d %b, %H:%M}</div>"
        )
    for warning in plan.warnings:
        st.warning(escape_markdown(warning))
    st.dataframe(
        [
            {
                "step": s.kind.replace("_", " "),
                "to": s.to,
                "channel": s.channel,
                "due": s.due.astimezone().strftime("%Y-%m-%d %H:%M"),
                "latest": s.latest.astimezone().strftime("%Y-%m-%d %H:%M"),
                "status": s.status,
                "why": s.reason,
            }
            for s in plan.steps
        ],
        hide_index=True,
        key="plan_table",
    )
    stem = slugify(f"{debrief.interview.company}-{debrief.interview.role}")
    st.download_button(
        "Plan as calendar (.ics)",
        data=functools.partial(export.plan_to_ics, plan, debrief),
        file_name=f"{stem}-plan.ics",
        mime="text/calendar",
        key="plan_ics",
        icon=":material/event:",
        on_click="ignore",
    )
    drafts: list[Draft] = state.get(actions.DRAFTS, [])
    if drafts:
        render_exports(debrief, drafts, plan, key="plan")
