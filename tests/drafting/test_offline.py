"""The offline drafter: complete, distinct, faithful notes with no model."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief, parse_debrief
from followup.drafting import Draft, Drafter, OfflineDrafter
from followup.drafting.offline import MAX_WORDS, MIN_WORDS, format_date
from followup.text import split_sentences, word_count, words

FIXTURES = sorted((Path(__file__).parents[2] / "fixtures" / "debriefs").glob("*.yaml"))
PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{\{|\}\}|\{[a-z_]+\}|<[A-Z_]+>|XXX|\bNone\b|\bTODO\b")
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
PRONOUNS = {"he", "she", "his", "her", "him", "your", "you", "the", "a", "an", "our", "my"}


def loops() -> list[tuple[Debrief, list[Draft]]]:
    drafter = OfflineDrafter()
    return [(d, drafter.draft_loop(d)) for d in map(load_debrief, FIXTURES)]


def long_sentences(body: str) -> set[str]:
    out = set()
    for s in split_sentences(body):
        ws = words(s.text.lower())
        if len(ws) >= 8:
            out.add(" ".join(ws))
    return out


def names_topic(body: str, topic: str) -> bool:
    """Most of the topic's content words appear in the note (pronouns are rewritten)."""
    wanted = [w for w in words(topic.lower()) if w not in PRONOUNS]
    have = set(words(body.lower()))
    return sum(w in have for w in wanted) >= 0.75 * len(wanted)


def test_offline_drafter_implements_the_protocol() -> None:
    """The offline drafter is a Drafter like any other backend."""
    assert isinstance(OfflineDrafter(), Drafter)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_one_complete_note_per_person(path: Path) -> None:
    """Every person gets a note with subject, salutation, sign-off and 90-200 words."""
    debrief = load_debrief(path)
    drafts = OfflineDrafter().draft_loop(debrief)
    assert [d.interviewer for d in drafts] == [p.name for p in debrief.interviewers]
    for person, draft in zip(debrief.interviewers, drafts, strict=True):
        assert draft.subject.strip()
        assert draft.body.startswith(f"Dear {person.address},\n")
        assert draft.body.rstrip().splitlines()[-1] in {
            debrief.candidate.name,
            debrief.candidate.email,
            debrief.candidate.phone,
        }
        assert MIN_WORDS <= word_count(draft.body) <= MAX_WORDS, draft.body
        assert draft.email == person.email
        assert draft.backend == "offline"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_no_long_sentence_is_shared_across_a_loop(path: Path) -> None:
    """No sentence of 8 or more words appears in two notes of one loop."""
    drafts = OfflineDrafter().draft_loop(load_debrief(path))
    for a, b in combinations(drafts, 2):
        assert not long_sentences(a.body) & long_sentences(b.body)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_note_names_one_of_that_persons_topics(path: Path) -> None:
    """A person with topics finds one of them in their note."""
    debrief = load_debrief(path)
    for person, draft in zip(
        debrief.interviewers, OfflineDrafter().draft_loop(debrief), strict=True
    ):
        if person.topics:
            assert any(names_topic(draft.body, t) for t in person.topics), draft.body


def test_notes_have_no_placeholders_slang_emoji_or_exclamations() -> None:
    """Formal register and no template leftovers in any fixture's notes."""
    for _, drafts in loops():
        for d in drafts:
            text = d.subject + "\n" + d.body
            assert not PLACEHOLDER.search(text), text
            assert not EMOJI.search(text)
            assert "!" not in text
            assert "  " not in text
            assert " ," not in text
            assert " ." not in text
            assert not re.search(r"\b(hey|gonna|thx|lmk|u)\b", text, re.I)


def test_objection_is_answered_without_quoting_it() -> None:
    """No run of four words from the strongest objection appears in the note."""
    checked = 0
    for debrief, drafts in loops():
        for person, draft in zip(debrief.interviewers, drafts, strict=True):
            if not person.objections:
                continue
            doubt = words(person.objections[0].lower())
            body = " ".join(words(draft.body.lower()))
            for i in range(len(doubt) - 3):
                assert " ".join(doubt[i : i + 4]) not in body, (person.objections[0], draft.body)
            checked += 1
    assert checked >= 5


