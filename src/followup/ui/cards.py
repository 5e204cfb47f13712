"""One card per note: subject and body to edit, findings inline and listed, exports."""

from __future__ import annotations

import functools
import html
from collections.abc import MutableMapping, Sequence
from typing import Any

import streamlit as st

from followup import export, service
from followup.debrief import Candidate, Debrief
from followup.drafting.base import Draft
from followup.errors import FollowupError
from followup.lint import Finding
from followup.ui import actions
from followup.ui.highlight import SEVERITY_COLOURS, escape_markdown, highlight
from followup.ui.suggest import edit_for

__all__ = ["card_key", "draft_status", "render_cards", "render_drafts_section"]

_NOTE_HEIGHT = 380
_SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "info": "FYI"}


def card_key(index: int) -> str:
    """The card container's key (its CSS class is ``st-key-<key>``, used by the browser test)."""
    return f"card_{index}"


def draft_status(draft: Draft) -> str:
    """One line on how the note was written: offline or by which model, repairs, fallbacks."""
    if draft.fallback_reason:
        return "Drafted offline: the model failed for this note."
    if draft.backend == "offline":
        made = "Drafted offline"
    else:
        made = f"Drafted by model {draft.model}" if draft.model else "Drafted by model"
    if draft.repair_rounds:
        rounds = draft.repair_rounds
        made += f", {rounds} repair round{'s' if rounds > 1 else ''}"
    return made + "."


def _summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings. Read it once more, then send it yourself."
    counts = {s: sum(f.severity == s for f in findings) for s in _SEVERITY_LABELS}
    parts = [f"{n} {_SEVERITY_LABELS[s].lower()}" for s, n in counts.items() if n]
    return "Findings: " + ", ".join(parts) + "."


def render_cards(
    state: MutableMapping[str, Any],
    drafts: Sequence[Draft],
    findings: Sequence[Sequence[Finding]],
    candidate: Candidate,
) -> None:
    """Every note's card, in the debrief's order."""
    for index, (draft, found) in enumerate(zip(drafts, findings, strict=True)):
        _card(state, index, draft, found, candidate)


def _card(
    state: MutableMapping[str, Any],
    index: int,
    draft: Draft,
    findings: Sequence[Finding],
    candidate: Candidate,
) -> None:
    # Widgets keep their keys from one set of notes to the next (the browser reuses them);
    # the findings, new with every set, are keyed by round.
    round_key = f"{actions.draft_round(state)}_{index}"
    with st.container(border=True, key=card_key(index)):
        to = f"&lt;{html.escape(draft.email)}&gt;" if draft.email else ""
        st.html(
            f'<div class="fu-card-head"><strong>{html.escape(draft.interviewer)}</strong>'
            f'<span style="opacity:.7"> {to}</span><br><span class="fu-status" '
            f'style="font-size:.85rem;opacity:.75">{html.escape(draft_status(draft))}</span></div>'
        )
        if draft.fallback_reason:
            st.warning(
                "Model error, offline draft used: " + escape_markdown(draft.fallback_reason),
                icon="⚠️",
            )
        st.text_input(
            "Subject",
            key=actions.subject_key(index),
            on_change=actions.edit_note,
            args=(state, index),
            max_chars=300,
        )
        editor, checked = st.columns(2)
        with editor:
            st.text_area(
                "Note (edit freely: it is checked again as soon as you click outside)",
                key=actions.body_key(index),
                on_change=actions.edit_note,
                args=(state, index),
                height=_NOTE_HEIGHT,
                max_chars=20_000,
            )
        with checked:
            st.html(
                '<div style="font-size:.875rem;margin-bottom:.25rem">As checked, findings '
                "marked (hover for the reason)</div>"
            )
            with st.container(height=_NOTE_HEIGHT, border=True):
                st.html(highlight(draft.body, findings))
        with st.container(key=f"findings_{round_key}"):
            st.html(f'<div class="fu-summary" style="font-weight:600">{_summary(findings)}</div>')
            _findings(state, index, draft.body, findings, round_key)
        left, mid, right = st.columns(3)
        with left:
            st.button(
                "Regenerate this note",
                key=f"regen_{index}",
                icon=":material/refresh:",
                on_click=actions.regenerate,
                args=(state, index),
            )
        with mid:
            st.download_button(
                "Download .eml",
                data=functools.partial(export.note_to_eml, draft, candidate),
                file_name=service.note_filename(draft).removesuffix(".txt") + ".eml",
                mime="message/rfc822",
                key=f"eml_{index}",
                icon=":material/mail:",
                on_click="ignore",
            )
        with right, st.popover("Copy", icon=":material/content_copy:"):
            st.caption("Use the copy icon at the top right of the text.")
            st.code(service.note_text(draft), language=None, wrap_lines=True)


