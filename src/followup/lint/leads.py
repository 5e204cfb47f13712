"""The words a data pattern's matches must begin with, read from the pattern itself.

A note is searched by some four hundred patterns; nearly all of them can only
match where one of a few words begins ("i would", "the fix", "my advice").
Knowing those words, a note is tried only at the places where they occur
instead of at every character. The reading is sound or absent: every match
begins with one of the listed first words, and its next word is one of the
listed second words, or the list is None and the pattern is searched in full.

The reader walks the pattern's source as far as its second word. It knows
the syntax the data files use (groups, alternatives, optional parts, small
character classes, ``\\s`` and ``\\b``, look-arounds); anything else, such as
``\\w+`` or ``.``, makes the words it would spell unknown. Python's own
parser would take 100 ms over the data's patterns when `followup lint` starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Lead", "read_lead"]

# Past this many, a word list is not worth indexing: the pattern is searched in full.
_MAX_WORDS = 400
_ENDS_WORD = frozenset("sW")  # \s, \W: never inside a word
# A class of letters (\w, \d) or syntax the data does not use: the word is unknown.
_OPAQUE = frozenset("wdSDBZzAGNpPuUx0123456789")
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
# Letters and digits not followed by a quantifier (which would repeat only the last one).
_RUN = re.compile(r"[^\W_]+(?![?*+{])")
# What a skip over a group must look at: escapes, classes and the brackets that nest.
_SYNTAX = re.compile(r"[\\\[()]")

# (0 for the first word or 1 for the second, the letters of it read so far); a state
# (1, "") sits between the two words.
_State = tuple[int, str]


@dataclass(frozen=True)
class Lead:
    """The first words a match can begin with, and the words that can follow them.

    ``second`` is None when a match may end after its first word or its second
    word cannot be listed.
    """

    first: frozenset[str]
    second: frozenset[str] | None


class _Unknown(Exception):
    """The first word cannot be listed: the pattern is searched in full."""


def read_lead(pattern: str) -> Lead | None:
    """The ``Lead`` of ``pattern``, or None when its first word cannot be listed.

    ``\\b(?:please\\s+)?(?:don't|do\\s+not)\\b`` gives first {please, don, do}
    and second {don, do, t, not}: runs of word characters, up to the first
    character that cannot be in a word. A match that can begin with a space
    or a mark, or whose first word is open-ended (``plan`` without ``\\b`` also
    matches "planning"), gives None.
    """
    reader = _Reader()
    try:
        rest, end = reader.alternatives(pattern, 0, {(0, "")})
    except (_Unknown, IndexError, ValueError):
        return None
    if end != len(pattern) or any(k == 0 for k, _ in rest):
        return None  # an unbalanced ")", or a first word still open at the end
    second = None if rest or reader.second_unknown else frozenset(reader.words[1])
    return Lead(frozenset(reader.words[0]), second)


class _Reader:
    """Reads a pattern atom by atom, carrying the states of the words being spelled."""

    def __init__(self) -> None:
        self.words: tuple[set[str], set[str]] = (set(), set())
        self.second_unknown = False

    def alternatives(self, p: str, i: int, states: set[_State]) -> tuple[set[_State], int]:
        """Read ``a|b|...`` from ``p[i]`` up to the ``)`` that ends it, or the end of ``p``."""
        out, i = self.sequence(p, i, set(states))
        while i < len(p) and p[i] == "|":
            more, i = self.sequence(p, i + 1, set(states))
            out |= more
        return out, i

    def sequence(self, p: str, i: int, states: set[_State]) -> tuple[set[_State], int]:
        """Read one alternative up to the next ``|`` or ``)`` at its level."""
        while i < len(p) and p[i] not in "|)":
            if not states:
                i = _skip_atom(p, i)  # both words are read: only the structure matters now
                continue
            start = i
            if p[i] == "(" and p.startswith(_LOOKAROUND, i):
                i = _skip_group(p, i)
                continue  # it consumes nothing
            if p.startswith("\\b", i):
                states = self.boundary(states)
                i += 2
                continue
            if p[i] == "^":
                i += 1
                continue
            run = _RUN.match(p, i)
            if run is not None:
                # Plain letters: read at once (most of a pattern is lists of words).
                states = self.letters(states, {run.group()})
                i = run.end()
                continue
            once, i = self.atom(p, i, states)
            atom = p[start:i]
            low, high, i = _quantifier(p, i)
            result = (states if low == 0 else set()) | once
            if high > 1 and once:
                result = self.repeated(atom, result, once)
            states = self.bounded(result)
        return states, i

    def atom(self, p: str, i: int, states: set[_State]) -> tuple[set[_State], int]:
        """The states after the atom at ``p[i]`` (a group, class, escape or character)."""
        ch = p[i]
        if ch == "(":
            once, i = self.alternatives(p, _group_body(p, i), states)
            if p[i] != ")":
                raise _Unknown
            return once, i + 1
        if ch == "[":
            end = _class_end(p, i)
            return self.char_class(p[i + 1 : end - 1], states), end
        if ch == "\\":
            esc = p[i + 1]
            if esc in _ENDS_WORD:
                return self.end_word(states), i + 2
            if esc in _OPAQUE or esc.isalpha():
                return self.unknown(states), i + 2
            return self.char(states, esc), i + 2
        if ch in ".$":
            return self.unknown(states), i + 1
        if ch in "*+?{":
            raise _Unknown  # a quantifier with nothing to repeat
        return self.char(states, ch), i + 1

    def repeated(self, atom: str, result: set[_State], once: set[_State]) -> set[_State]:
        """``result`` once the atom may repeat: a few more reads of it must add nothing new."""
        new = once
        for _ in range(4):
            more, _end = self.sequence(atom, 0, set(new))
            new = more - result
            if not new:
                return result
            result |= new
        # It keeps spelling longer words ("(?:ab)+"): a first word has no end; a second
        # word cannot be listed.
        if any(k == 0 for k, _ in result):
            raise _Unknown
        self.second_unknown = True
        return set()

    def char(self, states: set[_State], ch: str) -> set[_State]:
        return self.letters(states, {ch}) if _is_word(ch) else self.end_word(states)

    def letters(self, states: set[_State], letters: set[str]) -> set[_State]:
        return {(k, w + c) for k, w in states for c in letters}

    def end_word(self, states: set[_State]) -> set[_State]:
        """A character outside words: the word being spelled ends (or the gap goes on)."""
        out: set[_State] = set()
        for k, w in states:
            if k == 0 and not w:
                raise _Unknown  # the match can begin with a space or a mark
            if w:
                self.words[k].add(w)
            if k == 0 or not w:
                out.add((1, ""))
        return out

    def boundary(self, states: set[_State]) -> set[_State]:
        """``\\b``: a word being spelled ends here; between words, nothing changes."""
        out: set[_State] = set()
        for k, w in states:
            if not w:
                out.add((k, w))
                continue
            self.words[k].add(w)
            if k == 0:
                out.add((1, ""))
        return out

    def unknown(self, states: set[_State]) -> set[_State]:
        """An atom whose letters cannot be listed (``\\w``, ``.``, ``[^...]``)."""
        if any(k == 0 for k, _ in states):
            raise _Unknown
        self.second_unknown = True
        return set()

    def char_class(self, body: str, states: set[_State]) -> set[_State]:
        try:
            letters, ends = _class_members(body)
        except _Unknown:
            return self.unknown(states)
        out = self.letters(states, letters)
        if ends:
            out |= self.end_word(states)
        return out

    def bounded(self, states: set[_State]) -> set[_State]:
        """``states``, or fewer when a word list grows past what is worth indexing."""
        if len(self.words[0]) > _MAX_WORDS:
            raise _Unknown
        if len(self.words[1]) > _MAX_WORDS or len(states) > _MAX_WORDS:
            if sum(k == 0 for k, _ in states) > _MAX_WORDS:
                raise _Unknown
            self.second_unknown = True
            return {s for s in states if s[0] == 0}
        return states


def _class_members(body: str) -> tuple[set[str], bool]:
    """The word characters of a small class ``[body]``, and whether it holds any other."""
    if body.startswith("^"):
        raise _Unknown  # all but a few characters
    letters: set[str] = set()
    ends = False
    k = 0
    while k < len(body):
        ch = body[k]
        if ch == "\\":
            ch = body[k + 1]
            k += 1
            if ch in _ENDS_WORD:
                ends = True
                k += 1
                continue
            if ch in _OPAQUE or ch.isalpha():
                raise _Unknown
        if body[k + 1 : k + 2] == "-" and k + 2 < len(body):
            high = body[k + 2]
            if high == "\\" or not 0 <= ord(high) - ord(ch) <= 12:
                raise _Unknown  # a wide range (a-z): too many words to list
            chars = [chr(c) for c in range(ord(ch), ord(high) + 1)]
            k += 3
        else:
            chars = [ch]
            k += 1
        for c in chars:
            if _is_word(c):
                letters.add(c)
            else:
                ends = True
    return letters, ends


def _quantifier(p: str, i: int) -> tuple[int, float, int]:
    """The (least, most) repeats of the quantifier at ``p[i]`` (if any), and its end."""
    if i >= len(p) or p[i] not in "?*+{":
        return 1, 1, i
    if p[i] == "{":
        close = p.index("}", i)
        least, comma, most = p[i + 1 : close].partition(",")
        low = int(least or 0)
        high = float(most or ("inf" if comma else least))
        i = close + 1
    else:
        low, high = {"?": (0, 1.0), "*": (0, float("inf")), "+": (1, float("inf"))}[p[i]]
        i += 1
    if i < len(p) and p[i] in "?+":
        i += 1  # lazy or possessive: the same words
    return low, high, i


def _group_body(p: str, i: int) -> int:
    """Where a group's pattern begins, past ``(``, ``(?:``, ``(?P<name>`` or ``(?-i:``."""
    if not p.startswith("(?", i):
        return i + 1
    if p.startswith("(?P<", i):
        return p.index(">", i) + 1
    j = i + 2
    while p[j] in "aiLmsux-":
        j += 1
    if p[j] != ":":
        raise _Unknown  # a global flag, a back-reference or a conditional
    return j + 1


def _skip_atom(p: str, i: int) -> int:
    """The index past the atom (or quantifier) at ``p[i]``."""
    ch = p[i]
    if ch == "(":
        return _skip_group(p, i)
    if ch == "[":
        return _class_end(p, i)
    if ch == "{":
        return p.index("}", i) + 1
    return i + (2 if ch == "\\" else 1)


def _skip_group(p: str, i: int) -> int:
    """The index just past the ``)`` that closes the group opening at ``p[i]``."""
    depth = 0
    while True:
        m = _SYNTAX.search(p, i)
        if m is None:
            raise _Unknown  # unbalanced
        i = m.start()
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(p, i)
            continue
        depth += 1 if ch == "(" else -1
        i += 1
        if depth == 0:
            return i


def _class_end(p: str, i: int) -> int:
    """The index past the ``]`` closing the class at ``p[i]`` (a leading ``]`` is a member)."""
    i += 2 if p.startswith("[^", i) else 1
    i += 1 if p[i] == "]" else 0
    while p[i] != "]":
        i += 2 if p[i] == "\\" else 1
    return i + 1


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
