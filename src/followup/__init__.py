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
# The homes are tried in this order, lightest first; a name is taken from the first
# that defines it.
_HOMES = ("followup.errors", "followup.debrief", "followup.drafting", "followup.service")


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    for home in _HOMES:
        module = importlib.import_module(home)
        if hasattr(module, name):
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module 'followup' has no attribute {name!r}")


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
