"""Exports: a note as an ``.eml`` draft, all notes as a zip, the plan as ``.ics``, Markdown.

Every export is built from the user's text as data: names, subjects and bodies
are placed into headers and files by the standard libraries that escape them,
never pasted into a template. Nothing exported carries settings or keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Sequence
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from followup.cadence import Plan, Step
from followup.debrief import Candidate, Debrief
from followup.drafting.base import Draft
from followup.errors import InputError
from followup.text import slugify

__all__ = [
    "ALARM_MINUTES",
    "EVENT_MINUTES",
    "loop_markdown",
    "note_to_eml",
    "notes_zip",
    "plan_to_ics",
    "step_summary",
    "step_uid",
]

# A reminder half an hour ahead leaves time to reread the note before sending.
ALARM_MINUTES = 30
# Long enough to write or reread a short note, or to make a call.
EVENT_MINUTES = 30
_PRODID = "-//followup//follow-up plan//EN"
# Fixed zip member times keep the archive byte-identical for identical notes.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _one_line(text: str) -> str:
    """Header values are one line; a pasted line break would end the header."""
    return " ".join(text.split())


def _mailbox(name: str, email: str | None, *, field: str) -> Address | Group:
    """``Name <addr>``, or an empty group ``Name:;`` when no address is known."""
    name = _one_line(name)
    if not email:
        return Group(display_name=name)
    try:
        return Address(display_name=name, addr_spec=email.strip())
    except (ValueError, IndexError):
        raise InputError(f"{field}: {email!r} is not an e-mail address") from None


def note_to_eml(draft: Draft, candidate: Candidate, *, date: dt.datetime | None = None) -> bytes:
    """The note as an unsent e-mail draft (RFC 5322, UTF-8) that mail clients open for editing."""
    # Plain "\n" line ends: what mail clients save as .eml, and parsers give the body back as is.
    msg = EmailMessage(policy=default)
    msg["To"] = _mailbox(draft.interviewer, draft.email, field=f"e-mail of {draft.interviewer}")
    if candidate.email:
        msg["From"] = _mailbox(candidate.name, candidate.email, field="candidate.email")
    msg["Subject"] = _one_line(draft.subject)
    msg["Date"] = format_datetime(date or dt.datetime.now(dt.UTC))
    # Outlook opens X-Unsent messages as drafts; Apple Mail reads the type identifier.
    msg["X-Unsent"] = "1"
    msg["X-Uniform-Type-Identifier"] = "com.apple.mail-draft"
    msg.set_content(draft.body.strip() + "\n", charset="utf-8")
    return msg.as_bytes()


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name = f"{base}-{n}"
        n += 1
    taken.add(name)
    return name


def notes_zip(
    drafts: Sequence[Draft], candidate: Candidate, *, date: dt.datetime | None = None
) -> bytes:
    """A zip with ``<name>.eml`` and ``<name>.txt`` for each note."""
    buffer = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for draft in drafts:
            stem = _unique(slugify(draft.interviewer), taken)
            text = f"Subject: {draft.subject}\n\n{draft.body}"
            for name, data in (
                (f"{stem}.eml", note_to_eml(draft, candidate, date=date)),
                (f"{stem}.txt", text.encode("utf-8")),
            ):
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return buffer.getvalue()


def step_uid(debrief: Debrief, step_id: str) -> str:
    """Stable across re-exports of the same loop, so calendars update instead of duplicating."""
    interview = debrief.interview
    key = "\x1f".join(
        (
            debrief.candidate.name,
            interview.company,
            interview.role,
            interview.date.isoformat(),
            step_id,
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@followup"


# What each e-mail step asks; calls are worded by their channel.
_TITLES = {
    "thank_you": "Thank-you note to",
    "check_in": "Check-in e-mail to",
    "timeline": "Timeline note to",
    "rejection_reply": "Reply to the rejection from",
}


def step_summary(step: Step, *, inline: bool = False) -> str:
    """What the step asks: ``Thank-you note to Priya Raman``, a calendar's title line.

    ``inline`` words it for the middle of a line (the CLI's status and record),
    naming the channel where the words do not: ``thank-you note to Priya Raman by email``.
    """
    if step.kind == "call":
        text = f"Voicemail for {step.to}" if step.channel == "voicemail" else f"Call {step.to}"
    else:
        text = f"{_TITLES[step.kind]} {step.to}"
    if not inline:
        return text
    named = step.kind == "call" or "e-mail" in _TITLES[step.kind]
    by = "" if named else f" by {step.channel}"
    return f"{text[0].lower()}{text[1:]}{by}"


def _local(moment: dt.datetime, plan: Plan) -> dt.datetime:
    """The moment in the plan's named zone, so the calendar gets a proper VTIMEZONE."""
    return moment.astimezone(ZoneInfo(plan.zone))


def _description(step: Step, debrief: Debrief, plan: Plan) -> str:
    interview = debrief.interview
    latest = _local(step.latest, plan)
    lines = [
        f"{interview.company}, {interview.role} (interview {interview.date.isoformat()}).",
        step.reason,
        f"At the latest: {latest:%A %Y-%m-%d %H:%M} ({plan.zone}).",
    ]
    if step.email and step.channel == "email":
        lines.append(f"To: {step.to} <{step.email}>")
    lines.append(f"Step: {step.id} (record it with: followup record LOOP {step.id} sent)")
    return "\n".join(line for line in lines if line)


def plan_to_ics(
    plan: Plan,
    debrief: Debrief,
    *,
    now: dt.datetime | None = None,
    alarm_minutes: int = ALARM_MINUTES,
    event_minutes: int = EVENT_MINUTES,
) -> bytes:
    """RFC 5545 calendar: one event per step, each with a display alarm and a stable UID.

    Cancelled steps are exported with STATUS:CANCELLED so a re-import removes
    them from the calendar rather than leaving stale reminders.
    """
    from icalendar import Alarm, Calendar, Event

    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    interview = debrief.interview
    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _one_line(f"Follow-up: {interview.company}, {interview.role}"))
    for step in plan.steps:
        start = _local(step.due, plan)
        summary = step_summary(step)
        event = Event()
        event.add("uid", step_uid(debrief, step.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=event_minutes))
        event.add("summary", summary)
        event.add("description", _description(step, debrief, plan))
        event.add("status", "CANCELLED" if step.status == "cancelled" else "CONFIRMED")
        # A reminder to act, not a meeting: it must not block the calendar.
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["followup", step.kind])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
        cal.add_component(event)
    if plan.steps:
        # Rules for the plan's span only: the default span (1970-2038) is ~80 lines per zone.
        days = [step.due.date() for step in plan.steps] + [s.latest.date() for s in plan.steps]
        year = dt.timedelta(days=366)
        cal.add_missing_timezones(first_date=min(days) - year, last_date=max(days) + year)
    data: bytes = cal.to_ical()
    return data


