"""The use cases both faces (CLI and app) call: draft a loop, lint it, plan it, save it.

The faces parse input and show results; everything in between happens here,
so the CLI and the app never repeat orchestration.
"""

from __future__ import annotations

from pathlib import Path

from followup.debrief import Debrief
from followup.drafting.base import Draft, Drafter, NoteKind
from followup.drafting.offline import OfflineDrafter
from followup.text import slugify

__all__ = ["draft_loop", "note_filename", "note_text", "write_notes"]


def draft_loop(
    debrief: Debrief, drafter: Drafter | None = None, kind: NoteKind = "thank_you"
) -> list[Draft]:
    """One note per interviewer, drafted by ``drafter`` (the offline drafter by default)."""
    return (drafter or OfflineDrafter()).draft_loop(debrief, kind)


def note_filename(draft: Draft, taken: set[str] | None = None) -> str:
    """``<slug-of-name>.txt``, made unique within ``taken`` (which it updates)."""
    base = slugify(draft.interviewer)
    name = f"{base}.txt"
    if taken is not None:
        n = 2
        while name in taken:
            name = f"{base}-{n}.txt"
            n += 1
        taken.add(name)
    return name


def note_text(draft: Draft) -> str:
    """The note as a plain-text file: subject line, blank line, body."""
    return f"Subject: {draft.subject}\n\n{draft.body}"


def write_notes(drafts: list[Draft], out_dir: Path) -> list[Path]:
    """Write each note to ``out_dir/<slug>.txt``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    paths = []
    for draft in drafts:
        path = out_dir / note_filename(draft, taken)
        path.write_text(note_text(draft), encoding="utf-8")
        paths.append(path)
    return paths
