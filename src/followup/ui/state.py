"""The debrief form's working state and its conversions (pure: no Streamlit here).

The form keeps raw field values (``FormState``): what the user typed, valid
or not, so nothing is lost on an error, a rerun or a reload. Widgets read and
write those values through session-state keys; ``read_form`` and
``write_form`` are the only two places that know the key names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict

from followup.debrief import (
    MAX_DEBRIEF_BYTES,
    MAX_INTERVIEWERS,
    Debrief,
    Honorific,
    Role,
    Stage,
    Tone,
    validate_debrief,
)
from followup.errors import InputError

__all__ = [
    "HONORIFICS",
    "LIST_FIELDS",
    "PEOPLE_KEY",
    "ROLES",
    "STAGES",
    "TONES",
    "FormState",
    "PersonForm",
    "add_person",
    "check_form",
    "debrief_to_form",
    "digest",
    "field_key",
    "fingerprint",
    "form_to_data",
    "person_key",
    "read_form",
    "remove_person",
    "restore_text",
    "restore_typed",
    "text_keys",
    "write_form",
]

TONES: tuple[str, ...] = get_args(Tone)
ROLES: tuple[str, ...] = get_args(Role)
# The empty string stands for "not given" in the selects that allow it.
STAGES: tuple[str, ...] = ("", *get_args(Stage))
HONORIFICS: tuple[str, ...] = ("", *get_args(Honorific))
LIST_FIELDS = ("topics", "positives", "objections", "key_issues", "next_steps")

PEOPLE_KEY = "form_people"  # list of slot numbers, one per person shown
_NEXT_SLOT_KEY = "form_next_slot"
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


class PersonForm(BaseModel):
    """One person's fields as typed; list fields hold one item per line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    title: str = ""
    email: str = ""
    honorific: str = ""
    role: str = "other"
    first_name_invited: bool = False
    tone: str = "formal"
    invited_to_call: bool = False
    topics: str = ""
    positives: str = ""
    objections: str = ""
    key_issues: str = ""
    next_steps: str = ""


class FormState(BaseModel):
    """The whole debrief form as typed, valid or not."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    candidate_name: str = ""
    candidate_email: str = ""
    candidate_phone: str = ""
    candidate_decision_deadline: dt.date | None = None
    company: str = ""
    role: str = ""
    date: dt.date | None = None
    stage: str = ""
    first_interviewed: bool = False
    decision_expected: dt.date | None = None
    overall: str = ""
    people: tuple[PersonForm, ...] = (PersonForm(),)


_TOP_FIELDS = tuple(name for name in FormState.model_fields if name != "people")
# The fields one types into (dates, selects and boxes are picked, not typed).
_TOP_TEXT = tuple(
    n for n in _TOP_FIELDS if FormState.model_fields[n].annotation is str and n != "stage"
)
_PERSON_TEXT = ("name", "title", "email", *LIST_FIELDS)
_TYPED_CHARS = 100_000  # far above any field's own limit: a longer value is not ours
_PERSON_FIELDS = tuple(PersonForm.model_fields)
_DATE_FIELDS = frozenset({"candidate_decision_deadline", "date", "decision_expected"})


def field_key(name: str) -> str:
    """Session-state key of a top-level form field."""
    return f"form_{name}"


def person_key(slot: int, name: str) -> str:
    """Session-state key of a person's field; slots stay stable when others are removed."""
    return f"form_p{slot}_{name}"


def read_form(state: Mapping[str, Any]) -> FormState:
    """The form's current values from session state (missing keys take defaults)."""
    top = {name: state[field_key(name)] for name in _TOP_FIELDS if field_key(name) in state}
    people = []
    for slot in state.get(PEOPLE_KEY, []):
        values = {
            name: state[person_key(slot, name)]
            for name in _PERSON_FIELDS
            if person_key(slot, name) in state
        }
        people.append(PersonForm.model_validate(_nulls_to_defaults(values, PersonForm)))
    return FormState.model_validate({**_nulls_to_defaults(top, FormState), "people": tuple(people)})


