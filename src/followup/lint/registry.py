"""Rule metadata and word lists, read once from the data files shipped with the package."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from followup.lint.finding import RuleInfo

__all__ = ["compile_patterns", "data", "rule_table", "rules"]


@cache
def data(name: str) -> Any:
    """The parsed ``data/<name>.yaml`` (word lists, phrase patterns)."""
    text = resources.files("followup.lint").joinpath("data", f"{name}.yaml").read_text("utf-8")
    # The C loader reads the word lists ten times faster; `followup lint` must start quickly.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python


@cache
def rule_table() -> Mapping[str, RuleInfo]:
    return {entry["id"]: RuleInfo.model_validate(entry) for entry in data("rules")}


def rules() -> list[RuleInfo]:
    """Every rule with its category, default severity and rationale, in file order."""
    return list(rule_table().values())


@cache
def compile_patterns(name: str, key: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions listed under ``key`` in ``data/<name>.yaml`` (case-insensitive)."""
    return tuple(re.compile(p, re.IGNORECASE) for p in data(name)[key])