def test_same_debrief_gives_same_notes() -> None:
    """Drafting is deterministic: the same debrief always gives the same notes."""
    debrief = load_debrief(FIXTURES[0])
    assert OfflineDrafter().draft_loop(debrief) == OfflineDrafter().draft_loop(debrief)


def test_draft_one_matches_the_loop() -> None:
    """Drafting one person gives the note they get in the whole loop."""
    debrief = load_debrief(next(p for p in FIXTURES if "northwind" in p.name))
    loop = OfflineDrafter().draft_loop(debrief)
    assert OfflineDrafter().draft_one(debrief, 3) == loop[3]


def _identical_people(n: int) -> Debrief:
    person = """\
  - name: Person {i} Smith
    tone: {tone}
    topics: [the quarterly planning cycle]
    positives: [five years leading planning for a retail chain]
    objections: [never managed a team this size]
    key_issues: [forecast accuracy]
    next_steps: [a panel interview with the regional directors]
"""
    tones = ["formal", "friendly", "familylike"]
    people = "".join(person.format(i=i, tone=tones[i % 3]) for i in range(n))
    return parse_debrief(
        "candidate: {name: Robin Lee}\n"
        "interview: {company: Larkspur, role: Planner, date: 2027-04-01}\n"
        "interviewers:\n" + people
    )


def test_identical_entries_still_give_distinct_notes() -> None:
    """Eight people with the very same debrief entries get notes sharing no long sentence."""
    drafts = OfflineDrafter().draft_loop(_identical_people(8))
    for a, b in combinations(drafts, 2):
        assert not long_sentences(a.body) & long_sentences(b.body), (a.body, b.body)


def test_missing_fields_degrade_gracefully() -> None:
    """With only names, the note is still complete and has no empty clause."""
    debrief = parse_debrief(
        "candidate: {name: Alex Kim}\n"
        "interview: {company: Acme, role: Analyst, date: 2027-02-01}\n"
        "interviewers: [{name: Jo Park}]\n"
    )
    (draft,) = OfflineDrafter().draft_loop(debrief)
    assert MIN_WORDS <= word_count(draft.body) <= MAX_WORDS
    assert not PLACEHOLDER.search(draft.body)
    assert "about ." not in draft.body
    assert ": ." not in draft.body


def test_template_syntax_in_a_field_stays_literal() -> None:
    """`{{ 7*7 }}` and `{role}` typed by the user come out as typed."""
    debrief = parse_debrief(
        "candidate: {name: Alex Kim}\n"
        "interview: {company: Acme, role: Analyst, date: 2027-02-01}\n"
        "interviewers: [{name: Jo Park, topics: ['{{ 7*7 }} and {role}']}]\n"
    )
    (draft,) = OfflineDrafter().draft_loop(debrief)
    assert "{{ 7*7 }} and {role}" in draft.body
    assert "49" not in draft.body


def test_assistant_gets_a_shorter_note_about_their_help() -> None:
    """The coordinator's note thanks them for their help and is the shortest of the loop."""
    debrief = load_debrief(next(p for p in FIXTURES if "harborline" in p.name))
    drafts = OfflineDrafter().draft_loop(debrief)
    assistant = next(d for p, d in zip(debrief.interviewers, drafts, strict=True) if p.is_assistant)
    assert re.search(r"\b(help|arrang|organis|coordinat)", assistant.body)
    assert word_count(assistant.body) == min(word_count(d.body) for d in drafts)
    assert "position" not in assistant.body.split("\n\n")[2]  # no pitch to the coordinator


def test_first_interviewed_asks_to_be_seen_again() -> None:
    """When you were the first candidate seen, each note asks to meet again later."""
    debrief = load_debrief(next(p for p in FIXTURES if "harborline" in p.name))
    assert debrief.interview.first_interviewed
    for person, draft in zip(
        debrief.interviewers, OfflineDrafter().draft_loop(debrief), strict=True
    ):
        if not person.is_assistant:
            assert re.search(r"first (candidate|people|interview)|came early", draft.body)


