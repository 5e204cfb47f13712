"""The sidebar: drafting settings, the cost estimate, and earlier debriefs to reopen."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

import streamlit as st

from followup.errors import FollowupError
from followup.settings import Settings, load_settings
from followup.ui import actions
from followup.ui.highlight import escape_markdown
from followup.ui.state import check_form, read_form

__all__ = ["render_estimate", "render_history", "render_settings", "streamlit_secrets"]

_BACKENDS = ("offline", "openai")
_BACKEND_LABELS = {"offline": "Offline (no network)", "openai": "OpenAI-compatible endpoint"}


def streamlit_secrets() -> Mapping[str, object] | None:
    """``.streamlit/secrets.toml`` as a mapping, or None when there is none."""
    try:
        if not st.secrets.load_if_toml_exists():
            return None
        return dict(st.secrets.to_dict())
    except Exception:  # a malformed secrets file must not stop the app
        st.sidebar.warning("`.streamlit/secrets.toml` could not be read; it is ignored.")
        return None


def render_settings(state: MutableMapping[str, Any]) -> Settings:
    """The settings widgets; returns the settings to draft with (the key never shown)."""
    secrets = streamlit_secrets()
    try:
        base = load_settings(secrets=secrets)
    except FollowupError as exc:
        st.sidebar.error(escape_markdown(str(exc)))
        base = Settings()
    defaults = {
        "set_backend": base.backend,
        "set_base_url": base.base_url or "",
        "set_model": base.model,
        "set_concurrency": base.max_concurrency,
    }
    for key, value in defaults.items():
        state.setdefault(key, value)
    sb = st.sidebar
    sb.header("Settings")
    backend = sb.radio(
        "Drafting backend",
        _BACKENDS,
        key="set_backend",
        format_func=lambda v: _BACKEND_LABELS.get(v, v),
        help="Offline drafting is instant and private. A model writes more varied notes; "
        "each note it writes is still linted, and a failed call falls back to offline.",
    )
    if backend == "openai":
        sb.text_input(
            "Base URL",
            key="set_base_url",
            persist_state="session",
            placeholder="https://api.openai.com/v1",
            help="Any OpenAI-compatible endpoint (a local server works too).",
        )
        sb.text_input("Model", key="set_model", persist_state="session")
        sb.number_input(
            "Max concurrency",
            min_value=1,
            max_value=64,
            step=1,
            key="set_concurrency",
            persist_state="session",
        )
        if base.api_key is None:
            sb.caption(
                "API key: not set. Put OPENAI_API_KEY in the environment or in "
                "`.streamlit/secrets.toml`; it is never stored."
            )
        else:
            sb.caption("API key: read from the environment or secrets; never stored or shown.")
    try:
        return load_settings(
            secrets=secrets,
            backend=backend,
            base_url=(state.get("set_base_url") or "").strip() or None,
            model=(state.get("set_model") or "").strip() or None,
            max_concurrency=int(state.get("set_concurrency") or base.max_concurrency),
        )
    except FollowupError as exc:
        sb.error(escape_markdown(str(exc)))
        return base


def render_history(state: MutableMapping[str, Any], settings: Settings) -> None:
    """Earlier debriefs in the store, with their versions, to reopen."""
    from followup.store import Store

    sb = st.sidebar
    sb.header("Earlier debriefs")
    try:
        with Store.open(settings) as store:
            loops = store.list_loops()
            chosen = None
            if loops:
                chosen = sb.selectbox(
                    "Interview loop",
                    loops,
                    key="hist_loop",
                    format_func=lambda lp: f"{lp.company} · {lp.role} ({lp.interview_date})",
                )
            versions = store.list_draft_versions(chosen.loop_id) if chosen else []
    except FollowupError as exc:
        sb.error(escape_markdown(str(exc)))
        return
    if chosen is None:
        sb.caption("Each debrief you submit is saved here, with every set of notes.")
        return
    debrief_version = sb.selectbox(
        "Debrief version",
        list(range(chosen.debrief_versions, 0, -1)),
        key=f"hist_dv_{chosen.loop_id}",
        format_func=lambda v: (
            f"version {v}" + (" (latest)" if v == chosen.debrief_versions else "")
        ),
    )
    draft_choices: list[int | None] = [v.version for v in reversed(versions)] + [None]
    labels = {
        v.version: f"notes v{v.version}: {v.count} notes, {', '.join(v.backends)}, "
        f"{v.created_at.astimezone():%Y-%m-%d %H:%M}"
        for v in versions
    }
    draft_version = sb.selectbox(
        "Notes",
        draft_choices,
        key=f"hist_nv_{chosen.loop_id}",
        format_func=lambda v: labels.get(v, "draft them again") if v else "draft them again",
    )
    sb.button(
        "Reopen",
        key="hist_reopen",
        icon=":material/history:",
        on_click=actions.request_reopen,
        args=(state, chosen.loop_id, debrief_version, draft_version),
    )


def render_estimate(state: MutableMapping[str, Any], settings: Settings) -> None:
    """Tokens and cost of drafting the form's debrief, shown before anything is sent."""
    sb = st.sidebar
    if settings.backend == "offline":
        sb.caption("Offline drafting: nothing is sent, no tokens, no cost.")
        return
    debrief, _ = check_form(read_form(state))
    if debrief is None:
        sb.caption("The token and cost estimate appears once the debrief is complete.")
        return
    from followup.drafting.prompts import estimate

    try:
        summary = estimate(debrief, settings).summary()
    except FollowupError as exc:
        sb.error(escape_markdown(str(exc)))
        return
    sb.info("Before drafting: " + escape_markdown(summary), icon=":material/toll:")