def _nulls_to_defaults(values: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Widgets report ``None`` for an untouched select; the model wants its default."""
    return {
        name: value
        for name, value in values.items()
        if value is not None or name in _DATE_FIELDS or name not in model.model_fields
    }


def write_form(state: MutableMapping[str, Any], form: FormState) -> None:
    """Put ``form`` into session state, replacing every person shown before."""
    for slot in state.get(PEOPLE_KEY, []):
        for name in _PERSON_FIELDS:
            state.pop(person_key(slot, name), None)
    for name in _TOP_FIELDS:
        state[field_key(name)] = getattr(form, name)
    state[PEOPLE_KEY] = []
    state[_NEXT_SLOT_KEY] = 0
    for person in form.people:
        _append(state, person)


def _append(state: MutableMapping[str, Any], person: PersonForm) -> None:
    slot = int(state.get(_NEXT_SLOT_KEY, 0))
    state[_NEXT_SLOT_KEY] = slot + 1
    for name in _PERSON_FIELDS:
        state[person_key(slot, name)] = getattr(person, name)
    state[PEOPLE_KEY] = [*state.get(PEOPLE_KEY, []), slot]


def add_person(state: MutableMapping[str, Any]) -> bool:
    """Add an empty person at the end; False when the limit is reached."""
    if len(state.get(PEOPLE_KEY, [])) >= MAX_INTERVIEWERS:
        return False
    _append(state, PersonForm())
    return True


def remove_person(state: MutableMapping[str, Any], slot: int) -> None:
    """Remove the person in ``slot``; the others keep what was typed."""
    state[PEOPLE_KEY] = [s for s in state.get(PEOPLE_KEY, []) if s != slot]
    for name in _PERSON_FIELDS:
        state.pop(person_key(slot, name), None)


def digest(text: str) -> str:
    """A short digest: text kept in the browser belongs to what the server saved."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprint(form: FormState) -> str:
    """The digest of ``form`` as committed."""
    return digest(form.model_dump_json())


def text_keys(state: Mapping[str, Any]) -> list[str]:
    """Session-state keys of every text field on the form now (what the browser may keep)."""
    keys = [field_key(name) for name in _TOP_TEXT]
    for slot in state.get(PEOPLE_KEY, []):
        keys.extend(person_key(slot, name) for name in _PERSON_TEXT)
    return keys


def restore_text(
    state: MutableMapping[str, Any], typed: object, allowed: Iterable[str]
) -> list[str]:
    """Put text the browser kept (typed, never sent) back into the fields ``allowed``.

    ``typed`` comes from the browser, so it is checked like any input: only the
    keys allowed, only strings of sane length. Returns the keys whose value changed.
    """
    if not isinstance(typed, Mapping):
        return []
    allowed = set(allowed)
    changed = []
    for key, value in typed.items():
        if key not in allowed or not isinstance(value, str) or len(value) > _TYPED_CHARS:
            continue
        if state.get(key) != value:
            state[key] = value
            changed.append(key)
    return changed


def restore_typed(state: MutableMapping[str, Any], typed: object) -> list[str]:
    """Put text typed into the form but never submitted back into the form's text fields."""
    return restore_text(state, typed, text_keys(state))


def _lines(text: str) -> list[str]:
    """One item per non-empty line, a leading bullet ("- ", "1. ") dropped."""
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


def _optional(text: str) -> str | None:
    return text.strip() or None


def form_to_data(form: FormState) -> dict[str, Any]:
    """The debrief's plain data (as in a YAML file) from the form; empty fields left out."""
    candidate: dict[str, Any] = {"name": form.candidate_name}
    for name, value in (
        ("email", _optional(form.candidate_email)),
        ("phone", _optional(form.candidate_phone)),
        ("decision_deadline", form.candidate_decision_deadline),
    ):
        if value is not None:
            candidate[name] = value
    interview: dict[str, Any] = {
        "company": form.company,
        "role": form.role,
        "date": form.date,
        "first_interviewed": form.first_interviewed,
    }
    for name, value in (
        ("stage", form.stage or None),
        ("decision_expected", form.decision_expected),
        ("overall", _optional(form.overall)),
    ):
        if value is not None:
            interview[name] = value
    people = []
    for person in form.people:
        entry: dict[str, Any] = {
            "name": person.name,
            "role": person.role,
            "first_name_invited": person.first_name_invited,
            "tone": person.tone,
            "invited_to_call": person.invited_to_call,
        }
        for name in ("title", "email"):
            value = _optional(getattr(person, name))
            if value is not None:
                entry[name] = value
        if person.honorific:
            entry["honorific"] = person.honorific
        for name in LIST_FIELDS:
            entry[name] = _lines(getattr(person, name))
        people.append(entry)
    return {"candidate": candidate, "interview": interview, "interviewers": people}


def debrief_to_form(debrief: Debrief) -> FormState:
    """The form filled from a debrief (loaded, uploaded or reopened)."""
    c, i = debrief.candidate, debrief.interview
    people = tuple(
        PersonForm(
            name=p.name,
            title=p.title or "",
            email=p.email or "",
            honorific=p.honorific or "",
            role=p.role,
            first_name_invited=p.first_name_invited,
            tone=p.tone,
            invited_to_call=p.invited_to_call,
            **{
                name: "\n".join(" ".join(item.split()) for item in getattr(p, name))
                for name in LIST_FIELDS
            },
        )
        for p in debrief.interviewers
    )
    return FormState(
        candidate_name=c.name,
        candidate_email=c.email or "",
        candidate_phone=c.phone or "",
        candidate_decision_deadline=c.decision_deadline,
        company=i.company,
        role=i.role,
        date=i.date,
        stage=i.stage or "",
        first_interviewed=i.first_interviewed,
        decision_expected=i.decision_expected,
        overall=i.overall or "",
        people=people,
    )


_PATH = re.compile(r"^(?P<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*)(?P<rest>.*)$", re.DOTALL)
_ITEM = re.compile(r"^(?P<field>.*)\[(?P<index>\d+)\]$")
# Form fields whose debrief path differs from "candidate.<x>" / "interview.<x>".
_TOP_PATHS = {
    "candidate.name": "candidate_name",
    "candidate.email": "candidate_email",
    "candidate.phone": "candidate_phone",
    "candidate.decision_deadline": "candidate_decision_deadline",
}


def _size(data: Mapping[str, Any]) -> int:
    return len(repr(data).encode("utf-8", "surrogatepass"))


def check_form(form: FormState) -> tuple[Debrief | None, dict[str, str]]:
    """The debrief if the form is valid, else its problems keyed by form field.

    Keys are ``"<top field>"`` (e.g. ``"company"``), ``"<person index>.<field>"``
    (e.g. ``"1.topics"``) or ``""`` for a problem of the whole form. Each
    message is one readable line without the field path.
    """
    if not form.people:
        return None, {"": "Add at least one person you met."}
    data = form_to_data(form)
    if _size(data) > MAX_DEBRIEF_BYTES:
        return None, {"": f"The debrief is longer than {MAX_DEBRIEF_BYTES:,} bytes, the limit."}
    try:
        return validate_debrief(data, source=""), {}
    except InputError as exc:
        errors = _place(exc.problems, data)
    if form.date is None:
        # A date widget left empty is "missing", not "badly formatted".
        errors["date"] = "Required: pick the day of the interview."
    return None, errors


def _place(problems: tuple[str, ...], data: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    people = data["interviewers"]
    for problem in problems:
        match = _PATH.match(problem)
        if match is None:
            errors.setdefault("", problem)
            continue
        path, rest = match["path"], match["rest"]
        person = re.match(r"^interviewers\[(\d+)\]", path)
        if person is not None and rest.startswith(" ("):
            name = people[int(person[1])].get("name", "")
            rest = rest.removeprefix(f" ({name})")
        message = rest.removeprefix(":").strip()
        item = _ITEM.match(path)
        if item is not None and person is not None and item["field"] != path[: person.end()]:
            path = item["field"]
            message = f"item {int(item['index']) + 1}: {message}"
        key = _form_field(path)
        if key:
            errors.setdefault(key, message[:1].upper() + message[1:])
        else:
            errors.setdefault("", problem)
    return errors


def _form_field(path: str) -> str:
    if path in _TOP_PATHS:
        return _TOP_PATHS[path]
    if path.startswith("interview."):
        return path.removeprefix("interview.")
    person = re.match(r"^interviewers\[(\d+)\]\.(\w+)$", path)
    if person is not None:
        return f"{person[1]}.{person[2]}"
    return ""
