"""Lint configuration: rules turned off or re-severitied, and extra accepted words.

Read from ``[tool.followup.lint]`` in ``pyproject.toml`` or ``[lint]`` (or
``[tool.followup.lint]``) in ``followup.toml``, searched from a directory
upwards; ``followup.toml`` wins when both sit in the same directory.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from followup.errors import ConfigError
from followup.lint.finding import Severity
from followup.lint.registry import rule_table

__all__ = ["LintConfig", "load_lint_config", "parse_lint_config"]

_SEVERITIES = ("error", "warning", "info")


class LintConfig(BaseModel):
    """Which rules run and how serious each is; keys are rule ids or categories."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = Field(default_factory=dict)
    words: frozenset[str] = frozenset()

    def is_enabled(self, rule: str, category: str) -> bool:
        return rule not in self.disabled and category not in self.disabled

    def severity_for(self, rule: str, category: str, found: Severity) -> Severity:
        return self.severities.get(rule) or self.severities.get(category) or found

    def merged(self, disable: Iterable[str] = ()) -> LintConfig:
        """This configuration with more rules (or categories) turned off."""
        extra = frozenset(disable)
        check_rule_names(extra, source="--disable")
        return self.model_copy(update={"disabled": self.disabled | extra})


def check_rule_names(names: Iterable[str], *, source: str) -> None:
    """Fail with the unknown names, so a typo never silently disables nothing."""
    table = rule_table()
    known = set(table) | {info.category for info in table.values()}
    unknown = sorted(n for n in names if n not in known)
    if unknown:
        raise ConfigError(
            f"{source}: unknown rule or category {', '.join(unknown)} "
            "(see `followup rules` for the list)"
        )


def _strings(value: object, key: str, source: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key} must be a list of strings")
    return frozenset(value)


def parse_lint_config(table: Mapping[str, Any], *, source: str = "lint config") -> LintConfig:
    """Validate one ``[tool.followup.lint]`` table."""
    allowed = {"disable", "severity", "words"}
    extra = sorted(set(table) - allowed)
    if extra:
        raise ConfigError(
            f"{source}: unknown key {', '.join(extra)} in the lint table "
            "(expected disable, severity, words)"
        )
    disabled = _strings(table.get("disable", []), "disable", source)
    check_rule_names(disabled, source=source)
    raw_sev = table.get("severity", {})
    if not isinstance(raw_sev, Mapping):
        raise ConfigError(f'{source}: severity must be a table such as {{"generic" = "info"}}')
    severities: dict[str, Severity] = {}
    for key, value in raw_sev.items():
        if value not in _SEVERITIES:
            raise ConfigError(f"{source}: severity.{key} must be one of error, warning, info")
        severities[str(key)] = value
    check_rule_names(severities, source=source)
    words = frozenset(w.lower() for w in _strings(table.get("words", []), "words", source))
    return LintConfig(disabled=disabled, severities=severities, words=words)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _lint_table(data: Mapping[str, Any], *, top_level: bool) -> Mapping[str, Any] | None:
    tool = data.get("tool", {})
    table = tool.get("followup", {}).get("lint") if isinstance(tool, Mapping) else None
    if table is None and top_level:
        table = data.get("lint")
    return table if isinstance(table, Mapping) else None


def load_lint_config(start: Path | None = None) -> LintConfig:
    """The nearest lint configuration at or above ``start`` (the working directory)."""
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name, top_level in (("followup.toml", True), ("pyproject.toml", False)):
            path = folder / name
            if not path.is_file():
                continue
            table = _lint_table(_read_toml(path), top_level=top_level)
            if table is not None:
                return parse_lint_config(table, source=str(path))
    return LintConfig()
