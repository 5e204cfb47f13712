"""The form's working state: conversions between widgets, raw values and the debrief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from followup.debrief import MAX_FIELD_CHARS, MAX_INTERVIEWERS, load_debrief
from followup.ui.state import (
    PEOPLE_KEY,
    FormState,
    PersonForm,
    add_person,
    check_form,
    debrief_to_form,
    field_key,
    fingerprint,
    form_to_data,
    person_key,
    read_form,
    remove_person,
    restore_typed,
    text_keys,
    write_form,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "debriefs"


def _filled() -> FormState:
    return debrief_to_form(load_debrief(FIXTURES / "harborline.yaml"))


def test_debrief_round_trips_through_the_form() -> None:
    """A debrief put into the form and checked comes back equal."""
    debrief = load_debrief(FIXTURES / "harborline.yaml")
    checked, errors = check_form(debrief_to_form(debrief))
    assert errors == {}
    assert checked == debrief


def test_widget_state_round_trips() -> None:
    """What write_form puts into session state, read_form reads back unchanged."""
    state: dict[str, Any] = {}
    form = _filled()
    write_form(state, form)
    assert read_form(state) == form


def test_list_fields_take_one_item_per_line_and_drop_bullets() -> None:
    """Lines become items; blank lines and leading bullets are dropped."""
    form = FormState(people=(PersonForm(name="A B", topics="- first\n\n  2. second \n* third"),))
    data = form_to_data(form)
    assert data["interviewers"][0]["topics"] == ["first", "second", "third"]


def test_empty_optional_fields_are_left_out() -> None:
    """Blank optional text fields and unset selects do not reach the debrief."""
    data = form_to_data(FormState(people=(PersonForm(name="A"),)))
    assert "email" not in data["candidate"]
    assert "stage" not in data["interview"]
    assert "honorific" not in data["interviewers"][0]


def test_errors_are_keyed_by_form_field() -> None:
    """Each problem lands on the field it concerns, as one line without the path."""
    form = _filled().model_copy(update={"company": " "})
    people = list(form.people)
    people[1] = people[1].model_copy(update={"name": "", "topics": "ok\n" + "x" * 2001})
    form = form.model_copy(update={"people": tuple(people)})
    debrief, errors = check_form(form)
    assert debrief is None
    assert errors["company"] == "Must not be empty"
    assert errors["1.name"] == "Must not be empty"
    assert errors["1.topics"].startswith("Item 2: too long")
    assert all("\n" not in message for message in errors.values())


def test_missing_date_says_required() -> None:
    """An empty date widget is reported as required, not as a bad format."""
    _, errors = check_form(_filled().model_copy(update={"date": None}))
    assert errors["date"].startswith("Required")


def test_invalid_enum_from_a_hand_edited_state_is_reported() -> None:
    """A tone outside the enum is an error on that person's tone field."""
    form = FormState(
        candidate_name="C",
        company="Co",
        role="R",
        date=dt.date(2027, 3, 9),
        people=(PersonForm(name="A", tone="chummy"),),
    )
    _, errors = check_form(form)
    assert set(errors) == {"0.tone"}


def test_no_people_is_a_form_error() -> None:
    """A form with nobody in it asks for at least one person."""
    _, errors = check_form(_filled().model_copy(update={"people": ()}))
    assert "" in errors


def test_remove_keeps_the_other_people_typed() -> None:
    """Removing one person leaves the others' typed values in place."""
    state: dict[str, Any] = {}
    write_form(state, _filled())
    _, second, third = state[PEOPLE_KEY]
    state[person_key(third, "topics")] = "typed but not submitted"
    remove_person(state, second)
    form = read_form(state)
    assert [p.name for p in form.people] == ["Priya Raman", "Dana Whitfield"]
    assert form.people[1].topics == "typed but not submitted"
    assert person_key(second, "name") not in state


def test_add_person_appends_an_empty_one_up_to_the_limit() -> None:
    """Add gives a new empty person with a fresh slot, and refuses past the limit."""
    state: dict[str, Any] = {}
    write_form(state, FormState())
    assert add_person(state)
    assert read_form(state).people[-1] == PersonForm()
    while len(state[PEOPLE_KEY]) < MAX_INTERVIEWERS:
        add_person(state)
    assert not add_person(state)
    assert len(state[PEOPLE_KEY]) == MAX_INTERVIEWERS


def test_untouched_select_reads_as_default() -> None:
    """A select whose widget reports None reads as the field's default."""
    state: dict[str, Any] = {}
    write_form(state, FormState())
    state[field_key("stage")] = None
    state[person_key(state[PEOPLE_KEY][0], "tone")] = None
    form = read_form(state)
    assert form.stage == ""
    assert form.people[0].tone == "formal"


@pytest.mark.parametrize("size", [MAX_FIELD_CHARS, MAX_FIELD_CHARS + 1])
def test_field_limit_is_enforced(size: int) -> None:
    """A field at the limit passes; one character more is an error on that field."""
    form = _filled().model_copy(update={"overall": "y" * size})
    _, errors = check_form(form)
    assert ("overall" in errors) == (size > MAX_FIELD_CHARS)


def test_text_keys_are_the_typed_fields_of_the_people_shown() -> None:
    state: dict[str, Any] = {}
    write_form(state, FormState(people=(PersonForm(name="A"), PersonForm(name="B"))))
    remove_person(state, 0)
    keys = text_keys(state)
    assert field_key("company") in keys
    assert field_key("overall") in keys
    assert field_key("date") not in keys
    assert field_key("stage") not in keys
    assert person_key(1, "topics") in keys
    assert person_key(1, "name") in keys
    assert not any(k.startswith("form_p0_") for k in keys)
    assert person_key(1, "tone") not in keys


@pytest.mark.parametrize(
    ("typed", "changed"),
    [
        ({"form_company": "Acme", "form_p0_topics": "a\nb"}, ["form_company", "form_p0_topics"]),
        ({"form_company": ""}, []),  # the same as the form: nothing changes
        ({"form_date": "2027-01-01"}, []),  # picked, not typed: never taken from the browser
        ({"form_p9_name": "Ghost"}, []),  # a person no longer on the form
        ({"fu_drafts": "x"}, []),  # not a form field at all
        ({"form_company": 42}, []),
        ({"form_company": "x" * 100_001}, []),
        (["form_company"], []),
        (None, []),
    ],
)
def test_restore_typed_takes_only_text_fields_on_the_form(
    typed: object, changed: list[str]
) -> None:
    state: dict[str, Any] = {}
    write_form(state, FormState())
    before = dict(state)
    assert restore_typed(state, typed) == changed
    for key in changed:
        assert state[key] == typed[key]  # type: ignore[index]
    assert {k: v for k, v in state.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }


def test_fingerprint_changes_with_any_field() -> None:
    base = FormState(company="Acme")
    assert fingerprint(base) == fingerprint(FormState(company="Acme"))
    assert fingerprint(base) != fingerprint(FormState(company="Acme "))
    assert fingerprint(base) != fingerprint(
        base.model_copy(update={"people": (PersonForm(topics="x"),)})
    )
