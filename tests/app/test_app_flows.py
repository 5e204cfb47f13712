"""Every flow of the app, headless through streamlit.testing's AppTest."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from followup.debrief import MAX_DEBRIEF_BYTES, MAX_FIELD_CHARS
from followup.ui.recovery import WORKING_FILE

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "debriefs"
HARBORLINE = (FIXTURES / "harborline.yaml").read_text(encoding="utf-8")


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def _bodies(at: AppTest) -> list[str]:
    return [t.value for t in at.text_area if t.key and t.key.endswith("_body")]


def _body_key(at: AppTest, index: int) -> str:
    return next(t.key for t in at.text_area if t.key and t.key.endswith(f"_{index}_body"))


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def _field_errors(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.html if "fu-field-error" in h.proto.body]


def _unescape(markdown: str) -> str:
    """The text a Markdown-escaped message shows."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="load_paste").input(text)
    at.button(key="load_paste_button").click()
    return at.run()


def _fill_minimal(at: AppTest) -> None:
    at.text_input(key="form_company").input("Harborline Logistics")
    at.text_input(key="form_role").input("Operations Analyst")
    at.date_input(key="form_date").set_value(dt.date(2027, 3, 9))
    at.text_input(key="form_candidate_name").input("Morgan Hale")


def test_page_loads_with_an_empty_form(app: AppTest) -> None:
    """A first visit shows the form with one empty person and no notes."""
    assert app.text_input(key="form_company").value == ""
    assert app.text_input(key="form_p0_name").value == ""
    assert _bodies(app) == []
    assert app.button(key="form_submit").label == "Save and draft the notes"


def test_form_typed_from_scratch_drafts_one_note_per_person(app: AppTest) -> None:
    """Filling the form by hand for two people and submitting gives two distinct notes."""
    _fill_minimal(app)
    app.text_input(key="form_p0_name").input("Priya Raman")
    app.text_area(key="form_p0_topics").input("- the Newark warehouse move\ncycling")
    app.button(key="form_add_person").click()
    _ok(app.run())
    app.text_input(key="form_p1_name").input("Tom Okafor")
    app.selectbox(key="form_p1_tone").set_value("friendly")
    app.text_area(key="form_p1_topics").input("the Power BI dashboard")
    app.button(key="form_submit").click()
    _ok(app.run())
    bodies = _bodies(app)
    assert len(bodies) == 2
    assert bodies[0] != bodies[1]
    assert "Newark warehouse" in bodies[0]
    assert "Power BI" in bodies[1]
    assert _field_errors(app) == []


def test_broken_fields_are_marked_and_nothing_typed_is_lost(app: AppTest) -> None:
    """A submit with missing fields shows one line next to each, keeps every value, drafts none."""
    app.text_input(key="form_company").input("Harborline Logistics")
    app.text_area(key="form_p0_topics").input("the Newark warehouse move")
    app.button(key="form_submit").click()
    _ok(app.run())
    errors = _field_errors(app)
    assert len(errors) == 4  # role, date, your name, the person's name
    assert any("Required" in e for e in errors)
    assert all(e.count("\n") == 0 for e in errors)
    assert "4 fields need attention" in app.error[0].value
    assert app.text_input(key="form_company").value == "Harborline Logistics"
    assert app.text_area(key="form_p0_topics").value == "the Newark warehouse move"
    assert _bodies(app) == []
    # Fixing them drafts.
    _fill_minimal(app)
    app.text_input(key="form_p0_name").input("Priya Raman")
    app.button(key="form_submit").click()
    _ok(app.run())
    assert _field_errors(app) == []
    assert len(_bodies(app)) == 1


def test_removing_a_person_keeps_the_others(app: AppTest) -> None:
    """Remove drops that person only; what was typed for the others stays."""
    _ok(_paste(app, HARBORLINE))
    app.text_area(key="form_p2_topics").input("typed, not yet submitted")
    app.button(key="form_remove_1").click()
    _ok(app.run())
    assert app.text_input(key="form_p0_name").value == "Priya Raman"
    assert app.text_input(key="form_p2_name").value == "Dana Whitfield"
    assert app.text_area(key="form_p2_topics").value == "typed, not yet submitted"
    assert not [w for w in app.text_input if w.key == "form_p1_name"]


