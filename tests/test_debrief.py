"""The debrief format: loading, saving, validation messages, limits, names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.debrief import (
    MAX_DEBRIEF_BYTES,
    MAX_FIELD_CHARS,
    MAX_INTERVIEWERS,
    Debrief,
    Interviewer,
    debrief_json_schema,
    dump_debrief,
    load_debrief,
    parse_debrief,
)
from followup.errors import InputError, LimitError

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "debriefs").glob("*.yaml"))

MINIMAL = """\
candidate: {name: Alex Kim}
interview: {company: Acme, role: Analyst, date: 2027-02-01}
interviewers:
  - name: Jo Park
"""


def problems(text: str) -> tuple[str, ...]:
    with pytest.raises(InputError) as info:
        parse_debrief(text, source="d.yaml")
    return info.value.problems


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_loads(path: Path) -> None:
    """Each shipped fixture is a valid debrief with at least one person."""
    debrief = load_debrief(path)
    assert debrief.interviewers


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_round_trip(path: Path, fmt: str) -> None:
    """Saving and loading again gives back an equal debrief, in YAML and JSON."""
    debrief = load_debrief(path)
    text = dump_debrief(debrief, fmt)  # type: ignore[arg-type]
    assert parse_debrief(text, fmt=fmt) == debrief


def test_lists_default_to_empty_and_tone_to_formal() -> None:
    """Omitted lists are empty; tone defaults to formal; first name is not presumed."""
    person = parse_debrief(MINIMAL).interviewers[0]
    assert person.topics == ()
    assert person.objections == ()
    assert person.next_steps == ()
    assert person.tone == "formal"
    assert person.first_name_invited is False


def test_models_are_frozen() -> None:
    """A loaded debrief cannot be changed in place."""
    debrief = parse_debrief(MINIMAL)
    with pytest.raises(ValueError, match="frozen"):
        debrief.candidate.name = "Someone Else"  # type: ignore[misc]


def test_unknown_field_names_its_path() -> None:
    """A misspelt field is an error that names where it is."""
    text = MINIMAL.replace("- name: Jo Park", "- name: Jo Park\n    topicz: [golf]")
    assert problems(text) == (
        "interviewers[0].topicz (Jo Park): unknown field "
        "(check the spelling; see `followup schema`)",
    )


def test_wrong_enum_lists_the_choices() -> None:
    """A wrong tone names the field and every allowed value."""
    text = MINIMAL.replace("- name: Jo Park", "- name: Jo Park\n    tone: chill")
    (line,) = problems(text)
    assert line.startswith("interviewers[0].tone (Jo Park): must be one of")
    assert "'friendly'" in line
    assert "'formal'" in line
    assert "'familylike'" in line


def test_one_line_per_problem() -> None:
    """Several problems give several lines, each with its own path, and no count noise."""
    text = """\
candidate: {email: a@b.c}
interview: {company: Acme, role: Analyst, date: someday}
interviewers:
  - {name: A, role: boss}
  - {name: B, honorific: Sir}
"""
    assert problems(text) == (
        "candidate.name: required field is missing",
        "interview.date: must be a date like 2027-03-09",
        "interviewers[0].role (A): must be one of 'decision_maker', 'hiring_manager', "
        "'influencer', 'peer', 'assistant' or 'other'",
        "interviewers[1].honorific (B): must be one of 'Mr.', 'Ms.', 'Mx.', 'Dr.', 'Prof.' or "
        "'none'",
    )


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("jo.park@acme.example", True),
        ("  jo+loops@mail.acme.co.uk ", True),
        ("Jo Park", False),
        ("555-0100", False),
        ("jo@acme", False),
        ("jo park@acme.com", False),
        ("Jo Park <jo@acme.com>", False),
        ("jo@acme.com, tom@acme.com", False),
    ],
)
def test_emails_must_look_like_addresses(email: str, ok: bool) -> None:
    """A name or phone typed in the e-mail box is refused in one line (the .eml needs it)."""
    text = MINIMAL.replace("- name: Jo Park", f"- name: Jo Park\n    email: '{email}'")
    if ok:
        assert parse_debrief(text).interviewers[0].email == email.strip()
    else:
        assert problems(text) == (
            "interviewers[0].email (Jo Park): must be an e-mail address like name@example.com",
        )


def test_empty_interviewer_list() -> None:
    """A loop with nobody in it is refused in words a user understands."""
    text = MINIMAL.split("interviewers:")[0] + "interviewers: []\n"
    assert problems(text) == ("interviewers: list at least one person you met",)


def test_malformed_yaml_gives_line_and_column() -> None:
    """Broken YAML reports where it broke."""
    (line,) = problems("candidate: {name: [unclosed\n")
    assert line.startswith("invalid YAML at line 2, column 1:")


def test_top_level_must_be_a_mapping() -> None:
    """A list or a scalar at the top is explained, not a traceback."""
    assert problems("- a\n- b\n") == (
        "expected a mapping with candidate, interview and interviewers at the top level",
    )


def test_non_utf8_bytes() -> None:
    """Bytes that are not UTF-8 name the offending byte and offset."""
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 0xff at offset 11\)"):
        parse_debrief(b"candidate: \xff\xfe", source="d.yaml")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    """A 5 MB file is refused with the limit named."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (5 * 1024 * 1024))
    with pytest.raises(LimitError, match=f"at most {MAX_DEBRIEF_BYTES:,} bytes"):
        load_debrief(big)


