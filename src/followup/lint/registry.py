"""Rule metadata and word lists, read once from the data files shipped with the package."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from followup.lint.finding import RuleInfo

__all__ = ["Phrase", "compile_patterns", "data", "lowered", "rule_table", "rules"]


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


class Phrase:
    """A data pattern, matched against lower-cased text for speed.

    Data patterns are written in lower case and read as case-insensitive.
    Python's ``re`` finds a literal start fast but not one behind a leading
    ``\\b`` or under IGNORECASE, so the pattern is compiled without both and
    the word boundary is checked on each match instead (~10x faster).
    ``not_after`` rejects a match preceded by it ("rarely a" quick fix);
    ``not_in_sentence`` rejects a match whose sentence holds it anywhere ("once
    an offer is made, I will sign the contract"), checked only on a match;
    ``gate`` skips the search when none of its words occur in the text.
    """

    __slots__ = (
        "_boundary",
        "_compiled",
        "_flags",
        "_not_after",
        "_not_in_sentence",
        "_source",
        "anchored",
        "gate",
    )

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        not_after: str | None = None,
        gate: frozenset[str] = frozenset(),
        not_in_sentence: str | None = None,
    ) -> None:
        # "^" anchors a pattern at the start of the text it is given (a sentence).
        self.anchored = pattern.startswith("^")
        self._boundary = pattern.startswith("\\b")
        # Compiled at its first search: a note runs only the patterns its words can open,
        # and `followup lint` on one note should not compile the hundreds it never runs.
        self._source = pattern[2:] if self._boundary else pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._not_after = re.compile(f"(?:{not_after})\\s*$") if not_after else None
        self._not_in_sentence = re.compile(not_in_sentence) if not_in_sentence else None
        self.gate = gate or _first_words(pattern)

    @property
    def _regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def finditer(
        self, lowered: str, pos: int = 0, tokens: frozenset[str] | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches in ``lowered`` (see ``lowered()``), from ``pos``.

        With the text's ``tokens``, a pattern whose every match must start with
        one of its gate words is skipped when none of them occurs.
        """
        if tokens is not None and self.gate and self.gate.isdisjoint(tokens):
            return
        for m in self._regex.finditer(lowered, pos):
            start = m.start()
            if self._boundary and start > 0 and _is_word(lowered[start - 1]):
                continue
            if self._not_after and self._not_after.search(lowered, max(0, start - 24), start):
                continue
            if self._not_in_sentence and self._not_in_sentence.search(
                lowered, _sentence_start(lowered, start), _sentence_end(lowered, m.end())
            ):
                continue
            yield m

    def search(
        self, lowered: str, pos: int = 0, tokens: frozenset[str] | None = None
    ) -> re.Match[str] | None:
        return next(self.finditer(lowered, pos, tokens), None)


_OPENING = re.compile(r"(?:\\b)?\(\?:([^()]*)\)")
_PLAIN_WORD = re.compile(r"([a-z]{2,})(?=\\[sb]|$)")


def _first_words(pattern: str) -> frozenset[str]:
    """The words a match must start with, when the pattern opens with plain alternatives.

    ``\\b(?:why|how\\s+come)\\s+...`` gives {why, how}; anything less plain
    (an optional letter, a nested group) gives no gate, so nothing is skipped.
    """
    branches = _top_level_branches(pattern)
    if len(branches) > 1:
        # "a...|b...": a match starts with a word of either branch; any branch without
        # plain first words means no gate at all.
        words: set[str] = set()
        for branch in branches:
            first = _first_words(branch)
            if not first:
                return frozenset()
            words |= first
        return frozenset(words)
    m = _OPENING.match(pattern)
    if m is not None and pattern[m.end() : m.end() + 1] in ("?", "*", "{"):
        return frozenset()  # an optional opening group: a match need not start with it
    if m is None:
        plain = _PLAIN_WORD.match(pattern[2:] if pattern.startswith("\\b") else pattern)
        return frozenset({plain.group(1)}) if plain else frozenset()
    words = set()
    for alternative in m.group(1).split("|"):
        plain = _PLAIN_WORD.match(alternative)
        if plain is None:
            return frozenset()
        words.add(plain.group(1))
    return frozenset(words)


_STOPS = ".!?\n"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(stop, 0, pos) for stop in _STOPS) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(stop, pos) for stop in _STOPS) if i >= 0]
    return min(ends, default=len(text))


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` split at the ``|`` that are outside every group and class."""
    branches, depth, escaped, start = [], 0, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (a few letters lengthen when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@cache
def compile_patterns(name: str, key: str, multiline: bool = False) -> tuple[Phrase, ...]:
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
    return tuple(out)