def test_pasted_yaml_fills_the_form_and_drafts(app: AppTest) -> None:
    """Pasting a debrief fills every field and shows a note per person with their findings."""
    _ok(_paste(app, HARBORLINE))
    assert app.text_input(key="form_company").value == "Harborline Logistics"
    assert app.selectbox(key="form_p2_role").value == "assistant"
    assert app.date_input(key="form_decision_expected").value == dt.date(2027, 3, 20)
    bodies = _bodies(app)
    assert len(bodies) == 3
    assert len(set(bodies)) == 3
    assert "fu-summary" in _html(app)
    assert app.download_button(key="download_yaml").proto.label == "Download as YAML"


def test_uploaded_yaml_drafts(app: AppTest) -> None:
    """An uploaded debrief file fills the form and drafts its notes."""
    app.file_uploader(key="load_upload").upload("loop.yaml", HARBORLINE.encode(), "text/yaml")
    _ok(app.run())
    assert app.text_input(key="form_p1_name").value == "Tom Okafor"
    assert len(_bodies(app)) == 3


def test_bad_yaml_is_one_line_per_problem(app: AppTest) -> None:
    """Invalid YAML is refused with one readable line; the form is untouched."""
    app.text_input(key="form_company").input("Kept Co")
    app.button(key="form_add_person").click()  # commits the form's values
    _ok(app.run())
    _ok(_paste(app, "candidate: [unclosed"))
    messages = [_unescape(e.value) for e in app.error]
    assert len(messages) == 1
    assert "invalid YAML at line 1" in messages[0]
    assert app.text_input(key="form_company").value == "Kept Co"


def test_a_pasted_book_is_refused_in_one_line(app: AppTest) -> None:
    """Text over the debrief size limit is refused with one line, without parsing it."""
    # The text area stops the browser at one character past the limit; the server refuses it.
    _ok(_paste(app, "overall: " + "w" * (MAX_DEBRIEF_BYTES - 8)))
    messages = [_unescape(e.value) for e in app.error]
    assert messages == [
        f"pasted YAML: text is longer than {MAX_DEBRIEF_BYTES:,} bytes, the limit for a debrief"
    ]


def test_a_field_over_its_limit_is_refused_in_one_line(app: AppTest) -> None:
    """A debrief with a field past its limit is refused with one line naming the field."""
    too_long = HARBORLINE.replace(
        "overall: Good energy", "overall: " + "y" * (MAX_FIELD_CHARS + 1) + " Good energy"
    )
    _ok(_paste(app, too_long))
    messages = [_unescape(e.value) for e in app.error]
    assert len(messages) == 1
    assert "interview.overall: too long" in messages[0]
    assert _bodies(app) == []


def test_an_edit_is_relinted_and_a_suggestion_applies(app: AppTest) -> None:
    """An edit adding "Hey" and "thx" is marked at once; applying a suggestion rewrites the span."""
    _ok(_paste(app, HARBORLINE))
    key = _body_key(app, 0)
    body = app.text_area(key=key).value.split("\n", 1)[1]
    app.text_area(key=key).input("Hey Priya,\n\nthx for the talk." + body)
    _ok(app.run())
    page = _html(app)
    assert 'class="fu-error"' in page
    assert ">Hey</mark>" in page
    assert ">thx</mark>" in page
    slang = next(
        b for b in app.button if b.key and b.key.startswith("apply_") and "thank you" in b.label
    )
    slang.click()
    _ok(app.run())
    edited = app.text_area(key=_body_key(app, 0)).value
    assert edited.startswith("Hey Priya,\n\nthank you for the talk.")
    assert ">thx</mark>" not in _html(app)


