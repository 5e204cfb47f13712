"""The debrief form: the interview, you, and one expandable section per person met."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, MutableMapping
from typing import Any

import streamlit as st

from followup.debrief import MAX_FIELD_CHARS, MAX_INTERVIEWERS, MAX_LIST_ITEMS
from followup.ui import actions
from followup.ui.highlight import escape_markdown
from followup.ui.state import (
    HONORIFICS,
    PEOPLE_KEY,
    ROLES,
    STAGES,
    TONES,
    field_key,
    person_key,
)

__all__ = ["render_form"]

_NAME_CHARS = 200
_LIST_CHARS = MAX_FIELD_CHARS * MAX_LIST_ITEMS
_FIRST_DAY, _LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)

_ROLE_LABELS = {
    "decision_maker": "Decision maker",
    "hiring_manager": "Hiring manager",
    "influencer": "Influencer",
    "peer": "Future peer",
    "assistant": "Assistant / coordinator",
    "other": "Other",
}
_TONE_LABELS = {"friendly": "Friendly", "formal": "Formal", "familylike": "Family-like"}
_STAGE_LABELS = {"": "(not given)", "first": "First", "second": "Second", "final": "Final"}
_HONORIFIC_LABELS = {"": "(not given)", "none": "none (full name)"}

# Short coaching help, from the domain rules.
HELP = {
    "first_interviewed": "If you were the first candidate seen, the note asks to be seen again "
    "once the others are done.",
    "decision_expected": "When they expect to decide. One brief check-in is planned after it.",
    "candidate_decision_deadline": "Offers elsewhere expected by a date? Sharing your own "
    "timeline respectfully is fine and useful.",
    "overall": "How it went overall: what went right, what went wrong and why.",
    "role": "Assistants and coordinators often have more influence than their title suggests: "
    "they get a note too, and a different one.",
    "first_name_invited": "Only if they asked you to. Otherwise the note uses Mr./Ms./Dr. and "
    "the last name; do not presume.",
    "tone": "The note mirrors the conversation's tone, yet stays formal in writing: "
    "no 'Hey', no slang.",
    "invited_to_call": "A business card with a phone number and 'call me if you have "
    "questions' is an invitation. Otherwise do not call.",
    "topics": "One per line. The specific things you discussed, personal and harmless ones "
    "too (a restaurant, a hobby): the note must touch one.",
    "positives": "One per line. Why this person would want you there.",
    "objections": "One per line, strongest first. Doubts spoken or not: background, missing "
    "experience, salary, overqualified, a threat to a peer, age, fit. The note answers the "
    "strongest by stressing the matching strength, never by quoting the doubt.",
    "key_issues": "One per line. What this person cares about. Acknowledge it; do not try to "
    "solve it in the note.",
    "next_steps": "One per line. What happens next, and who owns it.",
}


# Top-level fields whose help is in HELP (the others, like "role", are people's fields).
_TOP_HELP = {
    name: HELP[name]
    for name in ("first_interviewed", "decision_expected", "candidate_decision_deadline", "overall")
}


def _error(errors: Mapping[str, str], name: str) -> None:
    """The field's problem, right under it, as one escaped line."""
    message = errors.get(name)
    if message:
        st.html(
            f'<div class="fu-field-error" style="color:#c62828;font-size:0.85rem;'
            f'margin-top:-0.6rem">⚠ {html.escape(message)}</div>'
        )


def _keep_valid(state: MutableMapping[str, Any], key: str, options: tuple[str, ...]) -> None:
    """A select's stored value must be one of its options (a hand-edited file may not be)."""
    if state.get(key) not in options:
        state[key] = options[0]


def _text(label: str, name: str, errors: Mapping[str, str], **kwargs: Any) -> None:
    st.text_input(label, key=field_key(name), help=_TOP_HELP.get(name), **kwargs)
    _error(errors, name)


def _date(label: str, name: str, errors: Mapping[str, str]) -> None:
    st.date_input(
        label,
        value=None,
        min_value=_FIRST_DAY,
        max_value=_LAST_DAY,
        key=field_key(name),
        help=_TOP_HELP.get(name),
        format="YYYY-MM-DD",
    )
    _error(errors, name)