def _finding_line(body: str, finding: Finding) -> str:
    colour = SEVERITY_COLOURS.get(finding.severity, SEVERITY_COLOURS["info"])
    quoted = body[finding.start : finding.end]
    snippet = f" “{html.escape(quoted[:60])}”" if quoted.strip() else ""
    return (
        f'<div class="fu-finding fu-{html.escape(finding.severity)}" style="margin:2px 0">'
        f'<span style="background:{colour};color:#1f1f1f;border-radius:3px;padding:0 4px;'
        f'font-size:.8rem">{_SEVERITY_LABELS.get(finding.severity, finding.severity)}</span> '
        f"{html.escape(finding.message)}"
        f'<span style="opacity:.6;font-size:.8rem">{snippet} · line {finding.line} · '
        f"{html.escape(finding.rule)}</span></div>"
    )


def _findings(
    state: MutableMapping[str, Any],
    index: int,
    body: str,
    findings: Sequence[Finding],
    round_key: str,
) -> None:
    """The findings in order; each one with a suggestion gets its "apply" button under it."""
    lines: list[str] = []
    for j, finding in enumerate(findings):
        lines.append(_finding_line(body, finding))
        edit = edit_for(body, finding)
        if edit is None:
            if finding.suggestion:
                lines.append(
                    '<div class="fu-tip" style="margin:0 0 4px 1.2rem;font-size:.85rem;'
                    f'opacity:.8">Tip: {html.escape(finding.suggestion)}</div>'
                )
            continue
        # Fewer, larger HTML blocks draw faster than one element per finding.
        st.html("".join(lines))
        lines = []
        label = (
            f"Apply suggestion: “{escape_markdown(edit.text[:60])}”"
            if edit.text
            else f"Apply suggestion: remove “{escape_markdown(edit.original[:40])}”"
        )
        st.button(
            label,
            key=f"apply_{round_key}_{j}",
            on_click=actions.apply_suggestion,
            args=(state, index, edit.start, edit.end, edit.original, edit.text),
        )
    if lines:
        st.html("".join(lines))


def render_drafts_section(state: MutableMapping[str, Any]) -> None:
    """The notes: exports for the loop, one card per note, and the overlap heat map."""
    from followup.ui.heatmap import render_heatmap
    from followup.ui.tabs import render_exports

    drafts: list[Draft] = state.get(actions.DRAFTS, [])
    debrief: Debrief | None = state.get(actions.DEBRIEF)
    if not drafts or debrief is None:
        return
    st.header("Your notes")
    try:
        findings = service.lint_drafts(debrief, drafts)
    except FollowupError as exc:
        # The notes stay editable even when they cannot be checked.
        st.error(escape_markdown(str(exc)))
        findings = [[] for _ in drafts]
    errors = sum(f.severity == "error" for found in findings for f in found)
    st.caption(
        f"{len(drafts)} notes, one per person. "
        + (
            f"{errors} finding{'s' if errors != 1 else ''} to fix before sending. "
            if errors
            else "Nothing that must be fixed. "
        )
        + "It drafts; you send."
    )
    render_exports(debrief, drafts, None, key="cards")
    render_cards(state, drafts, findings, debrief.candidate)
    if len(drafts) > 1:
        st.subheader("How much the notes share")
        st.caption(
            "Interview teams compare their e-mails. Dark cells off the diagonal mean two notes "
            "share text: rewrite one of them."
        )
        render_heatmap([d.interviewer for d in drafts], service.note_similarity(drafts))
