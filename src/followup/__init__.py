"""followup: draft, lint and plan the notes a job seeker sends after an interview.

It drafts; you send. The public API is re-exported here.
"""

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