def render_form(state: MutableMapping[str, Any]) -> None:
    """The form; its buttons' callbacks in ``actions`` do the work."""
    errors: Mapping[str, str] = state.get(actions.ERRORS, {})
    slots: list[int] = list(state.get(PEOPLE_KEY, []))
    _keep_valid(state, field_key("stage"), STAGES)
    with st.form("debrief_form", enter_to_submit=False, border=True):
        if errors:
            count = len(errors)
            st.error(
                f"{count} field{'s need' if count > 1 else ' needs'} attention; "
                "see the notes in red below. Nothing you typed was lost."
            )
            _error(errors, "")
        st.subheader("The interview")
        left, right = st.columns(2)
        with left:
            _text("Company", "company", errors, max_chars=_NAME_CHARS)
            _date("Interview date", "date", errors)
            st.selectbox(
                "Stage",
                STAGES,
                key=field_key("stage"),
                format_func=lambda v: _STAGE_LABELS.get(v, v),
            )
            _error(errors, "stage")
        with right:
            _text("Role", "role", errors, max_chars=_NAME_CHARS)
            _date("Decision expected by", "decision_expected", errors)
            st.checkbox(
                "I was the first candidate they saw",
                key=field_key("first_interviewed"),
                help=HELP["first_interviewed"],
            )
        st.text_area(
            "How it went",
            key=field_key("overall"),
            help=HELP["overall"],
            max_chars=MAX_FIELD_CHARS,
            height=80,
        )
        _error(errors, "overall")

        st.subheader("You")
        left, right = st.columns(2)
        with left:
            _text("Your name", "candidate_name", errors, max_chars=_NAME_CHARS)
            _text("Your phone", "candidate_phone", errors, max_chars=MAX_FIELD_CHARS)
        with right:
            _text("Your e-mail", "candidate_email", errors, max_chars=MAX_FIELD_CHARS)
            _date("Your own decision deadline", "candidate_decision_deadline", errors)

        st.subheader("People you met")
        st.caption(
            "Everyone gets a note, each one different: interview teams compare their e-mails."
        )
        for index, slot in enumerate(slots):
            _person(state, index, slot, errors, removable=len(slots) > 1)
        st.form_submit_button(
            "Add a person",
            icon=":material/person_add:",
            key="form_add_person",
            disabled=len(slots) >= MAX_INTERVIEWERS,
            on_click=actions.add_person,
            args=(state,),
        )
        st.divider()
        st.form_submit_button(
            "Save and draft the notes",
            type="primary",
            key="form_submit",
            on_click=actions.submit,
            args=(state,),
        )


def _person(
    state: MutableMapping[str, Any],
    index: int,
    slot: int,
    errors: Mapping[str, str],
    *,
    removable: bool,
) -> None:
    def key(name: str) -> str:
        return person_key(slot, name)

    def err(name: str) -> None:
        _error(errors, f"{index}.{name}")

    for name, options in (("role", ROLES), ("tone", TONES), ("honorific", HONORIFICS)):
        _keep_valid(state, key(name), options)
    name = str(state.get(key("name")) or "").strip()
    has_error = any(k.startswith(f"{index}.") for k in errors)
    label = f"{index + 1}. {escape_markdown(name) if name else 'New person'}"
    # Once the notes are drafted the people fold away (the notes are what matter then),
    # except anyone with a problem and anyone just added.
    expanded = has_error or not state.get(actions.DRAFTS) or slot == state.get(actions.NEW_SLOT)
    with st.expander(label, expanded=expanded, icon=":material/error:" if has_error else None):
        left, mid, right = st.columns(3)
        with left:
            st.text_input("Name", key=key("name"), max_chars=_NAME_CHARS)
            err("name")
            st.selectbox(
                "Part in the decision",
                ROLES,
                key=key("role"),
                format_func=lambda v: _ROLE_LABELS.get(v, v),
                help=HELP["role"],
            )
            err("role")
        with mid:
            st.text_input("Title", key=key("title"), max_chars=MAX_FIELD_CHARS)
            err("title")
            st.selectbox(
                "Tone of the conversation",
                TONES,
                key=key("tone"),
                format_func=lambda v: _TONE_LABELS.get(v, v),
                help=HELP["tone"],
            )
            err("tone")
        with right:
            st.text_input("E-mail", key=key("email"), max_chars=MAX_FIELD_CHARS)
            err("email")
            st.selectbox(
                "Honorific",
                HONORIFICS,
                key=key("honorific"),
                format_func=lambda v: _HONORIFIC_LABELS.get(v, v),
            )
            err("honorific")
        left, right = st.columns(2)
        with left:
            st.checkbox(
                "Invited me to use their first name",
                key=key("first_name_invited"),
                help=HELP["first_name_invited"],
            )
        with right:
            st.checkbox(
                "Invited me to call", key=key("invited_to_call"), help=HELP["invited_to_call"]
            )
        left, right = st.columns(2)
        for column, field, label in (
            (left, "topics", "Topics discussed"),
            (right, "positives", "Why they would want you"),
            (left, "objections", "Their doubts (objections)"),
            (right, "key_issues", "Key issues for them"),
        ):
            with column:
                st.text_area(
                    label, key=key(field), help=HELP[field], max_chars=_LIST_CHARS, height=100
                )
                err(field)
        st.text_area(
            "Next steps",
            key=key("next_steps"),
            help=HELP["next_steps"],
            max_chars=_LIST_CHARS,
            height=68,
        )
        err("next_steps")
        if removable:
            st.form_submit_button(
                "Remove this person",
                icon=":material/person_remove:",
                key=f"form_remove_{slot}",
                on_click=actions.remove_person,
                args=(state, slot),
            )
