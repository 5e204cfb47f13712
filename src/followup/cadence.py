"""The follow-up schedule: which note or call goes to whom, and when.

A plan is a pure function of the debrief, "now", the outcomes recorded so far
and the settings; nothing here reads a clock or a file. The conventions, every
one of them a setting (see ``CadenceSettings``):

- The debrief records the interview's date only; the interview is taken to end
  at ``interview_ends_at`` (17:00) in the interview's zone. Thank-you notes are
  due then and are late ``thank_you_latest_hours`` (24) later. When that limit
  falls on a weekend or holiday it moves back to the same evening
  (``after_hours_until``), so no step sits on a day off; only an interview held
  on a day off gets its thank-you notes that same day.
- Everything else (check-in, timeline note, call, rejection reply) is due at the
  opening of the calling window on a business day and is overdue at its close
  ``grace_business_days`` later. Calls are planned only to people who invited
  them, as the follow-up after an unanswered check-in; the check-in itself is an
  e-mail, so a step is never both.
- Dates are computed on the local wall clock and then placed in the zone, so a
  daylight-saving change keeps 9:00 at 9:00.
- Three strikes: every follow-up contact recorded as ``sent`` (check-in,
  timeline note, call, further check-ins) counts until someone replies (any
  ``replied`` clears the count). Thank-you notes do not count: they ask for
  nothing, so silence after them is no answer, and a loop of three people must
  not "move on" the day after the interview. For the same reason the next
  chase waits ``follow_up_days`` after the last follow-up contact, not after a
  thank-you. At ``max_unanswered`` the loop has "moved on": nothing further is
  planned and what was pending is cancelled.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from followup.debrief import Debrief, Interviewer
from followup.drafting.base import NoteKind
from followup.errors import ConfigError, InputError
from followup.text import slugify

__all__ = [
    "CadenceSettings",
    "Channel",
    "LoopState",
    "Outcome",
    "OutcomeRecord",
    "Plan",
    "Step",
    "StepKind",
    "StepStatus",
    "build_plan",
    "local_zone",
    "parse_holidays",
    "point_person",
    "resolve_zone",
    "settings_table",
]

StepKind = Literal["thank_you", "check_in", "timeline", "call", "rejection_reply"]
Channel = Literal["email", "call", "voicemail"]
Outcome = Literal["sent", "replied", "rejected", "offer", "withdrawn"]
StepStatus = Literal["pending", "due", "overdue", "done", "cancelled"]
LoopState = Literal["active", "moved_on", "rejected", "offer", "withdrawn"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")
# Order of steps falling at the same moment, and which one keeps its day when
# two would reach the same person on one day (the later kind moves).
_PRIORITY: dict[str, int] = {
    "thank_you": 0,
    "timeline": 1,
    "check_in": 2,
    "call": 3,
    "rejection_reply": 4,
}
_TERMINAL: dict[str, LoopState] = {
    "rejected": "rejected",
    "offer": "offer",
    "withdrawn": "withdrawn",
}
# A year of consecutive days off means the holiday list is wrong, not the date.
_MAX_SCAN_DAYS = 366


class OutcomeRecord(BaseModel):
    """What happened to one step, as the user recorded it."""

    model_config = _FROZEN

    step_id: str
    outcome: Outcome
    at: AwareDatetime


class Step(BaseModel):
    """One thing to do: a note or a call to one person, in a time window."""

    model_config = _FROZEN

    id: str = Field(description='Stable: "<kind>:<person-slug>", plus ":<n>" for the n-th chase.')
    kind: StepKind
    to: str
    channel: Channel
    due: AwareDatetime
    latest: AwareDatetime
    status: StepStatus
    note_kind: NoteKind | None = Field(
        description="Which drafted note goes with it; None for calls."
    )
    email: str | None = None
    reason: str = Field(default="", description="The rule that put this step here.")


class Plan(BaseModel):
    """The schedule for one interview loop at one moment."""

    model_config = _FROZEN

    steps: tuple[Step, ...]
    state: LoopState
    next_step: Step | None
    zone: str = Field(description="IANA name of the zone the times are in.")
    unanswered: int = Field(
        description="Follow-up contacts (not thank-you notes) sent since the last reply: "
        "the strikes."
    )
    warnings: tuple[str, ...] = ()


class CadenceSettings(BaseModel):
    """Every figure the planner uses; each description says why it is the default."""

    model_config = _FROZEN

    interview_ends_at: dt.time = Field(
        default=dt.time(17, 0),
        description="The debrief records only the date; assuming a late-afternoon end "
        "never puts a thank-you before the interview is over.",
    )
    thank_you_latest_hours: int = Field(
        default=24,
        ge=1,
        le=72,
        description="Thank-you notes go the same day and within 24 hours at the latest: "
        "after that they read as an afterthought.",
    )
    window_start: dt.time = Field(
        default=dt.time(9, 0),
        description="Calls and business e-mails not before 9:00: early-morning contact "
        "is intrusive.",
    )
    window_end: dt.time = Field(
        default=dt.time(17, 0),
        description="Calls not after 17:00, the end of the working day.",
    )
    after_hours_until: dt.time = Field(
        default=dt.time(20, 30),
        description="An after-hours voicemail (or a same-evening thank-you) before 8:30 pm "
        "is the least intrusive contact; later is late at night.",
    )
    check_in_after_decision_days: int = Field(
        default=2,
        ge=0,
        le=30,
        description="Business days after the employer's expected decision before one brief "
        "check-in: decisions slip, and a few days of silence is normal.",
    )
    check_in_without_decision_days: int = Field(
        default=5,
        ge=1,
        le=30,
        description="With no decision date known, one check-in a working week after the interview.",
    )
    timeline_lead_days: int = Field(
        default=5,
        ge=1,
        le=30,
        description="A timeline note goes a working week before your own deadline, early "
        "enough for them to move you forward.",
    )
    timeline_min_lead_days: int = Field(
        default=2,
        ge=1,
        le=30,
        description="Less than two business days before your deadline the note can no "
        "longer change their schedule; it is overdue after that.",
    )
    follow_up_days: int = Field(
        default=5,
        ge=1,
        le=30,
        description="Business days of silence after an unanswered contact before the next "
        "one: a few days of silence is normal.",
    )
    grace_days: int = Field(
        default=2,
        ge=0,
        le=10,
        description="Business days a check-in, timeline note, call or rejection reply may "
        "slip before it is shown as overdue.",
    )
    rejection_reply_days: int = Field(
        default=1,
        ge=0,
        le=10,
        description="Answer a rejection within one business day: a gracious reply can make "
        "you the next choice.",
    )
    max_unanswered: int = Field(
        default=3,
        ge=1,
        le=10,
        description="Three strikes: after three unanswered follow-up contacts (check-ins, "
        "timeline notes, calls), stop and move on. Thank-you notes do not count: they ask "
        "for nothing, so silence after them is no answer.",
    )
    call_channel: Literal["call", "voicemail"] = Field(
        default="call",
        description="'voicemail' plans calls after hours (window end to 8:30 pm) for "
        "candidates who cannot call during their own working day.",
    )
    workdays: frozenset[int] = Field(
        default=frozenset({0, 1, 2, 3, 4}),
        min_length=1,
        description="Business days as ISO weekday numbers minus one (Monday=0): no notes "
        "or calls at weekends.",
    )
    holidays: frozenset[dt.date] = Field(
        default=frozenset(),
        description="Public holidays to skip like weekends (the list differs by country).",
    )

    @model_validator(mode="after")
    def _ordered_times(self) -> CadenceSettings:
        if not self.window_start < self.window_end <= self.after_hours_until:
            raise ValueError("need window_start < window_end <= after_hours_until")
        if self.interview_ends_at > self.after_hours_until:
            raise ValueError("interview_ends_at must not be after after_hours_until")
        if not self.workdays <= set(range(7)):
            raise ValueError("workdays are numbers 0 (Monday) to 6 (Sunday)")
        return self


def settings_table(settings: CadenceSettings | None = None) -> list[tuple[str, str, str]]:
    """(name, value, reason) for every cadence setting, for the README and ``--explain``."""
    settings = settings or CadenceSettings()
    rows = []
    for name, field in CadenceSettings.model_fields.items():
        value = getattr(settings, name)
        if isinstance(value, dt.time):
            shown = value.strftime("%H:%M")
        elif isinstance(value, frozenset):
            shown = ", ".join(str(v) for v in sorted(value)) or "(none)"
        else:
            shown = str(value)
        rows.append((name, shown, field.description or ""))
    return rows


def parse_holidays(text: str, *, source: str = "holidays") -> frozenset[dt.date]:
    """One ISO date per line; blank lines and ``#`` comments are ignored."""
    days: set[dt.date] = set()
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            days.add(dt.date.fromisoformat(line))
        except ValueError:
            problems.append(f"line {number}: {line!r} is not a date like 2027-12-25")
    if problems:
        raise InputError(problems, source=source)
    return frozenset(days)