def test_field_over_length_limit() -> None:
    """One huge field is refused with its path and the limit."""
    text = MINIMAL.replace(
        "- name: Jo Park", f"- name: Jo Park\n    topics: [{'x' * (MAX_FIELD_CHARS + 1)}]"
    )
    assert problems(text) == (
        f"interviewers[0].topics[0] (Jo Park): too long: at most {MAX_FIELD_CHARS} characters "
        "(limit)",
    )


def test_too_many_interviewers() -> None:
    """More people than the limit is refused with the limit named."""
    people = "".join(f"  - name: Person {i}\n" for i in range(MAX_INTERVIEWERS + 1))
    text = MINIMAL.split("interviewers:")[0] + "interviewers:\n" + people
    assert problems(text) == (f"interviewers: too long: at most {MAX_INTERVIEWERS} items (limit)",)


def test_missing_and_directory_paths(tmp_path: Path) -> None:
    """A missing file and a directory give one line naming the path."""
    with pytest.raises(InputError, match=r"nope\.yaml: no such file"):
        load_debrief(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_debrief(tmp_path)


def test_numbers_become_text() -> None:
    """An unquoted phone number is kept as text rather than rejected."""
    text = MINIMAL.replace("{name: Alex Kim}", "{name: Alex Kim, phone: 5550100}")
    assert parse_debrief(text).candidate.phone == "5550100"


def test_json_is_read_strictly_when_named() -> None:
    """A .json debrief with a syntax error reports JSON's line and column."""
    with pytest.raises(InputError, match="invalid JSON at line 1, column 2"):
        parse_debrief("{,}", fmt="json")


def test_template_syntax_in_fields_is_plain_data() -> None:
    """Jinja-looking text in a field is stored exactly as typed."""
    text = MINIMAL.replace("- name: Jo Park", "- name: Jo Park\n    topics: ['{{ 7*7 }}']")
    assert parse_debrief(text).interviewers[0].topics == ("{{ 7*7 }}",)


@pytest.mark.parametrize(
    ("name", "honorific", "invited", "address"),
    [
        ("Priya Raman", "Ms.", True, "Priya"),
        ("Priya Raman", "Ms.", False, "Ms. Raman"),
        ("Priya Raman", None, False, "Priya Raman"),
        ("Priya Raman", "none", False, "Priya Raman"),
        ("Dr. Elena Vasquez", "Dr.", False, "Dr. Vasquez"),
        ("Dr. Elena Vasquez", None, False, "Elena Vasquez"),
        ("Dr. Elena Vasquez", "Dr.", True, "Elena"),
        ("Anna van der Berg", "Prof.", False, "Prof. van der Berg"),
        ("James Carter Jr.", "Mr.", False, "Mr. Carter"),
        ("Cher", "Ms.", False, "Ms. Cher"),
    ],
)
def test_address_follows_the_first_name_rule(
    name: str, honorific: str | None, invited: bool, address: str
) -> None:
    """First name only when invited; else honorific and family name; else the full name."""
    person = Interviewer(name=name, honorific=honorific, first_name_invited=invited)  # type: ignore[arg-type]
    assert person.address == address


def test_schema_publishes_required_fields_and_enums() -> None:
    """The JSON Schema names the required fields and the tone choices."""
    schema = debrief_json_schema()
    assert schema["title"] == "followup debrief"
    assert set(schema["required"]) == {"candidate", "interview", "interviewers"}
    person = schema["$defs"]["Interviewer"]
    assert person["required"] == ["name"]
    assert person["additionalProperties"] is False
    tone = person["properties"]["tone"]
    assert tone["enum"] == ["friendly", "formal", "familylike"]
    json.dumps(schema)  # serialisable as published


def test_schema_accepts_every_fixture_shape() -> None:
    """Every top-level key of every fixture is a property of the schema."""
    schema = debrief_json_schema()
    for path in FIXTURES:
        data = json.loads(dump_debrief(load_debrief(path), "json"))
        assert set(data) <= set(schema["properties"])
        assert isinstance(Debrief.model_validate(data), Debrief)
