"""Inline highlights: escaped user text, marks coloured by severity."""

from __future__ import annotations

from dataclasses import dataclass

from followup.ui.highlight import SEVERITY_COLOURS, escape_markdown, highlight


@dataclass(frozen=True)
class _F:
    start: int
    end: int
    severity: str
    message: str


def test_script_in_a_note_is_shown_as_text() -> None:
    """A note containing <script> comes out escaped, never as a tag."""
    out = highlight("Dear Ann, <script>alert(1)</script>", [_F(10, 18, "error", "<b>x</b>")])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "<b>" not in out


def test_marks_wrap_exact_spans_with_severity_colour() -> None:
    """Each finding's span is wrapped in a mark of its severity's colour."""
    out = highlight("Hey Ann, thx", [_F(0, 3, "error", "casual"), _F(9, 12, "warning", "slang")])
    assert f"background:{SEVERITY_COLOURS['error']}" in out
    assert ">Hey</mark>" in out
    assert ">thx</mark>" in out
    assert out.count("<mark") == 2


def test_overlap_takes_the_most_severe_colour_and_all_messages() -> None:
    """Where findings overlap, the worse severity colours the piece; the tooltip lists both."""
    out = highlight("abcdef", [_F(0, 4, "info", "one"), _F(2, 6, "error", "two")])
    assert 'class="fu-error" title="one | two"' in out
    assert ">cd</mark>" in out


def test_out_of_range_spans_are_clipped() -> None:
    """Spans past the text's end are clipped; empty ones are skipped."""
    out = highlight("abc", [_F(1, 99, "warning", "w"), _F(2, 2, "error", "e")])
    assert ">bc</mark>" in out
    assert "fu-error" not in out


def test_markdown_controls_are_escaped() -> None:
    """Labels built from user text cannot inject Markdown or HTML."""
    assert escape_markdown("**x** [a](b) <i>") == r"\*\*x\*\* \[a\]\(b\) \<i\>"
