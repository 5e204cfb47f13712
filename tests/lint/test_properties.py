"""Properties of the linter and the offline drafter over arbitrary input (issue 6.1).

The default run keeps example counts small so the file finishes in seconds;
``make fuzz`` runs the ``fuzz``-marked versions with FOLLOWUP_FUZZ_EXAMPLES
examples each (5000 by default) and prints how many ran.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from followup.debrief import Candidate, Debrief, Interview, Interviewer
from followup.drafting.base import NoteKind
from followup.drafting.offline import MAX_WORDS, MIN_WORDS, OfflineDrafter
from followup.errors import LimitError
from followup.lint import Category, Finding, NoteInput, Severity, lint_loop, lint_note, rules
from followup.text import word_count

FUZZ_EXAMPLES = int(os.environ.get("FOLLOWUP_FUZZ_EXAMPLES", "5000"))
QUICK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CATEGORIES = frozenset(get_args(Category))
SEVERITIES = frozenset(get_args(Severity))
KINDS: tuple[NoteKind, ...] = get_args(NoteKind)

# Pieces of real notes and of hostile text, so random notes exercise the rules
# (salutations, plans, chat-speak, placeholders) as well as the tokenizer.
FRAGMENTS = (
    "Dear Ms. Raman,\n\n",
    "Dear Priya,\n",
    "Hey Tom!! ",
    "Thank you for your time. ",
    "Best regards,\nMorgan Hale\n",
    "I would start by auditing the pick paths. ",
    "1. Pull the data\n2. Re-slot the items\n",
    "Here is my plan: ",
    "[Interviewer Name]",
    "{topic}",
    "<FIRST NAME>",
    "recieve the oppurtunity ",
    "thx u r gr8 lol ",
    "I really need this job. ",
    "I will call you every day. ",
    "on March 20, 2027 ",
    "a 40-person team ",
    "“quoted words” ",
    '"we need someone to fix it" ',
    "Dr. van der Berg ",
    "\r\n",
    "\n\n\n",
    "\u2028",
    "\x00",
    "\x1b[31m",
    "\t",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "👩🏽‍💻",
    "🇺🇸🇳🇬",
    "👨‍👩‍👧‍👦",
    "🙌🙌!!",
    "e\u0301",
    "Z\u0337\u0359\u0308\u0301\u0302",
    "שלום, תודה רבה על הזמן. ",
    "مرحبا، شكرا لك. ",
    "\u202eevil\u202c ",
    "İstanbul ß Σ ﬁ ",
    "Nguyễn Małgorzata Ibáñez ",
    "！？。",
)

note_texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("".join),
)


@st.composite
def loops(draw: st.DrawFn) -> list[str]:
    """Up to five notes, some of them copies of others with a small edit."""
    notes = draw(st.lists(note_texts, max_size=5))
    copies = draw(st.lists(st.tuples(st.integers(0, 4), st.text(max_size=10)), max_size=2))
    for source, edit in copies:
        if notes and len(notes) < 5:
            base = notes[source % len(notes)]
            cut = len(base) // 2
            notes.append(base[:cut] + edit + base[cut:])
    return notes


def _lines(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _check(text: str, findings: Sequence[Finding]) -> None:
    """Findings are sorted, inside the text, and their line/column match their offset."""
    assert isinstance(findings, list)
    known = {r.id for r in rules()}
    keys = [(f.start, f.end, f.rule) for f in findings]
    assert keys == sorted(keys)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.column) == _lines(text, f.start), f
        assert f.category in CATEGORIES
        assert f.severity in SEVERITIES
        assert f.rule in known, f.rule
        assert f.message.strip(), f
        assert "\n" not in f.message, f.message


def _check_note(text: str) -> None:
    _check(text, lint_note(text))


def _check_loop(texts: list[str], debrief: Debrief | None = None) -> None:
    notes = [NoteInput(text=t, label=f"note-{i}") for i, t in enumerate(texts)]
    result = lint_loop(notes, debrief=debrief)
    assert len(result) == len(texts)
    for i, (text, findings) in enumerate(zip(texts, result, strict=True)):
        _check(text, findings)
        for f in findings:
            if f.related_note is None:
                assert f.related_start is None
                assert f.related_end is None
                continue
            assert 0 <= f.related_note < len(texts)
            assert f.related_note != i
            twin = texts[f.related_note]
            assert f.related_start is not None
            assert f.related_end is not None
            assert 0 <= f.related_start <= f.related_end <= len(twin)


# -- debriefs with arbitrary text -------------------------------------------------

_WORDY = st.sampled_from(
    [
        "the move of the Newark warehouse to a new management system",
        "cycling in the Catskills",
        "Terraform module sprawl",
        "I have never worked inside a warehouse",
        "a case study review with the COO next week",
        "mis-picks on the night shift",
        "her recommendation of the Thai place on Ferry Street",
        "ROS 2",
        "his dog, Biscuit",
        "Dr. José O'Neil",
    ]
)
# Many short words: long names and entries stress the word budget, not the tokenizer.
_many_words = st.lists(
    st.sampled_from(["a", "Jo", "van", "the", "Ana-María", "O'Neil", "x1", "—", "né"]),
    min_size=1,
    max_size=60,
).map(" ".join)
_text = st.one_of(st.text(max_size=60), _WORDY, _many_words)
_required = st.one_of(st.text(min_size=1, max_size=60), _WORDY, _many_words).filter(
    lambda s: bool(s.strip())
)
_name = _required.filter(lambda s: len(s.strip()) <= 200)
_items = st.lists(_required, max_size=4).map(tuple)
_dates = st.dates()
# Odd but valid addresses: the box only refuses what is not an address at all.
_email = st.from_regex(r"\A[a-z0-9._+-]{1,20}@[a-z0-9-]{1,20}(?:\.[a-z]{2,6}){1,2}\Z")

interviewers = st.builds(
    Interviewer,
    name=_name,
    title=st.none() | _text,
    email=st.none() | _email,
    honorific=st.none() | st.sampled_from(["Mr.", "Ms.", "Mx.", "Dr.", "Prof.", "none"]),
    role=st.sampled_from(
        ["decision_maker", "hiring_manager", "influencer", "peer", "assistant", "other"]
    ),
    first_name_invited=st.booleans(),
    tone=st.sampled_from(["friendly", "formal", "familylike"]),
    invited_to_call=st.booleans(),
    topics=_items,
    positives=_items,
    objections=_items,
    key_issues=_items,
    next_steps=_items,
)

debriefs = st.builds(
    Debrief,
    candidate=st.builds(
        Candidate,
        name=_name,
        email=st.none() | _email,
        phone=st.none() | _text,
        decision_deadline=st.none() | _dates,
    ),
    interview=st.builds(
        Interview,
        company=_name,
        role=_name,
        date=_dates,
        stage=st.none() | st.sampled_from(["first", "second", "final"]),
        first_interviewed=st.booleans(),
        decision_expected=st.none() | _dates,
        overall=st.none() | _text,
    ),
    interviewers=st.lists(interviewers, min_size=1, max_size=5).map(tuple),
)

_SLOT = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _check_drafts(debrief: Debrief, kind: NoteKind, *, lengths: bool = True) -> None:
    """Offline drafts: one per person, no template slot left unfilled, within the word range.

    Thank-you notes keep to 90..200 words (DOMAIN: roughly 100 to 200, read on a
    phone); check-ins, timeline notes and rejection replies are meant to be
    brief, so only the ceiling applies to them.
    """
    drafts = OfflineDrafter().draft_loop(debrief, kind)
    assert len(drafts) == len(debrief.interviewers)
    user_text = "\x1f".join(_strings(debrief.model_dump(mode="json")))
    floor = MIN_WORDS if kind == "thank_you" else 1
    for draft in drafts:
        for text in (draft.subject, draft.body):
            leftovers = [m for m in _SLOT.findall(text) if m not in user_text]
            assert not leftovers, (leftovers, text)
        if lengths:
            words = word_count(draft.body)
            assert floor <= words <= MAX_WORDS, (kind, words, draft.body)


def _check_note_with_debrief(debrief: Debrief, text: str, pick: int) -> None:
    people = debrief.interviewers
    recipient = people[pick % len(people)] if pick >= 0 else None
    _check(text, lint_note(text, debrief=debrief, recipient=recipient))


def _debrief(people: list[dict[str, Any]], **interview: Any) -> Debrief:
    return Debrief.model_validate(
        {
            "candidate": {"name": "Morgan Hale", "email": "morgan@example.com"},
            "interview": {"company": "Acme", "role": "Analyst", "date": "2027-03-09", **interview},
            "interviewers": people,
        }
    )


# Regression example found by the fuzz run: a name with a line break inside
# (valid in the debrief model) once made structure.no-topic and
# formality.first-name messages span two lines.
_MULTILINE_NAME = _debrief([{"name": "Tom\nOkafor", "key_issues": ["the night shift"]}])


# -- quick runs (default) -----------------------------------------------------------


def test_empty_input_lints() -> None:
    """An empty note, a blank note and an empty loop lint without an exception."""
    for text in ("", "   \n\n", "\x00", "\ufeff"):
        _check(text, lint_note(text))
    assert lint_loop([]) == []
    _check_loop(["", ""])


def test_one_megabyte_note_is_linted_or_refused_in_one_line() -> None:
    """A 1 MB note either lints with valid spans or is refused with a one-line limit error."""
    unit = "Dear Ms. Raman,\n\nThank you 👩🏽‍💻 for your time, e\u0301 שלום recieve.\n"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    try:
        findings = lint_note(text)
    except LimitError as exc:
        message = str(exc)
        assert "\n" not in message
        assert "limit" in message
    else:
        _check(text, findings)


@QUICK
@given(note_texts)
def test_any_text_lints_with_valid_spans(text: str) -> None:
    """Any Unicode text lints without an exception; every span is inside it, line/column agree."""
    _check_note(text)


@settings(QUICK, max_examples=30)
@given(loops())
def test_any_loop_lints_with_valid_spans(texts: list[str]) -> None:
    """Loops of random notes (copies included) lint; related spans point inside the other note."""
    _check_loop(texts)


@settings(QUICK, max_examples=30)
@example(_MULTILINE_NAME, "Dear Tom,\n\nThank you.\n\nBest,\nMorgan Hale", 0)
@given(debriefs, note_texts, st.integers(-1, 5))
def test_any_note_lints_against_any_debrief(debrief: Debrief, text: str, pick: int) -> None:
    """Linting with an arbitrary debrief and recipient (accuracy, first-name rules) never fails."""
    _check_note_with_debrief(debrief, text, pick)


# Regression examples found by the properties below: a loop of five or more
# people recorded by name only once drafted thank-you notes of 87, 51 and 56
# words (the phrase pools ran dry); long but realistic fields pushed one past
# 200 words.
_NAMES_ONLY = _debrief([{"name": f"Person {c} Smith", "tone": "friendly"} for c in "ABCDEF"])
_LONG_TOPIC = (
    "the long and detailed plan to move every regional warehouse onto one shared management"
    " system before the next peak season, including training for all of the night shift staff"
)
_LONG_FIELDS = _debrief(
    [
        {
            "name": "Alexandra Konstantinopoulou-Whitfield",
            "role": "hiring_manager",
            "tone": "friendly",
            "invited_to_call": True,
            "topics": [_LONG_TOPIC, _LONG_TOPIC + " again"],
            "positives": [_LONG_TOPIC, _LONG_TOPIC + " too"],
            "objections": [_LONG_TOPIC],
            "key_issues": [_LONG_TOPIC],
            "next_steps": [_LONG_TOPIC],
        }
    ],
    company="The Royal Bank of Northern Scotland and Islands Group",
    role="Senior Manager, Strategy and Operations, Consumer Banking Division, EMEA",
    decision_expected="2027-03-20",
    first_interviewed=True,
)


@settings(QUICK, max_examples=40)
@given(debriefs, st.sampled_from(KINDS))
def test_any_debrief_drafts_offline_without_slots(debrief: Debrief, kind: NoteKind) -> None:
    """Any valid debrief drafts offline without an exception and without an unfilled slot."""
    _check_drafts(debrief, kind, lengths=False)


@settings(QUICK, max_examples=40)
@example(_NAMES_ONLY, "thank_you")
@example(_LONG_FIELDS, "thank_you")
@given(debriefs, st.sampled_from(KINDS))
def test_any_debrief_drafts_offline_within_word_range(debrief: Debrief, kind: NoteKind) -> None:
    """Any valid debrief drafts thank-you notes of 90..200 words and no note over 200."""
    _check_drafts(debrief, kind)


# -- long runs (make fuzz) -------------------------------------------------------------


def _fuzz(name: str, strategy: st.SearchStrategy[Any], check: Callable[..., None]) -> None:
    runs = 0

    @LONG
    @given(strategy)
    def run(args: Any) -> None:
        nonlocal runs
        runs += 1
        check(*args) if isinstance(args, tuple) else check(args)

    run()
    print(f"\nfuzz {name}: {runs} examples")
    assert runs > 0


@pytest.mark.fuzz
@pytest.mark.timeout(0)  # thousands of examples outlast the suite's 120 s cap
def test_fuzz_notes() -> None:
    """Long run: any Unicode text lints with valid spans."""
    _fuzz("notes", note_texts, _check_note)


@pytest.mark.fuzz
@pytest.mark.timeout(0)  # thousands of examples outlast the suite's 120 s cap
def test_fuzz_loops() -> None:
    """Long run: loops of random notes lint with valid spans and related spans."""
    _fuzz("loops", loops(), _check_loop)


@pytest.mark.fuzz
@pytest.mark.timeout(0)  # thousands of examples outlast the suite's 120 s cap
def test_fuzz_notes_with_debriefs() -> None:
    """Long run: random notes lint against random debriefs and recipients."""
    _fuzz(
        "notes with debriefs",
        st.tuples(debriefs, note_texts, st.integers(-1, 5)),
        _check_note_with_debrief,
    )


@pytest.mark.fuzz
@pytest.mark.timeout(0)  # thousands of examples outlast the suite's 120 s cap
def test_fuzz_offline_drafts() -> None:
    """Long run: random debriefs draft offline within 90..200 words and without slots."""
    _fuzz("offline drafts", st.tuples(debriefs, st.sampled_from(KINDS)), _check_drafts)
