"""followup: draft, lint and plan the notes a job seeker sends after an interview.

It drafts; you send. The public API is re-exported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.debrief import (
        Candidate,
        Debrief,
        Interview,
        Interviewer,
        debrief_json_schema,
        dump_debrief,
        load_debrief,
        parse_debrief,
    )
    from followup.drafting import Draft, Drafter, NoteKind, OfflineDrafter
    from followup.errors import (
        ConfigError,
        FollowupError,
        InputError,
        LimitError,
        ModelError,
        StoreError,
        TemplateError,
    )
    from followup.service import draft_loop

# Each name is imported at its first use: `followup lint` should not load the drafting
# machinery (langchain, the prompt templates) only because it imports followup.errors.
_HOME = {
    **dict.fromkeys(
        (
            "Candidate",
            "Debrief",
            "Interview",
            "Interviewer",
            "debrief_json_schema",
            "dump_debrief",
            "load_debrief",
            "parse_debrief",
        ),
        "followup.debrief",
    ),
    **dict.fromkeys(("Draft", "Drafter", "NoteKind", "OfflineDrafter"), "followup.drafting"),
    **dict.fromkeys(
        (
            "ConfigError",
            "FollowupError",
            "InputError",
            "LimitError",
            "ModelError",
            "StoreError",
            "TemplateError",
        ),
        "followup.errors",
    ),
    "draft_loop": "followup.service",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Candidate",
    "ConfigError",
    "Debrief",
    "Draft",
    "Drafter",
    "FollowupError",
    "InputError",
    "Interview",
    "Interviewer",
    "LimitError",
    "ModelError",
    "NoteKind",
    "OfflineDrafter",
    "StoreError",
    "TemplateError",
    "debrief_json_schema",
    "draft_loop",
    "dump_debrief",
    "load_debrief",
    "parse_debrief",
]
