"""The use cases both faces (CLI and app) call: draft a loop, lint it, plan it, save it.

The faces parse input and show results; everything in between happens here,
so the CLI and the app never repeat orchestration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from followup.debrief import Candidate, Debrief
from followup.drafting.base import Draft, Drafter, NoteKind
from followup.drafting.offline import OfflineDrafter
from followup.errors import InputError
from followup.text import slugify

if TYPE_CHECKING:
    from collections.abc import Sequence
    from zoneinfo import ZoneInfo

    from followup.cadence import CadenceSettings, OutcomeRecord, Plan, Step
    from followup.lint import Finding, LintConfig
    from followup.settings import Settings
    from followup.store import SavedVersion, Store

__all__ = [
    "MIN_ACTIVE_LOOPS",
    "LoopStatus",
    "NoteProgress",
    "TrackerStatus",
    "draft_loop",
    "draft_loop_streaming",
    "lint_drafts",
    "loop_plan",
    "make_drafter",
    "note_filename",
    "note_similarity",
    "note_text",
    "parse_when",
    "plan_loop",
    "record_outcome",
    "save_debrief",
    "step_summary",
    "tracker_status",
    "write_eml",
    "write_notes",
]


def draft_loop(
    debrief: Debrief, drafter: Drafter | None = None, kind: NoteKind = "thank_you"
) -> list[Draft]:
    """One note per interviewer, drafted by ``drafter`` (the offline drafter by default)."""
    return (drafter or OfflineDrafter()).draft_loop(debrief, kind)


def make_drafter(settings: Settings, store: Store | None = None) -> Drafter:
    """The drafter ``settings.backend`` names: offline, or the LLM drafter.

    The LLM drafter logs every call to ``store`` (and answers repeats from it at
    temperature 0) and runs the linter's repair rounds on each loop it drafts.
    """
    if settings.backend == "offline":
        return OfflineDrafter()
    from followup.drafting.llm import LLMDrafter
    from followup.drafting.repair import default_linter

    return LLMDrafter(settings, store=store, lint=default_linter)


@dataclass(frozen=True, slots=True)
class NoteProgress:
    """One note's text so far while a loop drafts; ``draft`` is set once it is finished."""

    index: int
    text: str
    draft: Draft | None = None


def draft_loop_streaming(
    debrief: Debrief,
    drafter: Drafter,
    on_update: Callable[[NoteProgress], None],
    kind: NoteKind = "thank_you",
) -> list[Draft]:
    """Draft the loop, reporting each note's text as it arrives; returns the finished loop.

    A drafter with ``stream_one`` (the LLM drafter) streams every note at once,
    ``max_concurrency`` at a time. At temperature 0 its ``draft_loop`` then adds
    the lint repair rounds, the first pass answered from the call log; when
    every note fell back to offline (the server is down) there is nothing to
    repair and no second wait. ``on_update`` is always called on the caller's
    thread (Streamlit draws only from there).
    """
    stream_one = getattr(drafter, "stream_one", None)
    if stream_one is None:
        drafts = drafter.draft_loop(debrief, kind)
        for i, draft in enumerate(drafts):
            on_update(NoteProgress(i, draft.body, draft))
        return drafts
    import queue
    from concurrent.futures import ThreadPoolExecutor

    updates: queue.Queue[NoteProgress | BaseException] = queue.Queue()

    def run(index: int) -> None:
        try:
            for update in stream_one(debrief, index, kind):
                updates.put(NoteProgress(index, update.text, update.draft))
        except BaseException as exc:  # handed to the caller's thread, raised there
            updates.put(exc)

    count = len(debrief.interviewers)
    settings = getattr(drafter, "settings", None)
    workers = max(1, int(getattr(settings, "max_concurrency", 4)))
    streamed: dict[int, Draft] = {}
    with ThreadPoolExecutor(max_workers=min(workers, count)) as pool:
        for index in range(count):
            pool.submit(run, index)
        while len(streamed) < count:
            item = updates.get()
            if isinstance(item, BaseException):
                raise item
            if item.draft is not None:
                streamed[item.index] = item.draft
            on_update(item)
    drafts = [streamed[i] for i in range(count)]
    if all(d.fallback_reason for d in drafts) or getattr(settings, "temperature", 0.0) > 0:
        return drafts
    return drafter.draft_loop(debrief, kind)


def lint_drafts(
    debrief: Debrief, drafts: Sequence[Draft], config: LintConfig | None = None
) -> list[list[Finding]]:
    """The findings of every note of a loop (bodies, checked together for duplication).

    Offsets are into each ``draft.body``. ``config`` defaults to the nearest
    ``[tool.followup.lint]`` configuration.
    """
    from followup.lint import NoteInput, lint_loop, load_lint_config

    by_name = {p.name: p for p in debrief.interviewers}
    notes = [
        NoteInput(text=d.body, recipient=by_name.get(d.interviewer), label=d.interviewer)
        for d in drafts
    ]
    found = lint_loop(notes, debrief=debrief, config=config or load_lint_config())
    return [list(f) for f in found]