def test_next_step_is_stated() -> None:
    """A recorded next step appears in that person's note, spoken to them."""
    debrief = load_debrief(next(p for p in FIXTURES if "greenfield" in p.name))
    (rosa, *_) = OfflineDrafter().draft_loop(debrief)
    assert "you will share the board's fundraising goals for next year" in rosa.body


def test_third_person_entries_are_turned_to_the_reader() -> None:
    """'The dashboard he built' becomes 'the dashboard you built' in a note to him."""
    debrief = load_debrief(next(p for p in FIXTURES if "harborline" in p.name))
    tom = OfflineDrafter().draft_loop(debrief)[1]
    assert "the weekly dashboard you built in Power BI" in tom.body
    assert " he built" not in tom.body


def test_decision_date_is_written_out() -> None:
    """Without a next step, the expected decision date is given in words."""
    debrief = load_debrief(next(p for p in FIXTURES if "harborline" in p.name))
    tom = OfflineDrafter().draft_loop(debrief)[1]
    assert "March 20" in tom.body


@pytest.mark.parametrize("kind", ["check_in", "timeline", "rejection_reply"])
def test_special_notes(kind: str) -> None:
    """Check-in, timeline and rejection replies are drafted for every person, distinct."""
    debrief = load_debrief(next(p for p in FIXTURES if "northwind" in p.name))
    drafts = OfflineDrafter().draft_loop(debrief, kind)  # type: ignore[arg-type]
    assert len(drafts) == len(debrief.interviewers)
    for d in drafts:
        assert d.kind == kind
        assert not PLACEHOLDER.search(d.body)
    for a, b in combinations(drafts[:4], 2):
        assert not long_sentences(a.body) & long_sentences(b.body)


def test_timeline_note_gives_permission_to_say_no() -> None:
    """The timeline note names the deadline, asks to move forward and allows a no."""
    debrief = load_debrief(next(p for p in FIXTURES if "northwind" in p.name))
    note = OfflineDrafter().draft_one(debrief, 0, "timeline").body
    assert "June 18" in note
    assert re.search(r"\b(no|not possible|cannot|understand)\b", note)


def test_format_date_drops_the_year_within_the_same_year() -> None:
    """Dates read naturally: the year only when it differs from the interview's."""
    import datetime as dt

    assert format_date(dt.date(2027, 3, 20), dt.date(2027, 3, 9)) == "March 20"
    assert format_date(dt.date(2028, 1, 5), dt.date(2027, 12, 9)) == "January 5, 2028"


def test_fields_lose_emoji_and_exclamations_but_names_keep_their_stops() -> None:
    """A field's emoji and '!!!' never reach the note; 's.r.o.' keeps its dots, once."""
    debrief = parse_debrief(
        "candidate: {name: Léa Dubois}\n"
        "interview: {company: Ostrava Rail s.r.o., role: Engineer, date: 2027-10-08}\n"
        "interviewers: [{name: Jan Novak, topics: ['the new depot!!! \U0001f686']},"
        " {name: Eva Dvorak}, {name: Petr Svoboda}]\n"
    )
    drafts = OfflineDrafter().draft_loop(debrief)
    assert "\U0001f686" not in drafts[0].body
    assert "!" not in drafts[0].body
    assert "the new depot" in drafts[0].body
    assert any("Ostrava Rail s.r.o." in d.body for d in drafts)
    assert not any(".." in d.body for d in drafts)


def test_compound_given_names_become_you() -> None:
    """'María José will arrange...' reads 'you will arrange...' in her own note."""
    debrief = parse_debrief(
        "candidate: {name: Léa Dubois}\n"
        "interview: {company: Ostrava Rail, role: Engineer, date: 2027-10-08}\n"
        "interviewers:\n"
        "  - name: María José García\n"
        "    honorific: Ms.\n"
        "    next_steps: [María José will arrange a site visit]\n"
    )
    (draft,) = OfflineDrafter().draft_loop(debrief)
    assert "you will arrange a site visit" in draft.body
    assert "José will" not in draft.body
