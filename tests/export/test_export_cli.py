"""`followup draft --eml` writes one unsent e-mail draft per person."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from followup.cli import main

ROOT = Path(__file__).parent.parent.parent
HARBORLINE = ROOT / "fixtures" / "debriefs" / "harborline.yaml"


def test_draft_eml_writes_a_parsable_draft_per_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each person gets <name>.eml addressed from the debrief, with the candidate as sender."""
    assert main(["draft", str(HARBORLINE), "--eml", str(tmp_path / "eml"), "--json"]) == 0
    _, err = capsys.readouterr()
    assert "wrote 3 .eml draft(s)" in err
    names = sorted(p.name for p in (tmp_path / "eml").iterdir())
    assert names == ["dana-whitfield.eml", "priya-raman.eml", "tom-okafor.eml"]
    message = message_from_bytes(
        (tmp_path / "eml" / "priya-raman.eml").read_bytes(), policy=default
    )
    assert str(message["To"]) == "Priya Raman <priya.raman@harborline.example>"
    assert str(message["From"]) == "Morgan Hale <morgan@example.com>"
    assert message["X-Unsent"] == "1"
    assert "Dear Priya," in message.get_content()
