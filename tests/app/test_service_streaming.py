"""service.draft_loop_streaming: progress on the caller's thread, repair pass only when useful."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from followup import service
from followup.debrief import Debrief, load_debrief
from followup.drafting.base import Draft, NoteKind
from followup.settings import Settings

HARBORLINE = Path(__file__).resolve().parents[2] / "fixtures" / "debriefs" / "harborline.yaml"


@dataclass(frozen=True)
class _Update:
    text: str
    draft: Draft | None = None


@dataclass
class _StreamingDrafter:
    """Streams each note in two chunks; ``fail`` names people whose notes fall back."""

    settings: Settings = field(default_factory=Settings)
    fail: frozenset[str] = frozenset()
    boom: bool = False
    loop_calls: int = 0
    name: str = "openai"

    def _draft(self, debrief: Debrief, index: int, kind: NoteKind) -> Draft:
        person = debrief.interviewers[index].name
        reason = "server down; drafted offline instead" if person in self.fail else None
        backend = "offline" if reason else "openai"
        return Draft(
            interviewer=person,
            subject="s",
            body=f"Dear {person}, thank you.",
            kind=kind,
            backend=backend,
            fallback_reason=reason,
        )

    def stream_one(self, debrief: Debrief, index: int, kind: NoteKind) -> Iterator[_Update]:
        if self.boom:
            raise RuntimeError("broken stream")
        draft = self._draft(debrief, index, kind)
        yield _Update(draft.body[:5])
        yield _Update(draft.body, draft)

    def draft_loop(self, debrief: Debrief, kind: NoteKind = "thank_you") -> list[Draft]:
        self.loop_calls += 1
        return [
            self._draft(debrief, i, kind).model_copy(update={"repair_rounds": 1})
            for i in range(len(debrief.interviewers))
        ]

    def draft_one(self, debrief: Debrief, index: int, kind: NoteKind = "thank_you") -> Draft:
        return self._draft(debrief, index, kind)


@pytest.fixture
def debrief() -> Debrief:
    """The three-person Harborline loop."""
    return load_debrief(HARBORLINE)


def test_updates_arrive_on_the_callers_thread(debrief: Debrief) -> None:
    """Every partial and finished note is reported on the calling thread, each note finished."""
    seen: list[tuple[int, str, bool]] = []
    caller = threading.get_ident()

    def on_update(update: service.NoteProgress) -> None:
        assert threading.get_ident() == caller
        seen.append((update.index, update.text, update.draft is not None))

    drafts = service.draft_loop_streaming(debrief, _StreamingDrafter(), on_update)
    assert len(drafts) == 3
    assert sorted(i for i, _, done in seen if done) == [0, 1, 2]
    assert any(not done for _, _, done in seen)


def test_repair_pass_runs_at_temperature_zero(debrief: Debrief) -> None:
    """At temperature 0 the loop is finished by the drafter's own draft_loop (repair rounds)."""
    drafter = _StreamingDrafter()
    drafts = service.draft_loop_streaming(debrief, drafter, lambda _: None)
    assert drafter.loop_calls == 1
    assert {d.repair_rounds for d in drafts} == {1}


def test_no_second_wait_when_every_note_fell_back(debrief: Debrief) -> None:
    """With the server down for everyone, the streamed fallbacks are returned as they are."""
    people = frozenset(p.name for p in debrief.interviewers)
    drafter = _StreamingDrafter(fail=people)
    drafts = service.draft_loop_streaming(debrief, drafter, lambda _: None)
    assert drafter.loop_calls == 0
    assert all(d.fallback_reason for d in drafts)


def test_no_repair_pass_above_temperature_zero(debrief: Debrief) -> None:
    """Above temperature 0 nothing is cached, so the streamed notes are kept, not redrafted."""
    drafter = _StreamingDrafter(settings=Settings(temperature=0.7))
    service.draft_loop_streaming(debrief, drafter, lambda _: None)
    assert drafter.loop_calls == 0


def test_a_stream_error_reaches_the_caller(debrief: Debrief) -> None:
    """An exception inside a worker is raised on the caller's thread."""
    with pytest.raises(RuntimeError, match="broken stream"):
        service.draft_loop_streaming(debrief, _StreamingDrafter(boom=True), lambda _: None)


def test_offline_drafter_reports_each_finished_note(debrief: Debrief) -> None:
    """A drafter without streaming reports each note once, finished."""
    seen: list[int] = []
    drafts = service.draft_loop_streaming(
        debrief, service.make_drafter(Settings()), lambda u: seen.append(u.index)
    )
    assert seen == [0, 1, 2]
    assert [d.backend for d in drafts] == ["offline"] * 3