def note_similarity(drafts: Sequence[Draft]) -> list[list[float]]:
    """How much each pair of notes shares (0..1, the duplication rule's measure)."""
    from followup.lint import similarity_matrix

    return similarity_matrix([d.body for d in drafts])


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


def write_eml(drafts: Sequence[Draft], candidate: Candidate, out_dir: Path) -> list[Path]:
    """Write each note as an unsent e-mail draft ``out_dir/<slug>.eml``; returns the paths."""
    from followup.export import note_to_eml

    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    paths = []
    for draft in drafts:
        path = out_dir / (note_filename(draft, taken).removesuffix(".txt") + ".eml")
        path.write_bytes(note_to_eml(draft, candidate))
        paths.append(path)
    return paths


def plan_loop(
    debrief: Debrief,
    now: dt.datetime | None = None,
    outcomes: Sequence[OutcomeRecord] = (),
    settings: CadenceSettings | None = None,
    tz: ZoneInfo | None = None,
) -> Plan:
    """The follow-up plan for ``debrief`` at ``now`` (default: this moment) in zone ``tz``."""
    from followup.cadence import build_plan

    return build_plan(debrief, now or dt.datetime.now(dt.UTC), outcomes, settings, tz)


# ---------------------------------------------------------------- tracker
# The store and the planner are imported inside the functions: importing
# ``followup`` (and so this module) must stay quick for ``followup lint``.

# Coaches advise six to ten opportunities in progress at once.
MIN_ACTIVE_LOOPS = 6


@dataclass(frozen=True, slots=True)
class LoopStatus:
    """One loop as the tracker shows it: its headline and its recomputed plan."""

    loop_id: int
    company: str
    role: str
    plan: Plan


@dataclass(frozen=True, slots=True)
class TrackerStatus:
    """Every loop's plan at one moment, active ones soonest next action first."""

    now: dt.datetime
    active: tuple[LoopStatus, ...]
    closed: tuple[LoopStatus, ...]
    warning: str | None


def parse_when(text: str | None, *, field: str, zone: ZoneInfo | None = None) -> dt.datetime:
    """An ISO date or date-time as an aware moment; None is now.

    A time without a zone is read in the planner's zone (FOLLOWUP_TZ, else the
    machine's), the same zone the plan's dates are computed in.
    """
    from followup.cadence import local_zone

    zone = zone or local_zone()
    if text is None:
        return dt.datetime.now(zone)
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{field}: expected a date or time like 2027-03-10 or 2027-03-10T09:30, got {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def step_summary(step: Step) -> str:
    """One step in words, mid-line: "thank-you note to Priya Raman by email"."""
    from followup.export import step_summary as summary

    return summary(step, inline=True)


def save_debrief(store: Store, debrief: Debrief, loop_id: int | None = None) -> SavedVersion:
    """Keep ``debrief`` as a new loop, or as the next version of ``loop_id``."""
    return store.save_debrief(debrief, loop_id)


def loop_plan(store: Store, loop_id: int, now: dt.datetime) -> Plan:
    """The loop's plan at ``now``, from its latest debrief and every recorded outcome."""
    from followup.cadence import build_plan

    return build_plan(store.load_debrief(loop_id), now, store.outcomes(loop_id))


def record_outcome(
    store: Store,
    loop_id: int,
    step_id: str,
    outcome: str,
    at: dt.datetime,
    now: dt.datetime | None = None,
) -> Plan:
    """Record what happened at one step of the loop's plan; returns the plan recomputed."""
    now = now or dt.datetime.now(dt.UTC)
    steps = [step.id for step in loop_plan(store, loop_id, now).steps]
    if step_id not in steps:
        valid = ", ".join(steps) or "none"
        raise InputError(f"loop {loop_id} has no step {step_id!r}; its steps are: {valid}")
    store.record_outcome(loop_id, step_id, outcome, at)
    return loop_plan(store, loop_id, now)


def tracker_status(store: Store, now: dt.datetime) -> TrackerStatus:
    """Every loop's plan at ``now``; warns when fewer than six loops are active."""
    active: list[LoopStatus] = []
    closed: list[LoopStatus] = []
    for loop in store.list_loops():
        status = LoopStatus(
            loop.loop_id, loop.company, loop.role, loop_plan(store, loop.loop_id, now)
        )
        (active if status.plan.state == "active" else closed).append(status)

    def soonest(status: LoopStatus) -> tuple[bool, dt.datetime, int]:
        step = status.plan.next_step
        # Active loops with nothing left to do go last, in loop order.
        return (step is None, step.due if step else now, status.loop_id)

    active.sort(key=soonest)
    warning = None
    if len(active) < MIN_ACTIVE_LOOPS:
        noun = "opportunity is" if len(active) == 1 else "opportunities are"
        warning = (
            f"only {len(active)} {noun} active; coaches advise keeping six to ten in progress "
            "at once, so that no single loop is the only plan"
        )
    return TrackerStatus(now, tuple(active), tuple(closed), warning)
