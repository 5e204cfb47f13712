"""Small pure pieces of the app: card status lines and the heat map's data."""

from __future__ import annotations

from followup.drafting.base import Draft
from followup.ui.cards import draft_status
from followup.ui.heatmap import heatmap_rows, heatmap_spec


def _draft(**kw: object) -> Draft:
    return Draft.model_validate({"interviewer": "Ann", "subject": "s", "body": "b", **kw})


def test_status_says_offline_or_model_and_repairs() -> None:
    """The status line names the backend, the model and the repair rounds."""
    assert draft_status(_draft()) == "Drafted offline."
    assert draft_status(_draft(backend="openai", model="m1")) == "Drafted by model m1."
    assert (
        draft_status(_draft(backend="openai", model="m1", repair_rounds=2))
        == "Drafted by model m1, 2 repair rounds."
    )


def test_status_of_a_fallback_says_the_model_failed() -> None:
    """A note the model failed on says so, whatever else it carries."""
    assert "model failed" in draft_status(_draft(fallback_reason="HTTP 503"))


def test_heatmap_rows_cover_every_pair_with_unique_names() -> None:
    """One row per ordered pair; two people with one name stay apart."""
    rows = heatmap_rows(["Ann", "Ann", "Bo"], [[1, 0.5, 0], [0.5, 1, 0.25], [0, 0.25, 1]])
    assert len(rows) == 9
    assert {r["from"] for r in rows} == {"Ann", "Ann (2)", "Bo"}
    assert {"from": "Ann", "to": "Ann (2)", "shared": 0.5} in rows


def test_heatmap_spec_keeps_order_and_greys_the_diagonal() -> None:
    """Both axes keep the loop's order; a note against itself is greyed and unlabelled."""
    spec = heatmap_spec(["A", "B", "C", "D"], [[1.0] * 4] * 4)
    assert spec["encoding"]["x"]["sort"] == ["A", "B", "C", "D"]
    assert spec["encoding"]["y"]["sort"] == ["A", "B", "C", "D"]
    rect, text = spec["layer"]
    assert "datum['from'] === datum['to']" in rect["encoding"]["color"]["condition"]["test"]
    assert text["transform"][0]["filter"].startswith("!(")
