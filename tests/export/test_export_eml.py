"""Notes as .eml drafts and a zip: headers, UTF-8 and the user's text kept as data."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest

from followup.debrief import Candidate
from followup.drafting.base import Draft
from followup.errors import InputError
from followup.export import note_to_eml, notes_zip

DATE = dt.datetime(2027, 3, 9, 18, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
ME = Candidate(name="Morgan Hale", email="morgan@example.com")
NOTE = Draft(
    interviewer="José Núñez",
    email="jose@example.com",
    subject="Merci — our talk about the Zürich office",
    body="Dear Mr. Núñez,\n\nThank you for the tour of the café “Ørsted”.\n\nBest regards,\nMorgan",
)


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_headers_and_utf8_body_round_trip() -> None:
    """To, From, Subject, Date and the body come back exactly, accents included."""
    message = parse(note_to_eml(NOTE, ME, date=DATE))
    assert message["To"].addresses[0].display_name == "José Núñez"
    assert message["To"].addresses[0].addr_spec == "jose@example.com"
    assert str(message["From"]) == "Morgan Hale <morgan@example.com>"
    assert str(message["Subject"]) == NOTE.subject
    assert message["Date"].datetime == DATE
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content() == NOTE.body + "\n"


def test_draft_markers_and_ascii_wire_format() -> None:
    """X-Unsent makes mail clients open it as a draft; the raw headers are 7-bit (RFC 2047)."""
    data = note_to_eml(NOTE, ME, date=DATE)
    assert parse(data)["X-Unsent"] == "1"
    head = data.split(b"\n\n", 1)[0]
    assert head.isascii()
    assert all(len(line) <= 78 for line in head.split(b"\n"))


def test_missing_addresses_keep_the_name_and_drop_from() -> None:
    """Without the person's address, To still names them; without the candidate's, no From."""
    note = NOTE.model_copy(update={"email": None})
    message = parse(note_to_eml(note, Candidate(name="Morgan Hale"), date=DATE))
    assert message["To"].groups[0].display_name == "José Núñez"
    assert message["To"].addresses == ()
    assert message["From"] is None


def test_line_breaks_in_headers_cannot_inject_fields() -> None:
    """A subject pasted with a line break stays one header; it cannot add a Bcc."""
    note = NOTE.model_copy(update={"subject": "Thanks\nBcc: evil@example.com"})
    message = parse(note_to_eml(note, ME, date=DATE))
    assert message["Bcc"] is None
    assert str(message["Subject"]) == "Thanks Bcc: evil@example.com"


def test_invalid_address_is_a_clear_error() -> None:
    """An address that is not one is reported with the person's name, not a traceback."""
    note = NOTE.model_copy(update={"email": "jose at example"})
    with pytest.raises(InputError, match="e-mail of José Núñez: 'jose at example'"):
        note_to_eml(note, ME, date=DATE)


def test_zip_holds_an_eml_and_a_txt_per_person_with_unique_names() -> None:
    """Namesakes get distinct files; each .eml parses and each .txt holds subject and body."""
    second = NOTE.model_copy(update={"email": "jose2@example.com", "body": "Another note."})
    archive = zipfile.ZipFile(io.BytesIO(notes_zip([NOTE, second], ME, date=DATE)))
    assert archive.namelist() == [
        "jose-nunez.eml",
        "jose-nunez.txt",
        "jose-nunez-2.eml",
        "jose-nunez-2.txt",
    ]
    assert parse(archive.read("jose-nunez-2.eml")).get_content() == "Another note.\n"
    text = archive.read("jose-nunez.txt").decode("utf-8")
    assert text == f"Subject: {NOTE.subject}\n\n{NOTE.body}"


def test_zip_is_reproducible() -> None:
    """The same notes at the same date give the same bytes (no timestamps leak in)."""
    assert notes_zip([NOTE], ME, date=DATE) == notes_zip([NOTE], ME, date=DATE)