def _cell(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def _fence(body: str) -> str:
    """A backtick fence longer than any run inside the note, so the note stays verbatim."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    return "`" * max(3, longest + 1)


def loop_markdown(debrief: Debrief, drafts: Sequence[Draft], plan: Plan | None = None) -> str:
    """The loop as a Markdown summary: the facts, each note verbatim, and the plan."""
    interview = debrief.interview
    out = [f"# Follow-up: {_one_line(interview.role)} at {_one_line(interview.company)}", ""]
    facts = [f"- Interview: {interview.date.isoformat()}"]
    if interview.stage:
        facts[0] += f" ({interview.stage} stage)"
    if interview.decision_expected:
        facts.append(f"- Their decision expected: {interview.decision_expected.isoformat()}")
    if debrief.candidate.decision_deadline:
        facts.append(f"- Your own deadline: {debrief.candidate.decision_deadline.isoformat()}")
    people = ", ".join(_one_line(p.name) for p in debrief.interviewers)
    facts.append(f"- People met: {people}")
    out += [*facts, ""]
    if drafts:
        out += ["## Notes", ""]
        for draft in drafts:
            to = f"{draft.interviewer} <{draft.email}>" if draft.email else draft.interviewer
            fence = _fence(draft.body)
            out += [
                f"### {_one_line(draft.interviewer)}",
                "",
                f"- To: {_one_line(to)}",
                f"- Subject: {_one_line(draft.subject)}",
                "",
                f"{fence}text",
                draft.body.strip(),
                fence,
                "",
            ]
    if plan is not None:
        out += ["## Plan", "", f"State: {plan.state.replace('_', ' ')}. Times in {plan.zone}.", ""]
        out += [
            "| Due | Latest | Step | To | Channel | Status |",
            "|---|---|---|---|---|---|",
        ]
        for step in plan.steps:
            due = _local(step.due, plan)
            latest = _local(step.latest, plan)
            out.append(
                f"| {due:%a %Y-%m-%d %H:%M} | {latest:%a %Y-%m-%d %H:%M} "
                f"| {step.kind.replace('_', ' ')} | {_cell(step.to)} | {step.channel} "
                f"| {step.status} |"
            )
        if plan.warnings:
            out += ["", *(f"- Note: {_one_line(w)}" for w in plan.warnings)]
        out.append("")
    return "\n".join(out)