def resolve_zone(name: str, *, source: str = "time zone") -> ZoneInfo:
    """An IANA zone by name (``Europe/Berlin``), or a ConfigError naming ``source``."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{source}: unknown time zone {name!r}; use an IANA name such as Europe/Berlin"
        ) from None


def local_zone(env: dict[str, str] | None = None) -> ZoneInfo:
    """The zone plans use by default: FOLLOWUP_TZ, else the machine's (TZ, /etc/localtime)."""
    env = dict(os.environ) if env is None else env
    if env.get("FOLLOWUP_TZ"):
        return resolve_zone(env["FOLLOWUP_TZ"], source="FOLLOWUP_TZ")
    tz_var = env.get("TZ", "").lstrip(":")
    if tz_var:
        try:
            return ZoneInfo(tz_var)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a POSIX rule string such as "EST5EDT,M3.2.0,M11.1.0": fall through
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError):
            pass
    # Without a named zone DST cannot be followed; UTC is at least honest about it.
    return ZoneInfo("UTC")


@dataclass(frozen=True, slots=True)
class _Days:
    """Business-day arithmetic on local dates."""

    workdays: frozenset[int]
    holidays: frozenset[dt.date]

    def open(self, day: dt.date) -> bool:
        return day.weekday() in self.workdays and day not in self.holidays

    def _step(self, day: dt.date, n: int, sign: int) -> dt.date:
        scanned = 0
        while n > 0:
            day += dt.timedelta(days=sign)
            scanned += 1
            if scanned > _MAX_SCAN_DAYS * max(1, n):
                raise ConfigError("holidays: no business day within a year; check the list")
            if self.open(day):
                n -= 1
        return day

    def after(self, day: dt.date, n: int) -> dt.date:
        """The n-th business day strictly after ``day``; n=0 means ``day`` or the next one."""
        if n == 0:
            return day if self.open(day) else self._step(day, 1, 1)
        return self._step(day, n, 1)

    def before(self, day: dt.date, n: int) -> dt.date:
        """The n-th business day strictly before ``day`` (n >= 1)."""
        return self._step(day, n, -1)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Business days in ``(start, end]``."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.open(day)
        return count