def test_script_in_a_note_is_shown_as_text(app: AppTest) -> None:
    """A note containing <script> is escaped wherever it is shown as HTML."""
    _ok(_paste(app, HARBORLINE))
    key = _body_key(app, 1)
    app.text_area(key=key).input("Dear Mr. Okafor,\n\n<script>alert('x')</script>\n")
    _ok(app.run())
    page = _html(app)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_regenerate_replaces_an_edited_note(app: AppTest) -> None:
    """Regenerate drafts the note again, replacing the edit, and keeps the other notes."""
    _ok(_paste(app, HARBORLINE))
    drafted = _bodies(app)
    app.text_area(key=_body_key(app, 0)).input("my own words")
    app.text_area(key=_body_key(app, 2)).input("kept edit")
    _ok(app.run())
    regen = next(b for b in app.button if b.key and b.key.startswith("regen_") and "_0" in b.key)
    regen.click()
    _ok(app.run())
    bodies = _bodies(app)
    assert bodies[0] == drafted[0]
    assert bodies[2] == "kept edit"


def test_each_card_offers_eml_and_copy(app: AppTest) -> None:
    """Every note has an .eml download and its text to copy; the loop has a zip and Markdown."""
    _ok(_paste(app, HARBORLINE))
    emls = [b for b in app.download_button if b.key.startswith("eml_")]
    assert [b.proto.label for b in emls] == ["Download .eml"] * 3
    assert all(b.proto.deferred_file_id for b in emls)  # built only when clicked
    assert sum(c.value.startswith("Subject: ") for c in app.code) == 3
    keys = {b.key for b in app.download_button}
    assert {"zip_cards", "md_cards", "download_yaml"} <= keys


def test_status_line_says_how_each_note_was_drafted(app: AppTest) -> None:
    """Each card says it was drafted offline."""
    _ok(_paste(app, HARBORLINE))
    assert _html(app).count("Drafted offline.") == 3


def test_reload_in_the_middle_loses_nothing(new_session: Callable[[], AppTest]) -> None:
    """A new session restores the last attempt (even invalid) and the edited notes."""
    first = new_session()
    _ok(_paste(first, HARBORLINE))
    first.text_area(key=_body_key(first, 1)).input("my edited note")
    _ok(first.run())
    first.text_input(key="form_company").input("")
    first.text_area(key="form_p0_topics").input("half-typed topic")
    first.button(key="form_submit").click()
    _ok(first.run())
    assert _field_errors(first)

    second = new_session()
    assert second.text_input(key="form_company").value == ""
    assert second.text_area(key="form_p0_topics").value == "half-typed topic"
    assert _bodies(second)[1] == "my edited note"
    assert any("Restored your work" in i.value for i in second.info)


def test_damaged_working_file_starts_clean(
    new_session: Callable[[], AppTest], followup_home: Path
) -> None:
    """A damaged working.json never stops the app: it opens with an empty form."""
    (followup_home / WORKING_FILE).write_text("{not json", encoding="utf-8")
    at = new_session()
    assert at.text_input(key="form_company").value == ""


def test_history_reopens_a_saved_debrief_and_notes(new_session: Callable[[], AppTest]) -> None:
    """Every submit is saved; another session lists it in the sidebar and reopens it."""
    first = new_session()
    _ok(_paste(first, HARBORLINE))
    first.button(key="form_submit").click()
    _ok(first.run())
    first.button(key="new_debrief").click()
    _ok(first.run())
    assert _bodies(first) == []

    second = new_session()
    loops = second.sidebar.selectbox(key="hist_loop")
    assert "Harborline Logistics" in loops.format_func(loops.value)
    notes = second.sidebar.selectbox(key=f"hist_nv_{loops.value.loop_id}")
    assert notes.options[0].startswith("notes v2")
    second.sidebar.button(key="hist_reopen").click()
    _ok(second.run())
    assert second.text_input(key="form_company").value == "Harborline Logistics"
    assert len(_bodies(second)) == 3


def test_tone_tab_lints_a_pasted_note(app: AppTest) -> None:
    """The tone check marks casual words in any pasted note against the chosen tone."""
    app.session_state["fu_tab"] = "Tone check"
    _ok(app.run())
    app.text_area(key="tone_note").input("Hey Tom, thx for the chat!! gonna send stuff soon")
    app.selectbox(key="tone_expected").set_value("formal")
    app.button(key="tone_run").click()
    _ok(app.run())
    page = _html(app)
    assert "fu-finding" in page
    assert "<mark" in page


