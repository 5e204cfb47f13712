"""Finding spans and order, the rule catalogue, and lint configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from followup.errors import ConfigError
from followup.lint import Finding, LintConfig, lint_note, load_lint_config, rules
from followup.lint.finding import position


def test_position_counts_code_points_across_emoji_and_combining_marks() -> None:
    """Line and column count Python string positions, emoji and combining marks included."""
    text = "Dear Zoë,\n\ne\u0301 😊 thx"
    offset = text.index("thx")
    assert position(text, offset) == (3, offset - text.index("e\u0301") + 1)
    assert position(text, 0) == (1, 1)


def test_findings_are_sorted_and_spans_are_exact() -> None:
    """Findings come sorted by position, and each span covers the flagged text."""
    text = "Hey Tom,\n\nthx for the the interview 😊!! I really need this job.\n"
    found = lint_note(text)
    keys = [(f.start, f.end, f.rule) for f in found]
    assert keys == sorted(keys)
    spans = {f.rule: text[f.start : f.end] for f in found}
    assert spans["formality.casual-greeting"] == "Hey"
    assert spans["formality.slang"] == "thx"
    assert spans["formality.emoji"] == "😊"
    assert spans["spelling.repeated-word"].lower() == "the the"
    assert "need this job" in spans["pushy.pressure"]
    for f in found:
        assert (f.line, f.column) == position(text, f.start)


def test_finding_is_frozen() -> None:
    """A finding cannot be changed after it is made."""
    f = lint_note("Hey Tom,\n")[0]
    assert isinstance(f, Finding)
    with pytest.raises(ValidationError):
        f.rule = "other"  # type: ignore[misc]


def test_rule_catalogue_is_complete() -> None:
    """Every rule has a dotted id in its category, a severity and a rationale paragraph."""
    infos = rules()
    assert len({r.id for r in infos}) == len(infos)
    for info in infos:
        assert info.id.split(".")[0] == info.category
        assert info.severity in ("error", "warning", "info")
        assert len(info.rationale.split()) >= 15
    ps = next(r for r in infos if r.id == "problem_solving.prescription")
    assert "disable" in ps.rationale  # says how to turn it off


def test_disabled_rules_and_categories_are_silent() -> None:
    """A rule id or a whole category in ``disabled`` produces no findings of it."""
    text = "Hey Tom,\n\nthx for the the interview.\n"
    by_rule = LintConfig(disabled=frozenset({"formality.slang"}))
    assert not any(f.rule == "formality.slang" for f in lint_note(text, config=by_rule))
    assert any(f.rule == "formality.casual-greeting" for f in lint_note(text, config=by_rule))
    by_category = LintConfig(disabled=frozenset({"formality"}))
    assert not any(f.category == "formality" for f in lint_note(text, config=by_category))


def test_severity_overrides_apply_by_rule_then_category() -> None:
    """``severities`` re-grades findings; a rule id wins over its category."""
    text = "Hey Tom,\n\nthx for the interview.\n"
    cfg = LintConfig(severities={"formality": "info", "formality.slang": "error"})
    grades = {f.rule: f.severity for f in lint_note(text, config=cfg)}
    assert grades["formality.slang"] == "error"
    assert grades["formality.casual-greeting"] == "info"


def test_config_from_pyproject(tmp_path: Path) -> None:
    """[tool.followup.lint] in pyproject.toml is found from a sub-directory."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.followup.lint]\ndisable = ["generic"]\n'
        'severity = { "structure.no-next-step" = "info" }\nwords = ["Zentrix"]\n',
        encoding="utf-8",
    )
    sub = tmp_path / "notes"
    sub.mkdir()
    cfg = load_lint_config(sub)
    assert cfg.disabled == frozenset({"generic"})
    assert cfg.severities == {"structure.no-next-step": "info"}
    assert cfg.words == frozenset({"zentrix"})


def test_followup_toml_wins_over_pyproject(tmp_path: Path) -> None:
    """followup.toml ([lint]) is preferred to pyproject.toml in the same folder."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.followup.lint]\ndisable = ["generic"]\n', encoding="utf-8"
    )
    (tmp_path / "followup.toml").write_text('[lint]\ndisable = ["spelling"]\n', encoding="utf-8")
    assert load_lint_config(tmp_path).disabled == frozenset({"spelling"})


def test_no_config_means_defaults(tmp_path: Path) -> None:
    """Without any configuration file every rule runs at its default severity."""
    assert load_lint_config(tmp_path) == LintConfig()


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('[lint]\ndisable = ["no-such-rule"]\n', "no-such-rule"),
        ('[lint]\nseverity = { "generic" = "fatal" }\n', "severity.generic"),
        ("[lint]\ndisable = 3\n", "disable must be a list"),
        ("[lint]\ncolour = 1\n", "unknown key colour"),
        ("[lint\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path: Path, toml: str, needle: str) -> None:
    """A wrong configuration raises ConfigError naming the file and the problem."""
    (tmp_path / "followup.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_lint_config(tmp_path)
    message = str(err.value)
    assert needle in message
    assert "followup.toml" in message
    assert "\n" not in message


def test_configured_words_are_accepted_by_spelling() -> None:
    """Words listed in the configuration are never spelling mistakes."""
    text = "Dear Mr. Okafor,\n\nI enjoyed the definately demo and the tour.\n"
    assert any(f.rule == "spelling.misspelled" for f in lint_note(text))
    cfg = LintConfig(words=frozenset({"definately"}))
    assert not any(f.rule == "spelling.misspelled" for f in lint_note(text, config=cfg))


def test_merged_rejects_unknown_rules() -> None:
    """--disable with a misspelled rule name fails instead of silently disabling nothing."""
    with pytest.raises(ConfigError):
        LintConfig().merged(["formalty"])


def _labelled_texts() -> list[str]:
    notes = Path(__file__).resolve().parents[2] / "fixtures" / "notes"
    return [e["text"] for e in yaml.safe_load((notes / "labelled.yaml").read_text("utf-8"))]


def test_fixes_cover_their_finding_and_only_rules_that_replace_have_them() -> None:
    """A fix is the suggestion as an edit: it covers the finding's span; advice has none."""
    table = {r.id: r for r in rules()}
    seen: dict[str, int] = {"fix": 0, "advice": 0}
    for text in _labelled_texts():
        for f in lint_note(text):
            if f.fix is None:
                seen["advice"] += f.suggestion is not None
                continue
            seen["fix"] += 1
            assert f.suggestion == f.fix.text
            assert table[f.rule].replaces is not None
            assert f.fix.start <= f.start <= f.end <= f.fix.end <= len(text)
            if table[f.rule].replaces == "sentence":
                assert not text[f.fix.start - 1 : f.fix.start].isalnum()  # a whole sentence
            if table[f.rule].replaces == "line":
                assert "\n" not in text[f.fix.start : f.fix.end]
    assert seen["fix"] > 50
    assert seen["advice"] > 5
