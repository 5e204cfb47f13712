"""Rule metadata and word lists, read once from the data files shipped with the package."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from followup.lint.finding import RuleInfo
from followup.lint.phrases import Phrase, PhraseSet

__all__ = ["compile_patterns", "data", "rule_table", "rules"]


# The C loader reads the word lists ten times faster; `followup lint` must start quickly.
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _WordLoader(_BASE_LOADER):  # type: ignore[misc]
    """YAML 1.1 reads yes, no, on and off as booleans; in a word list they are words."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != _BOOL]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@cache
def data(name: str) -> Any:
    """The parsed ``data/<name>.yaml`` (word lists, phrase patterns)."""
    text = resources.files("followup.lint").joinpath("data", f"{name}.yaml").read_text("utf-8")
    return yaml.load(text, Loader=_WordLoader)  # noqa: S506 - a safe loader, C or Python


@cache
def rule_table() -> Mapping[str, RuleInfo]:
    return {entry["id"]: RuleInfo.model_validate(entry) for entry in data("rules")}


def rules() -> list[RuleInfo]:
    """Every rule with its category, default severity and rationale, in file order."""
    return list(rule_table().values())


@cache
def compile_patterns(name: str, key: str, multiline: bool = False) -> PhraseSet:
    """The patterns listed under ``key`` in ``data/<name>.yaml`` (plain strings or ``pattern:``).

    An entry's ``gate`` lists words one of which every match contains; the
    pattern is skipped for a note without any of them.
    """
    flags = re.MULTILINE if multiline else 0
    out = []
    for entry in data(name)[key]:
        if isinstance(entry, dict):
            gate = frozenset(str(w) for w in entry.get("gate", ()))
            out.append(
                Phrase(
                    str(entry["pattern"]),
                    flags,
                    entry.get("not_after"),
                    gate,
                    entry.get("not_in_sentence"),
                )
            )
        else:
            out.append(Phrase(str(entry), flags))
    return PhraseSet(out)