def test_objection_tab_gives_three_linted_alternatives(app: AppTest) -> None:
    """A line and a doubt in, three alternatives out, each with its findings."""
    app.session_state["fu_tab"] = "Objection rewrite"
    _ok(app.run())
    app.text_area(key="obj_line").input("I know I never worked in a warehouse, but I learn fast.")
    app.text_input(key="obj_doubt").input("never worked inside a warehouse")
    app.button(key="obj_run").click()
    _ok(app.run())
    assert _html(app).count("<strong>Alternative ") == 3
    assert len(app.code) == 3


def test_plan_tab_shows_the_plan_and_its_calendar(app: AppTest) -> None:
    """After drafting, the plan tab lists the steps and offers the .ics and the exports."""
    _ok(_paste(app, HARBORLINE))
    app.session_state["fu_tab"] = "Plan and export"
    _ok(app.run())
    keys = {b.key for b in app.download_button}
    assert {"plan_ics", "zip_plan", "md_plan"} <= keys
    assert len(app.dataframe) == 1
    steps = app.dataframe[0].value
    assert {"Priya Raman", "Tom Okafor", "Dana Whitfield"} <= set(steps["to"])
    next_step = next(h.proto.body for h in app.html if "fu-next" in h.proto.body)
    assert "thank-you note to " in next_step


def test_heat_map_is_drawn_for_a_loop(app: AppTest) -> None:
    """A loop of several notes shows the shared-content heat map."""
    _ok(_paste(app, HARBORLINE))
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert spec["layer"][0]["mark"] == "rect"
    assert all(name in str(charts[0].proto) for name in ("Priya Raman", "Dana Whitfield"))


def test_text_in_a_tab_survives_switching_tabs(app: AppTest) -> None:
    """A note typed in the tone check is still there after visiting another tab."""
    app.session_state["fu_tab"] = "Tone check"
    _ok(app.run())
    app.text_area(key="tone_note").input("Dear Ms. Park, thank you.")
    _ok(app.run())
    app.session_state["fu_tab"] = "Plan and export"
    _ok(app.run())
    app.session_state["fu_tab"] = "Tone check"
    _ok(app.run())
    assert app.text_area(key="tone_note").value == "Dear Ms. Park, thank you."


def test_people_fold_away_once_drafted_except_new_or_broken(app: AppTest) -> None:
    """With notes shown, people's sections are closed; one just added or with a problem is open."""
    _ok(_paste(app, HARBORLINE))
    people = [e for e in app.expander if e.label[:1].isdigit()]
    assert [e.proto.expanded for e in people] == [False, False, False]
    app.button(key="form_add_person").click()
    _ok(app.run())
    people = [e for e in app.expander if e.label[:1].isdigit()]
    assert [e.proto.expanded for e in people] == [False, False, False, True]
    app.button(key="form_submit").click()  # the new person has no name yet
    _ok(app.run())
    assert [e.proto.expanded for e in app.expander if e.label[:1].isdigit()][-1] is True


def test_edited_notes_are_kept_when_the_loop_is_drafted_again(
    new_session: Callable[[], AppTest],
) -> None:
    """Re-drafting after editing stores the edited notes as a version of their own first."""
    first = new_session()
    _ok(_paste(first, HARBORLINE))
    first.text_area(key=_body_key(first, 0)).input("Dear Ms. Raman,\n\nmy careful edit")
    _ok(first.run())
    first.button(key="form_submit").click()
    _ok(first.run())
    assert any("saved as notes v2" in _unescape(i.value) for i in first.info)
    assert _bodies(first)[0] != "Dear Ms. Raman,\n\nmy careful edit"

    second = new_session()
    loop = second.sidebar.selectbox(key="hist_loop").value
    second.sidebar.selectbox(key=f"hist_nv_{loop.loop_id}").set_value(2)
    _ok(second.run())
    second.sidebar.button(key="hist_reopen").click()
    _ok(second.run())
    assert _bodies(second)[0] == "Dear Ms. Raman,\n\nmy careful edit"
