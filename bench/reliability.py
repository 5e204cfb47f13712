"""Reliability report (issue 6): seeded hostile inputs and injected model faults, one table.

Run: .venv/bin/python bench/reliability.py [--seed N] [--quick]

Inputs: generated debriefs (valid ones with odd unicode, RTL, combining marks,
emoji, fields near the limits, 1 to 20 people; invalid ones of every kind) go
through ``parse_debrief``/``load_debrief``. A valid one survives when the
offline drafter writes every note without an exception or a placeholder; an
invalid one when it is refused with one ``InputError`` line naming the fault.
Generated texts go through ``lint_note``/``lint_loop``; a text survives when
no exception escapes (over-size text: a one-line ``LimitError``) and every
finding's span lies inside its text with a matching line and column.

Faults: the LLM drafter (the real openai client) talks to a local fake server
that injects one fault per scenario, once (a retry must succeed) or on every
attempt (that person must fall back to offline with a one-line reason). A
note survives when it ends in the expected outcome, in bounded time. Then the
store must still load the debrief and every draft version saved around the
faults, and the fake API key must appear nowhere: not in the database files,
the fallback reasons, the call log or this report.

The "faults" column counts hostile elements injected: odd fields in a valid
debrief, the one defect of an invalid one, odd runs in a text, faulty replies
the server sent. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

import yaml

from followup.debrief import (
    MAX_DEBRIEF_BYTES,
    MAX_FIELD_CHARS,
    MAX_INTERVIEWERS,
    MAX_LIST_ITEMS,
    Debrief,
    load_debrief,
    parse_debrief,
)
from followup.drafting.base import Draft
from followup.drafting.offline import OfflineDrafter
from followup.errors import InputError, LimitError
from followup.lint import Category, Finding, LintConfig, NoteInput, lint_loop, lint_note
from followup.lint.runner import MAX_NOTE_CHARS

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "debriefs" / "harborline.yaml"
ATTEMPTS = 3  # per call: the first try and two retries


def timeout_for(quick: bool) -> float:
    """Seconds the client waits for the model server (the quick run waits less)."""
    return 0.5 if quick else 1.0


def bound_for(quick: bool) -> float:
    """Seconds a scenario may take: every attempt timing out, plus drafting and repair.

    Streams get twice that: langchain's stream costs ~2 ms a chunk here, so a
    runaway reply takes over a second to reach the cut-off.
    """
    return ATTEMPTS * (timeout_for(quick) + 1) + 5


# Only the placeholder check: the one lint rule a generated note must never trip.
PLACEHOLDERS_ONLY = LintConfig(disabled=frozenset(get_args(Category)) - {"duplication"})


# -- odd text --------------------------------------------------------------------

FIRST = [
    "Priya", "José", "Zoë", "Łukasz", "Siobhán", "Nguyễn", "Ольга", "李", "محمد", "דוד",
    "e\u0301milie", "Åsa", "Kai", "Amara", "Jean-Luc", "O\u2019Neil", "Ngozi", "Søren",
]  # fmt: skip
LAST = [
    "Raman", "Ñúñez", "Ångström", "van der Berg", "Ní Bhriain", "Thị Minh", "Петрова", "小龙",
    "الأحمد", "כהן", "Dura\u0300nd", "Okafor", "de la Cruz", "O\u2019Brien", "Müller-Lüdenscheidt",
]  # fmt: skip
# Whole names that break naive first/last splitting: titles only, particles, one word.
ODD_NAMES = [
    "Dr.", "Prof. Dr.", "🚀", "\u0301", "X", "Mr. Jr.", "van der", "O\u2019", "Madonna",
    "李小龙", "Smith, Jr.", "Dr. Jr. III", "Ms. none", "A B C D E F G H", "مريم", "ß", "1234",
    "—", "...", "none", "The Team",
]  # fmt: skip
ODD_RUNS = [
    "مرحبا بالعالم",  # Arabic (RTL)
    "שלום עולם",  # Hebrew (RTL)
    "\u202eevil override\u202c",  # bidi override
    "\u200fRLM\u200e mark",
    "Z\u0351\u0352\u0357a\u0301\u0302\u0303\u0304l\u0323\u0324g\u0330o\u0336",  # combining marks
    "👨‍👩‍👧‍👦",  # ZWJ family
    "👩🏽‍💻 codes",
    "🇳🇱🇯🇵",  # flags
    "❤️‍🔥",
    "👍🏿",
    "ﷺ",
    "\u200bzero\u200bwidth",
    "ｆｕｌｌｗｉｄｔｈ",
    "naïve café résumé",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math",
    "Straße",
    "İstanbul ı",
    "ǅ titlecase",
]
PLAIN = [
    "the move of the warehouse to a new system", "cycling in the mountains",
    "six years running daily KPI reporting", "fluent SQL and forecasting in Python",
    "mis-picks on the night shift", "a case study review next week",
    "keeping reports simple for the floor", "the weekly dashboard in Power BI",
    "hiring two more analysts", "their recommendation of a Thai place",
]  # fmt: skip
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028",
           "\u2029", "\r", "\r\n", "\t", "\ufeff", "\ufffd"]  # fmt: skip
WORDS = [
    "thank", "you", "for", "the", "conversation", "about", "warehouse", "Newark", "teh",
    "recieve", "Dear", "Priya,", "I", "look", "forward", "to", "hearing", "from", "you.",
    "Kind", "regards,", "Morgan", "Hale", "I", "would", "fix", "your", "night", "shift",
    "problem", "by", "hiring", "two", "analysts.", "Please", "let", "me", "know", "ASAP!!",
    "hey", "u", "gonna", "March", "20,", "2027", "Tuesday",
]  # fmt: skip


def _odd(rng: random.Random) -> str:
    return rng.choice(ODD_RUNS)


def _phrase(rng: random.Random, odd: bool) -> str:
    text = rng.choice(PLAIN)
    if odd:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + " " + _odd(rng) + " " + text[at:]
    return text


def _long(rng: random.Random, length: int) -> str:
    """Text of exactly ``length`` code points, odd runs mixed in, no edge whitespace."""
    parts: list[str] = []
    size = 0
    while size < length:
        piece = _odd(rng) if rng.random() < 0.3 else rng.choice(PLAIN)
        parts.append(piece)
        size += len(piece) + 1
    text = " ".join(parts)[:length]
    return "x" + text[1:-1] + "x"


# -- debriefs ----------------------------------------------------------------------


@dataclass
class Oddities:
    """Counts the odd fields a generated debrief was given."""

    count: int = 0

    def pick(self, rng: random.Random, share: float) -> bool:
        hit = rng.random() < share
        self.count += hit
        return hit


def _name(rng: random.Random, odd: Oddities, near_limit: bool) -> str:
    if near_limit and odd.pick(rng, 0.1):
        return _long(rng, 200)
    if odd.pick(rng, 0.08):
        return rng.choice(ODD_NAMES)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if odd.pick(rng, 0.15):
        name += " " + _odd(rng)
    return name


def _items(rng: random.Random, odd: Oddities, near_limit: bool) -> list[str]:
    if near_limit and odd.pick(rng, 0.03):
        return [_phrase(rng, False) for _ in range(MAX_LIST_ITEMS)]
    out = []
    for _ in range(rng.randint(0, 3)):
        if near_limit and odd.pick(rng, 0.04):
            out.append(_long(rng, rng.randint(MAX_FIELD_CHARS - 5, MAX_FIELD_CHARS)))
        else:
            out.append(_phrase(rng, odd.pick(rng, 0.3)))
    if out and odd.pick(rng, 0.05):
        # Mid-item, so a field at its limit stays there. YAML and JSON escape these.
        mid = len(out[0]) // 2
        out[0] = out[0][:mid] + rng.choice(CONTROL[1:8]) + out[0][mid + 1 :]
    return out


def _date(rng: random.Random) -> str:
    return (dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))).isoformat()


def valid_data(rng: random.Random, near_limit: bool) -> tuple[dict[str, Any], int]:
    """A valid debrief as plain data, and how many odd fields it holds."""
    odd = Oddities()
    people = []
    for _ in range(rng.randint(1, MAX_INTERVIEWERS)):
        person: dict[str, Any] = {"name": _name(rng, odd, near_limit)}
        if rng.random() < 0.6:
            person["title"] = _phrase(rng, odd.pick(rng, 0.2))
        if rng.random() < 0.5:
            person["email"] = rng.choice(["a@example.com", "josé@exämple.com", "x+y@例え.jp"])
        if rng.random() < 0.5:
            person["honorific"] = rng.choice(["Mr.", "Ms.", "Mx.", "Dr.", "Prof.", "none"])
        person["role"] = rng.choice(
            ["decision_maker", "hiring_manager", "influencer", "peer", "assistant", "other"]
        )
        person["tone"] = rng.choice(["friendly", "formal", "familylike"])
        person["first_name_invited"] = rng.random() < 0.5
        person["invited_to_call"] = rng.random() < 0.3
        for key in ("topics", "positives", "objections", "key_issues", "next_steps"):
            items = _items(rng, odd, near_limit)
            if items:
                person[key] = items
        people.append(person)
    interview: dict[str, Any] = {
        "company": _name(rng, odd, near_limit),
        "role": _phrase(rng, odd.pick(rng, 0.3))[:200],
        "date": _date(rng),
    }
    if rng.random() < 0.5:
        interview["stage"] = rng.choice(["first", "second", "final"])
    if rng.random() < 0.4:
        # Sometimes before the interview: odd, but nothing forbids it.
        interview["decision_expected"] = _date(rng)
    if rng.random() < 0.3:
        interview["first_interviewed"] = True
    if near_limit and odd.pick(rng, 0.3):
        interview["overall"] = _long(rng, MAX_FIELD_CHARS)
    candidate: dict[str, Any] = {"name": _name(rng, odd, near_limit)}
    if rng.random() < 0.5:
        candidate["email"] = "me@example.com"
        candidate["decision_deadline"] = _date(rng)
    data = {"candidate": candidate, "interview": interview, "interviewers": people}
    return data, odd.count


def _dump(data: object, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80)


@dataclass(frozen=True)
class Invalid:
    raw: str | bytes
    fmt: str
    expect: str  # a word the one-line error must contain (the field, or the fault)


def _invalid(rng: random.Random, family: str, base: dict[str, Any]) -> Invalid:
    """``base`` (valid data) with exactly one defect of ``family``."""
    data = json.loads(json.dumps(base))
    fmt = rng.choice(["yaml", "json"])
    person = rng.choice(data["interviewers"])
    if family == "unknown field":
        typo = rng.choice(["topcs", "tone_of_voice", "emial", "nmae", "intervewers"])
        where = rng.choice([data, data["candidate"], data["interview"], person])
        where[typo] = "x"
        return Invalid(_dump(data, fmt), fmt, typo)
    if family == "wrong enum":
        key, value = rng.choice(
            [("tone", "casual"), ("role", "ceo"), ("honorific", "Sir"), ("stage", "fourth")]
        )
        (data["interview"] if key == "stage" else person)[key] = value
        return Invalid(_dump(data, fmt), fmt, key)
    if family == "malformed YAML/JSON":
        text = _dump(data, fmt)
        if fmt == "json":
            cut = rng.randrange(1, len(text) - 1)
            return Invalid(text[:cut], fmt, "invalid JSON")
        broken = rng.choice(
            [
                text + "interviewers: [unclosed, list\n",
                "candidate: {name: x\n" + text,
                text.replace("interview:", "interview:\n\t- tab", 1),
                "- a\nb: c\n",
                text + "\n  bad: indent\n nested: here\n",
            ]
        )
        return Invalid(broken, "yaml", "invalid YAML")
    if family == "non-UTF-8 bytes":
        encoded = _dump(data, fmt).encode("utf-8")
        at = rng.randrange(len(encoded) + 1)
        bad = rng.choice([b"\xff", b"\xc3\x28", b"\xe9", b"\xed\xa0\x80", b"\xf8\x88\x80\x80"])
        if rng.random() < 0.3:
            return Invalid(_dump(data, fmt).encode("utf-16"), fmt, "UTF-8")
        return Invalid(encoded[:at] + bad + encoded[at:], fmt, "UTF-8")
    if family == "over-size file":
        text = _dump(data, "yaml")
        pad = "# " + "padding " * 100 + "\n"
        text += pad * (MAX_DEBRIEF_BYTES // len(pad) + 1)
        raw: str | bytes = text if rng.random() < 0.5 else text.encode("utf-8")
        return Invalid(raw, "yaml", "limit")
    if family == "empty interviewer list":
        data["interviewers"] = []
        return Invalid(_dump(data, fmt), fmt, "interviewers")
    raise ValueError(family)


INVALID_FAMILIES = [
    "unknown field",
    "wrong enum",
    "malformed YAML/JSON",
    "non-UTF-8 bytes",
    "over-size file",
    "empty interviewer list",
]


def _parse(raw: str | bytes, fmt: str, via_file: bool, tmp: Path, n: int) -> Debrief:
    if not via_file:
        return parse_debrief(raw, source=f"input-{n}", fmt=fmt if fmt == "json" else None)
    path = tmp / f"input-{n}.{fmt}"
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    return load_debrief(path)


def _draft_problems(debrief: Debrief, drafts: Sequence[Draft]) -> list[str]:
    problems = []
    if [d.interviewer for d in drafts] != [p.name for p in debrief.interviewers]:
        problems.append(f"{len(drafts)} drafts for {len(debrief.interviewers)} people")
    for d in drafts:
        if not d.body.strip() or not d.subject.strip():
            problems.append(f"empty note for {d.interviewer!r}")
        found = [f for f in lint_note(d.body, config=PLACEHOLDERS_ONLY) if "placeholder" in f.rule]
        leftovers = [w for w in ("{", "}", "None") if w in d.body or w in d.subject]
        if found or leftovers:
            bits = [d.body[f.start : f.end] for f in found] + leftovers
            problems.append(f"placeholder in the note to {d.interviewer!r}: {bits[:3]}")
    return problems


# -- lint texts --------------------------------------------------------------------


def _text(rng: random.Random, family: str, base_notes: Sequence[str]) -> tuple[str, int]:
    """A text of ``family`` and how many odd runs it holds."""
    if family == "empty or blank":
        return rng.choice(["", " ", "\n", "\n\n\n", "\t \r\n", "\u200b", "\ufeff", " \u3000 "]), 1
    if family == "over 1 MB":
        return "a " * (rng.randint(512, 600) * 1024), 1
    note = rng.choice(base_notes) if base_notes else " ".join(rng.choices(WORDS, k=120))
    if family == "near the size limit":
        parts = [note]
        while sum(map(len, parts)) < MAX_NOTE_CHARS - 2_000:
            parts.append(rng.choice([_odd(rng), " ".join(rng.choices(WORDS, k=40)), note]))
        text = "\n".join(parts)
        return text[: rng.randint(MAX_NOTE_CHARS - 100, MAX_NOTE_CHARS)], len(parts)
    pool = {
        "control chars": CONTROL,
        "RTL": [r for r in ODD_RUNS if any("\u0590" <= c <= "\u06ff" for c in r)]
        + ["\u202e", "\u202b", "\u200f", "\u2067"],
        "combining marks": ["\u0301", "\u0302\u0303", "\u0323" * 12, "e\u0301", "\u20dd", "\u0489"],
        "emoji sequences": [
            "👨‍👩‍👧‍👦",
            "👩🏽‍💻",
            "🇳🇱",
            "❤️‍🔥",
            "👍🏿",
            "\u200d",
            "\ufe0f",
            "🏳️‍🌈",
            "🧑‍🤝‍🧑",
        ],
    }[family]
    text = note
    count = rng.randint(1, 40)
    for _ in range(count):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(pool) + text[at:]
    return text, count


TEXT_FAMILIES = [
    "empty or blank",
    "control chars",
    "RTL",
    "combining marks",
    "emoji sequences",
    "near the size limit",
    "over 1 MB",
]


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def span_problems(
    text: str, findings: Sequence[Finding], loop: Sequence[str] | None = None
) -> list[str]:
    problems = []
    for f in findings:
        where = f"{f.rule} [{f.start}, {f.end})"
        if not 0 <= f.start <= f.end <= len(text):
            problems.append(f"{where} outside a text of {len(text)} characters")
            continue
        if (f.line, f.column) != position(text, f.start):
            problems.append(f"{where} at {f.line}:{f.column}, not {position(text, f.start)}")
        if "\n" in f.message or not f.message.strip():
            problems.append(f"{where}: message is not one line")
        if f.related_note is not None and loop is not None:
            if not 0 <= f.related_note < len(loop):
                problems.append(f"{where}: related note {f.related_note} not in the loop")
            elif f.related_start is not None and f.related_end is not None:
                other = loop[f.related_note]
                if not 0 <= f.related_start <= f.related_end <= len(other):
                    problems.append(f"{where}: related span outside note {f.related_note}")
    if [(f.start, f.end, f.rule) for f in findings] != sorted(
        (f.start, f.end, f.rule) for f in findings
    ):
        problems.append("findings are not sorted by position")
    return problems


# -- the table ---------------------------------------------------------------------


@dataclass
class Row:
    name: str
    tried: int = 0
    faults: int = 0
    survived: int = 0
    failed: int = 0
    seconds: float = 0.0
    note: str = ""
    failures: list[str] = field(default_factory=list)

    def fail(self, detail: str) -> None:
        self.failed += 1
        self.failures.append(" ".join(detail.split())[:240])


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"


def _stored_problems(store: Any, debrief: Debrief, drafts: list[Draft]) -> list[str]:
    """What a store round trip of the debrief and its drafts changed."""
    loop = store.save_debrief(debrief).loop_id
    store.save_drafts(loop, drafts)
    if store.load_debrief(loop) != debrief:
        return ["the store gave back a different debrief"]
    if store.load_drafts(loop) != drafts:
        return ["the store gave back different drafts"]
    return []


def run_debriefs(rng: random.Random, n: int, tmp: Path) -> list[Row]:
    from followup.store import Store

    drafter = OfflineDrafter()
    store = Store(tmp / "roundtrip.sqlite3")
    rows = {name: Row(f"debrief: valid, {name}") for name in ("odd unicode", "near limits")}
    rows |= {family: Row(f"debrief: {family}") for family in INVALID_FAMILIES}
    for i in range(n):
        kind = rng.choice(["odd unicode", "near limits", *INVALID_FAMILIES])
        row = rows[kind]
        started = time.perf_counter()
        data, odd = valid_data(rng, near_limit=kind == "near limits")
        via_file = rng.random() < 0.3
        row.tried += 1
        if kind in ("odd unicode", "near limits"):
            fmt = rng.choice(["yaml", "json"])
            raw = _dump(data, fmt)
            # Valid means under the size limit too: shed people until it fits.
            while len(raw.encode("utf-8")) > MAX_DEBRIEF_BYTES and len(data["interviewers"]) > 1:
                data["interviewers"].pop()
                raw = _dump(data, fmt)
            row.faults += odd
            try:
                debrief = _parse(raw, fmt, via_file, tmp, i)
                drafts = drafter.draft_loop(debrief)
                problems = _draft_problems(debrief, drafts) or _stored_problems(
                    store, debrief, drafts
                )
            except Exception as exc:
                problems = [f"raised {_describe(exc)}"]
            if problems:
                row.fail(f"input {i} ({len(data['interviewers'])} people): {problems[0]}")
            else:
                row.survived += 1
        else:
            case = _invalid(rng, kind, data)
            row.faults += 1
            try:
                _parse(case.raw, case.fmt, via_file, tmp, i)
                row.fail(f"input {i}: accepted, expected an error containing {case.expect!r}")
            except InputError as exc:
                message = str(exc)
                if "\n" in message or len(exc.problems) != 1:
                    row.fail(f"input {i}: {len(exc.problems)} lines: {message!r}")
                elif case.expect.lower() not in message.lower():
                    row.fail(f"input {i}: error does not name {case.expect!r}: {message}")
                else:
                    row.survived += 1
            except Exception as exc:
                row.fail(f"input {i} ({kind}): {_describe(exc)}")
        row.seconds += time.perf_counter() - started
    store.close()
    return list(rows.values())


def run_texts(rng: random.Random, n: int, loops: int) -> list[Row]:
    debriefs = [parse_debrief(_dump(valid_data(rng, False)[0], "yaml")) for _ in range(4)]
    drafter = OfflineDrafter()
    notes = [d.body for debrief in debriefs for d in drafter.draft_loop(debrief)]
    rows = {family: Row(f"lint_note: {family}") for family in TEXT_FAMILIES}
    # Every family at least once; the large ones are few (each takes a third of a second).
    plan = list(TEXT_FAMILIES)
    for _ in range(n - len(TEXT_FAMILIES)):
        large = rng.random() < 0.01
        plan.append("near the size limit" if large else rng.choice(TEXT_FAMILIES[:5]))
    for i, family in enumerate(plan):
        row = rows[family]
        text, odd = _text(rng, family, notes)
        debrief = rng.choice([None, *debriefs])
        recipient = rng.choice(debrief.interviewers) if debrief and rng.random() < 0.5 else None
        row.tried += 1
        row.faults += odd
        started = time.perf_counter()
        try:
            found = lint_note(text, debrief=debrief, recipient=recipient)
            problems = span_problems(text, found)
        except LimitError as exc:
            too_big = len(text) > MAX_NOTE_CHARS
            problems = [] if too_big and "\n" not in str(exc) else [f"raised {_describe(exc)}"]
        except Exception as exc:
            problems = [f"raised {_describe(exc)}"]
        row.seconds += time.perf_counter() - started
        if problems:
            row.fail(f"text {i} ({len(text)} chars): {problems[0]}")
        else:
            row.survived += 1
    loop_row = Row("lint_loop: mixed loops")
    for i in range(loops):
        size = rng.randint(2, 6)
        texts = []
        for _ in range(size):
            family = rng.choice(TEXT_FAMILIES[:5])
            text, odd = _text(rng, family, notes)
            loop_row.faults += odd
            texts.append(text)
        # Shared sentences, so duplication findings (with related spans) appear.
        if rng.random() < 0.7:
            texts[1] += "\n" + texts[0][: len(texts[0]) // 2]
        debrief = rng.choice([None, *debriefs])
        loop_row.tried += 1
        started = time.perf_counter()
        try:
            found_loop = lint_loop([NoteInput(text=t) for t in texts], debrief=debrief)
            problems = [
                p
                for t, f in zip(texts, found_loop, strict=True)
                for p in span_problems(t, f, texts)
            ]
            if len(found_loop) != len(texts):
                problems.append(f"{len(found_loop)} finding lists for {len(texts)} notes")
        except Exception as exc:
            problems = [f"raised {_describe(exc)}"]
        loop_row.seconds += time.perf_counter() - started
        if problems:
            loop_row.fail(f"loop {i} ({size} notes): {problems[0]}")
        else:
            loop_row.survived += 1
    return [*rows.values(), loop_row]


# -- model faults --------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    name: str
    reply: Any  # a fakeopenai.Reply, or None: no fault (baseline) or nothing listening
    persistent: bool
    stream: bool = False
    refused: bool = False  # base_url on a port nothing listens on
    retried: bool = True  # False: the drafter rightly gives up after the first attempt

    @property
    def label(self) -> str:
        return f"fault: {self.name}" + (", every attempt" if self.persistent else "")


def _faults(fake: ModuleType, quick: bool) -> list[Fault]:
    reply = fake.Reply
    german = (
        "Subject: Vielen Dank\n\nSehr geehrte Frau Raman,\n\nvielen Dank für das angenehme "
        "Gespräch über den Umzug des Lagers in Newark. Ich habe mich sehr über die Einblicke "
        "gefreut und würde gerne Teil Ihres Teams werden. Ich freue mich darauf, von Ihnen "
        "zu hören.\n\nMit freundlichen Grüßen\nMorgan Hale\n"
    )
    runaway = "Subject: Hi\n\n" + "word " * 5_000
    kinds = [
        ("latency beyond timeout", reply(latency=timeout_for(quick) + 0.6), False),
        ("429 with Retry-After", reply(status=429, retry_after="2"), False),
        ("429 without Retry-After", reply(status=429), False),
        ("500", reply(status=500), False),
        ("malformed JSON", reply(malformed=True), False),
        ("connection dropped", reply(drop=True), False),
        ("stream cut short", reply(cut_after=6), True),
        ("empty completion", reply(content=""), False),
        ("wrong language", reply(content=german), False),
        ("5,000-word completion", reply(content=runaway), False),
        ("5,000-word stream", reply(content=runaway), True),
    ]
    # The quick run skips the slow ones (long streams, repeated timeouts).
    once = {name for name, _, _ in kinds if not (quick and name == "5,000-word stream")}
    every = once - ({"latency beyond timeout", "429 without Retry-After"} if quick else set())
    return [
        Fault("none (baseline)", None, False),
        *(Fault(name, r, False, stream) for name, r, stream in kinds if name in once),
        *(Fault(name, r, True, stream) for name, r, stream in kinds if name in every),
        Fault("401, key echoed back", reply(status=401), True, retried=False),
        Fault("connection refused", None, True, refused=True),
    ]


@dataclass
class Waits:
    """Stands in for ``time.sleep`` in the retry policy: records the waits asked for."""

    asked: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def _outcome(draft: Draft) -> str:
    if draft.backend == "openai" and draft.fallback_reason is None:
        return "model"
    reason = draft.fallback_reason
    if draft.backend == "offline" and reason and reason.strip() and "\n" not in reason:
        return "fallback"
    return f"backend {draft.backend} with reason {reason!r}"


@dataclass
class FaultRun:
    """What one scenario produced."""

    drafts: list[Draft]
    streamed: dict[int, Draft]  # the notes as streamed, before the second pass
    injected: int
    scripted: int
    waits: list[float]
    error: str | None


def _run_fault(
    fake: ModuleType, fault: Fault, debrief: Debrief, target: int, store: Any, settings: Any
) -> FaultRun:
    from followup.drafting.llm import LLMDrafter, RetryPolicy
    from followup.drafting.repair import default_linter
    from followup.service import NoteProgress, draft_loop_streaming, make_drafter

    waits = Waits()
    streamed: dict[int, Draft] = {}

    def on_update(progress: NoteProgress) -> None:
        if progress.draft is not None:
            streamed[progress.index] = progress.draft

    with fake.FakeOpenAIServer() as server:
        url = f"http://127.0.0.1:{fake.free_port()}/v1" if fault.refused else server.base_url
        settings = settings.model_copy(update={"base_url": url})
        if not isinstance(make_drafter(settings, store), LLMDrafter):
            raise TypeError("make_drafter did not give the LLM drafter")
        # make_drafter's drafter, with the waits recorded instead of slept.
        drafter = LLMDrafter(
            settings,
            store=store,
            lint=default_linter,
            retry=RetryPolicy(attempts=ATTEMPTS, sleep=waits, jitter=lambda: 0.5),
        )
        scripted = 0
        if fault.reply is not None:
            scripted = ATTEMPTS if fault.persistent and fault.retried else 1
            name = debrief.interviewers[target].name
            server.script(*[fault.reply] * scripted, match=f"Recipient: {name}")
        errors_before = sum(1 for c in store.calls(limit=100_000) if c.outcome == "error")
        error = None
        drafts: list[Draft] = []
        try:
            if fault.stream:
                drafts = draft_loop_streaming(debrief, drafter, on_update)
            else:
                drafts = drafter.draft_loop(debrief)
        except Exception as exc:
            error = f"drafting raised {_describe(exc)}"
        errors = sum(1 for c in store.calls(limit=100_000) if c.outcome == "error")
        injected = errors - errors_before if fault.refused else scripted - server.pending()
    return FaultRun(drafts, streamed, injected, scripted, waits.asked, error)


def _check_fault(fault: Fault, run: FaultRun, target: int, row: Row) -> list[str]:
    """Score each note of one scenario into ``row``; returns the fallback reasons seen."""
    notes = [*run.drafts, *run.streamed.values()]
    reasons = [d.fallback_reason for d in notes if d.fallback_reason]
    if run.error:
        row.fail(f"{fault.name}: {run.error}")
    if fault.reply is not None and run.injected != run.scripted:
        row.fail(f"{fault.name}: {run.injected} of {run.scripted} scripted faults were served")
    hit = "fallback" if fault.persistent else "model"
    for i, draft in enumerate(run.drafts):
        faulted = fault.refused or (fault.reply is not None and i == target)
        expected = hit if faulted else "model"
        got = _outcome(draft)
        if fault.stream:
            # The fault shows in the streamed note; the second pass may ask again and succeed.
            seen = run.streamed.get(i)
            streamed = "no streamed note" if seen is None else _outcome(seen)
            ok = streamed == expected and got in (expected, "model")
            got = f"streamed {streamed}, then {got}"
        else:
            ok = got == expected
        if ok:
            row.survived += 1
        else:
            row.fail(f"{fault.name}: {draft.interviewer}: {got}, expected {expected}")
    if fault.persistent and reasons:
        reason = reasons[0].split("; drafted offline")[0]
        reason = reason.replace(" (after", "\0").replace(" (on the", "\0").split("\0")[0]
        row.note = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", reason)
    elif fault.reply is not None:
        row.note = f"retried; asked to wait {sum(run.waits):.2f} s"
    return [r for r in reasons if r]


def _check_store(store: Any, loop_id: int, debrief: Debrief, saved: Sequence[list[Draft]]) -> str:
    """What the store lost or changed, or "" when every version loads as saved."""
    if store.load_debrief(loop_id) != debrief or store.load_debrief(loop_id, 1) != debrief:
        return "the saved debrief changed"
    versions = store.list_draft_versions(loop_id)
    if len(versions) != len(saved):
        return f"{len(versions)} draft versions, {len(saved)} saved"
    for n, drafts in enumerate(saved, start=1):
        if store.load_drafts(loop_id, n) != drafts:
            return f"draft version {n} changed"
    return ""


def _files(home: Path, when: str) -> list[tuple[str, bytes]]:
    return [(f"{p.name} ({when})", p.read_bytes()) for p in sorted(home.iterdir()) if p.is_file()]


def run_faults(
    fake: ModuleType, rng: random.Random, quick: bool, home: Path, key: str
) -> tuple[list[Row], list[tuple[str, bytes]]]:
    """Rows per fault, and every place the key must not be (files, fallback reasons)."""
    from followup.settings import load_settings
    from followup.store import Store

    debrief = load_debrief(FIXTURE)
    offline = OfflineDrafter().draft_loop(debrief)
    settings = load_settings(
        env={},
        backend="openai",
        api_key=key,
        timeout=timeout_for(quick),
        max_retries=ATTEMPTS - 1,
        home=home,
    )
    rows: dict[str, Row] = {}
    places: list[tuple[str, bytes]] = []
    saved: list[list[Draft]] = [offline]
    store_row = Row("store: debrief + drafts reload", note="after every fault")
    with Store.open(settings) as store:
        loop_id = store.save_debrief(debrief).loop_id
        store.save_drafts(loop_id, offline)
        for fault in _faults(fake, quick):
            row = rows.setdefault(fault.label, Row(fault.label))
            target = rng.randrange(len(debrief.interviewers))
            started = time.perf_counter()
            run = _run_fault(fake, fault, debrief, target, store, settings)
            seconds = time.perf_counter() - started
            row.tried += len(debrief.interviewers)
            row.faults += run.injected
            row.seconds += seconds
            bound = bound_for(quick) * (2 if fault.stream else 1)
            if seconds > bound:
                row.fail(f"{fault.name}: took {seconds:.1f} s, over the {bound:.0f} s bound")
            reasons = _check_fault(fault, run, target, row)
            places += [(f"reason ({fault.name})", r.encode("utf-8")) for r in reasons]
            if run.drafts:
                store.save_drafts(loop_id, run.drafts)
                saved.append(run.drafts)
            store_row.tried += 1
            started = time.perf_counter()
            try:
                lost = _check_store(store, loop_id, debrief, saved)
            except Exception as exc:
                lost = _describe(exc)
            store_row.seconds += time.perf_counter() - started
            if lost:
                store_row.fail(f"after {fault.name}: {lost}")
            else:
                store_row.survived += 1
        odd_row = _odd_loops(fake, rng, 2 if quick else 6, store, settings)
        places += [(f"reason (odd loop {i})", r.encode("utf-8")) for i, r in enumerate(odd_row[1])]
        places += _files(home, "open")
    places += _files(home, "closed")
    return [*rows.values(), odd_row[0], store_row], places


def _odd_loops(
    fake: ModuleType, rng: random.Random, count: int, store: Any, settings: Any
) -> tuple[Row, list[str]]:
    """Generated odd-unicode loops through the model, no fault: every note drafted and kept."""
    from followup.drafting.llm import LLMDrafter, RetryPolicy
    from followup.drafting.repair import default_linter

    row = Row("model: generated odd loops")
    reasons: list[str] = []
    with fake.FakeOpenAIServer() as server:
        settings = settings.model_copy(update={"base_url": server.base_url})
        retry = RetryPolicy(attempts=ATTEMPTS, sleep=Waits(), jitter=lambda: 0.5)
        drafter = LLMDrafter(settings, store=store, lint=default_linter, retry=retry)
        for i in range(count):
            data, odd = valid_data(rng, near_limit=i % 2 == 1)
            data["interviewers"] = data["interviewers"][:8]  # the server answers in turn
            started = time.perf_counter()
            try:
                debrief = parse_debrief(_dump(data, "yaml"))
                drafts = drafter.draft_loop(debrief)
                outcomes = [_outcome(d) for d in drafts]
                problems = [o for o in outcomes if o not in ("model", "fallback")]
                problems += _draft_problems(debrief, drafts)
                problems = problems or _stored_problems(store, debrief, drafts)
                reasons += [d.fallback_reason for d in drafts if d.fallback_reason]
            except Exception as exc:
                problems = [f"raised {_describe(exc)}"]
            row.seconds += time.perf_counter() - started
            row.tried += len(data["interviewers"])
            row.faults += odd
            if problems:
                row.failed += len(data["interviewers"])
                row.failures.append(f"odd loop {i}: {problems[0]}"[:240])
            else:
                row.survived += len(data["interviewers"])
    fell_back = len(reasons)
    row.note = f"{fell_back} fell back offline" if fell_back else "every note from the model"
    return row, reasons


def key_row(key: str, places: Sequence[tuple[str, bytes]]) -> Row:
    """Look for the key (or its random tail) in every place given."""
    row = Row("secret: fake key never written")
    started = time.perf_counter()
    secret = key.encode("utf-8")
    tail = key.rsplit("-", 1)[-1].encode("utf-8")  # a partial echo is a leak too
    for where, data in places:
        row.tried += 1
        if secret in data or tail in data:
            row.fail(f"the API key appears in {where}")
        else:
            row.survived += 1
    files = sum(1 for where, _ in places if not where.startswith("reason"))
    row.note = f"{files} db file snapshots, {len(places) - files} reasons, the report"
    row.seconds = time.perf_counter() - started
    return row


def render(rows: Sequence[Row], header: str) -> tuple[str, int]:
    """The table, and the number of failures in it."""
    width = max(len(r.name) for r in rows) + 2
    titles = ("tried", "faults", "survived", "failed", "seconds")
    rule = "-" * (width + 9 * len(titles) + 50)
    lines = [header, "", f"{'input family / fault':<{width}}" + "".join(f"{t:>9}" for t in titles)]
    lines.append(rule)
    for r in rows:
        figures = "".join(f"{v:>9,}" for v in (r.tried, r.faults, r.survived, r.failed))
        lines.append(f"{r.name:<{width}}{figures}{r.seconds:>9.2f}  {r.note[:60]}".rstrip())
    lines.append(rule)
    totals = [sum(getattr(r, k) for r in rows) for k in ("tried", "faults", "survived", "failed")]
    figures = "".join(f"{v:>9,}" for v in totals)
    lines.append(f"{'total':<{width}}{figures}{sum(r.seconds for r in rows):>9.2f}")
    failures = [f for r in rows for f in r.failures]
    if failures:
        lines += ["", f"{len(failures)} failures (first 30):"]
        lines += [f"  {f}" for f in failures[:30]]
    return "\n".join(lines), totals[3]


def _fake_server() -> ModuleType:
    """The tests' fake OpenAI-compatible server (tests/fakeopenai.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    return importlib.import_module("fakeopenai")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a smaller run (under 15 s)")
    args = parser.parse_args(argv)
    wall = time.perf_counter()
    sizes = (60, 60, 8) if args.quick else (400, 300, 40)
    key = f"sk-test-RELIABILITY-{random.Random(args.seed).getrandbits(64):016x}"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="followup-reliability-") as tmp:
        inputs, home = Path(tmp) / "inputs", Path(tmp) / "home"
        inputs.mkdir()
        rows += run_debriefs(random.Random(f"debriefs-{args.seed}"), sizes[0], inputs)
        rows += run_texts(random.Random(f"texts-{args.seed}"), sizes[1], sizes[2])
        fault_rows, places = run_faults(
            _fake_server(), random.Random(f"faults-{args.seed}"), args.quick, home, key
        )
    rows += fault_rows
    mode = "quick" if args.quick else "default"
    header = (
        f"followup reliability, seed {args.seed}, {mode} run: model timeout "
        f"{timeout_for(args.quick):g} s, {ATTEMPTS} attempts per call, "
        f"{bound_for(args.quick):g} s allowed a scenario (twice that streamed)"
    )
    # The report is a place the key must not be: scan it with every figure but its own row.
    draft, _ = render([*rows, Row("secret: fake key never written")], header)
    rows.append(key_row(key, [*places, ("the report", draft.encode("utf-8"))]))
    header += f"; wall time {time.perf_counter() - wall:.1f} s"
    table, failed = render(rows, header)
    for secret in (key, key.rsplit("-", 1)[-1]):
        if secret in table:  # never print it, even to say that it leaked
            table = table.replace(secret, "***") + "\nthe API key appeared in this report"
            failed += 1
    print(table)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