def _at(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """Wall-clock ``day time`` in ``zone``; a time skipped by DST moves forward."""
    local = dt.datetime.combine(day, time, tzinfo=zone)
    return local.astimezone(dt.UTC).astimezone(zone)


@dataclass(slots=True)
class _Planned:
    """A step while the plan is built (mutable until frozen into a ``Step``)."""

    id: str
    kind: StepKind
    person: int
    channel: Channel
    day: dt.date
    due: dt.datetime
    latest: dt.datetime
    note_kind: NoteKind | None
    reason: str
    movable: bool = True


class _Planner:
    def __init__(self, debrief: Debrief, settings: CadenceSettings, zone: ZoneInfo) -> None:
        self.debrief = debrief
        self.s = settings
        self.zone = zone
        self.days = _Days(settings.workdays, settings.holidays)
        self.slugs = _person_slugs(debrief.interviewers)
        self.warnings: list[str] = []

    # -- windows -------------------------------------------------------------
    def business_window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Due at the window's opening on ``day``; overdue at its close after the grace."""
        last = self.days.after(day, self.s.grace_days)
        return _at(day, self.s.window_start, self.zone), _at(last, self.s.window_end, self.zone)

    def call_window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        if self.s.call_channel == "call":
            return self.business_window(day)
        last = self.days.after(day, self.s.grace_days)
        return (
            _at(day, self.s.window_end, self.zone),
            _at(last, self.s.after_hours_until, self.zone),
        )

    def step(
        self,
        kind: StepKind,
        person: int,
        day: dt.date,
        reason: str,
        *,
        attempt: int = 1,
        channel: Channel = "email",
        window: Callable[[dt.date], tuple[dt.datetime, dt.datetime]] | None = None,
    ) -> _Planned:
        due, latest = (window or self.business_window)(day)
        suffix = f":{attempt}" if attempt > 1 else ""
        note_kind: NoteKind | None = None if kind == "call" else kind
        return _Planned(
            id=f"{kind}:{self.slugs[person]}{suffix}",
            kind=kind,
            person=person,
            channel=channel,
            day=day,
            due=due,
            latest=latest,
            note_kind=note_kind,
            reason=reason,
        )

    # -- the rules -----------------------------------------------------------
    def thank_yous(self) -> list[_Planned]:
        s = self.s
        day = self.debrief.interview.date
        end = dt.datetime.combine(day, s.interview_ends_at)
        limit = end + dt.timedelta(hours=s.thank_you_latest_hours)
        if limit.date() > day and not self.days.open(limit.date()):
            # Pull the limit back to the evening of the last open day in reach,
            # which keeps it inside the 24 hours and off the weekend.
            back = limit.date() - dt.timedelta(days=1)
            while back > day and not self.days.open(back):
                back -= dt.timedelta(days=1)
            limit = min(limit, dt.datetime.combine(back, s.after_hours_until))
        if not self.days.open(day):
            self.warnings.append(
                f"the interview ({day.isoformat()}) was on a weekend or holiday; "
                "the thank-you notes still go the same day"
            )
        due = _at(day, s.interview_ends_at, self.zone)
        latest = max(due, _at(limit.date(), limit.time(), self.zone))
        reason = (
            f"Thank-you notes go the same day, within {s.thank_you_latest_hours} hours "
            "at the latest."
        )
        return [
            _Planned(
                id=f"thank_you:{self.slugs[i]}",
                kind="thank_you",
                person=i,
                channel="email",
                day=day,
                due=due,
                latest=latest,
                note_kind="thank_you",
                reason=reason,
                movable=False,
            )
            for i in range(len(self.debrief.interviewers))
        ]

    def decision_date(self) -> dt.date | None:
        interview = self.debrief.interview
        expected = interview.decision_expected
        if expected is not None and expected <= interview.date:
            self.warnings.append(
                f"interview.decision_expected ({expected.isoformat()}) is not after the "
                "interview; planning as if it were unknown"
            )
            return None
        return expected

    def check_in(self, person: int, decision: dt.date | None) -> _Planned:
        interview_day = self.debrief.interview.date
        if decision is not None:
            n = self.s.check_in_after_decision_days
            day = self.days.after(decision, n)
            reason = f"One brief check-in {n} business days after their expected decision."
        else:
            n = self.s.check_in_without_decision_days
            day = self.days.after(interview_day, n)
            reason = f"No decision date known: one check-in {n} business days after the interview."
        return self.step("check_in", person, day, reason)

    def timeline(self, person: int, decision: dt.date | None) -> _Planned | None:
        deadline = self.debrief.candidate.decision_deadline
        interview_day = self.debrief.interview.date
        if deadline is None or (decision is not None and deadline >= decision):
            return None
        if deadline <= interview_day:
            self.warnings.append(
                f"candidate.decision_deadline ({deadline.isoformat()}) is not after the "
                "interview; no timeline note planned"
            )
            return None
        earliest = self.days.after(interview_day, 1)
        day = max(self.days.before(deadline, self.s.timeline_lead_days), earliest)
        if day >= deadline:
            self.warnings.append(
                f"candidate.decision_deadline ({deadline.isoformat()}) is too close to the "
                "interview for a separate timeline note; mention it in the thank-you note"
            )
            return None
        step = self.step(
            "timeline",
            person,
            day,
            "Your deadline comes before their decision: tell them early enough to matter.",
        )
        last = max(day, self.days.before(deadline, self.s.timeline_min_lead_days))
        step.latest = max(step.due, _at(last, self.s.window_end, self.zone))
        return step

    def chase(self, person: int, attempt: int, after: dt.date) -> _Planned:
        day = self.days.after(after, self.s.follow_up_days)
        who = self.debrief.interviewers[person]
        reason = f"No reply for {self.s.follow_up_days} business days after the last follow-up."
        if who.invited_to_call:
            return self.step(
                "call",
                person,
                day,
                reason + " They invited you to call.",
                attempt=attempt,
                channel=self.s.call_channel,
                window=self.call_window,
            )
        return self.step("check_in", person, day, reason, attempt=attempt)

    def rejection_reply(self, person: int, at: dt.datetime) -> _Planned:
        day = self.days.after(at.astimezone(self.zone).date(), self.s.rejection_reply_days)
        return self.step(
            "rejection_reply",
            person,
            day,
            "Thank them and ask to be considered for future openings.",
        )

    def separate(self, steps: list[_Planned], busy: dict[int, set[dt.date]]) -> None:
        """Never two contacts to one person on one day: the lower-priority step moves on."""
        order = sorted(steps, key=lambda p: (p.day, _PRIORITY[p.kind]))
        taken = {person: set(days) for person, days in busy.items()}
        for p in order:
            used = taken.setdefault(p.person, set())
            if p.movable and p.day in used:
                day = p.day
                while day in used:
                    day = self.days.after(day, 1)
                window = self.call_window if p.kind == "call" else self.business_window
                shift = self.days.between(p.day, day)
                p.day = day
                p.due, _ = window(day)
                if p.kind == "timeline":
                    p.latest = max(p.due, _move(p.latest, self.days, shift, self.zone))
                else:
                    _, p.latest = window(day)
            used.add(p.day)


def _move(when: dt.datetime, days: _Days, n: int, zone: ZoneInfo) -> dt.datetime:
    local = when.astimezone(zone)
    return _at(days.after(local.date(), n) if n else local.date(), local.time(), zone)


def _person_slugs(people: Sequence[Interviewer]) -> list[str]:
    """One slug per person; namesakes get ``-2``, ``-3`` so step ids stay unique."""
    seen: dict[str, int] = {}
    out = []
    for person in people:
        base = slugify(person.name)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def point_person(debrief: Debrief) -> int:
    """Index of whom check-ins and timeline notes go to: decision maker, else hiring manager."""
    people = debrief.interviewers
    for role in ("decision_maker", "hiring_manager"):
        for i, person in enumerate(people):
            if person.role == role:
                return i
    for i, person in enumerate(people):
        if not person.is_assistant:
            return i
    return 0


def _aware(now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        return now.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
    return now.astimezone(zone)


def build_plan(
    debrief: Debrief,
    now: dt.datetime,
    outcomes: Sequence[OutcomeRecord] = (),
    settings: CadenceSettings | None = None,
    tz: ZoneInfo | None = None,
) -> Plan:
    """The plan for ``debrief`` as it stands at ``now`` (naive ``now`` is read in ``tz``).

    ``tz`` is the interview's zone; it defaults to ``local_zone()``.
    """
    settings = settings or CadenceSettings()
    zone = tz or local_zone()
    now = _aware(now, zone)
    planner = _Planner(debrief, settings, zone)
    history = sorted(outcomes, key=lambda o: o.at)

    # Strikes: follow-up contacts sent since the last reply; the latest terminal outcome wins.
    unanswered = 0
    last_sent: dt.datetime | None = None
    terminal: OutcomeRecord | None = None
    answered: set[str] = set()
    for record in history:
        answered.add(record.step_id)
        if record.outcome == "sent":
            # A thank-you asks for nothing: no strike, and no chase waits on its silence.
            if not record.step_id.startswith("thank_you:"):
                unanswered += 1
                last_sent = record.at
        elif record.outcome == "replied":
            unanswered = 0
        else:
            terminal = record

    decision = planner.decision_date()
    point = point_person(debrief)
    steps = planner.thank_yous()
    timeline = planner.timeline(point, decision)
    if timeline is not None:
        steps.append(timeline)
    chase = [planner.check_in(point, decision)]
    steps.extend(chase)

    state: LoopState = "active"
    if terminal is not None:
        state = _TERMINAL[terminal.outcome]
    elif unanswered >= settings.max_unanswered:
        state = "moved_on"

    # The chase continues one contact at a time while the last one went unanswered.
    while state == "active" and chase[-1].id in answered and unanswered and last_sent:
        nxt = planner.chase(point, len(chase) + 1, last_sent.astimezone(zone).date())
        chase.append(nxt)
        steps.append(nxt)

    by_id = {p.id: p for p in steps}
    busy: dict[int, set[dt.date]] = {}
    for record in history:
        if record.outcome == "sent" and record.step_id in by_id:
            person = by_id[record.step_id].person
            busy.setdefault(person, set()).add(record.at.astimezone(zone).date())

    if state == "rejected" and terminal is not None:
        target = by_id.get(terminal.step_id)
        reply = planner.rejection_reply(target.person if target else point, terminal.at)
        steps.append(reply)

    pending = [p for p in steps if p.id not in answered]
    planner.separate(pending, busy)

    deadline = debrief.candidate.decision_deadline
    frozen: list[Step] = []
    for p in sorted(steps, key=lambda p: (p.due, _PRIORITY[p.kind], p.person)):
        status = _status(p, now, answered, state)
        if (
            status not in ("done", "cancelled")
            and p.kind == "timeline"
            and deadline is not None
            and now.date() >= deadline
        ):
            status = "cancelled"
            planner.warnings.append("your decision deadline has passed; the timeline note is moot")
        who = debrief.interviewers[p.person]
        frozen.append(
            Step(
                id=p.id,
                kind=p.kind,
                to=who.name,
                channel=p.channel,
                due=p.due,
                latest=p.latest,
                status=status,
                note_kind=p.note_kind,
                email=who.email,
                reason=p.reason,
            )
        )
    open_steps = [s for s in frozen if s.status in ("pending", "due", "overdue")]
    if state == "moved_on":
        planner.warnings.append(
            f"{unanswered} follow-up contacts without a reply: move on "
            "(record a reply if one comes)"
        )
    return Plan(
        steps=tuple(frozen),
        state=state,
        next_step=open_steps[0] if open_steps else None,
        zone=zone.key,
        unanswered=unanswered,
        warnings=tuple(planner.warnings),
    )


def _status(p: _Planned, now: dt.datetime, answered: set[str], state: LoopState) -> StepStatus:
    if p.id in answered:
        return "done"
    if state != "active" and not (state == "rejected" and p.kind == "rejection_reply"):
        return "cancelled"
    if now < p.due:
        return "pending"
    if now <= p.latest:
        return "due"
    return "overdue"
