"""The debrief: what the candidate records right after an interview loop.

The YAML/JSON shape of these models is a public contract (see the README).
Models are frozen and reject unknown fields, so a typo in a field name is an
error naming that field rather than data silently dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from followup.errors import InputError, LimitError
from followup.files import decode_utf8, read_limited

__all__ = [
    "MAX_DEBRIEF_BYTES",
    "MAX_FIELD_CHARS",
    "MAX_INTERVIEWERS",
    "MAX_LIST_ITEMS",
    "Candidate",
    "Debrief",
    "Honorific",
    "Interview",
    "Interviewer",
    "Role",
    "Stage",
    "Tone",
    "debrief_json_schema",
    "dump_debrief",
    "load_debrief",
    "parse_debrief",
    "validate_debrief",
]

# Limits keep a pasted book from freezing the app or the linter. A real debrief
# is a few kilobytes; these leave an order of magnitude of headroom.
MAX_DEBRIEF_BYTES = 256 * 1024
MAX_FIELD_CHARS = 2_000
MAX_LIST_ITEMS = 30
MAX_INTERVIEWERS = 20

Tone = Literal["friendly", "formal", "familylike"]
Stage = Literal["first", "second", "final"]
Role = Literal["decision_maker", "hiring_manager", "influencer", "peer", "assistant", "other"]
Honorific = Literal["Mr.", "Ms.", "Mx.", "Dr.", "Prof.", "none"]

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_FIELD_CHARS)]
Item = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_FIELD_CHARS)
]
Items = Annotated[tuple[Item, ...], Field(max_length=MAX_LIST_ITEMS)]
# Loose on purpose (a real address check is the mail server's job); it catches a name
# or phone number typed in the wrong box, which would make the .eml drafts unusable.
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=254, pattern=r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$"
    ),
]

_MODEL_CONFIG = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)

# Name particles that belong to the family name ("Dr. van der Berg").
_PARTICLES = frozenset(
    "van von der den de del della da di du la le bin ibn al el dos das st. st".split()
)
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd ph.d. md m.d.".split())
_TITLES = frozenset("mr mr. ms ms. mrs mrs. mx mx. dr dr. prof prof.".split())


class Candidate(BaseModel):
    """The person writing the notes."""

    model_config = _MODEL_CONFIG

    name: Name
    email: Email | None = None
    phone: Text | None = None
    decision_deadline: dt.date | None = Field(
        default=None, description="When you must decide on other offers."
    )


class Interview(BaseModel):
    """One company, one role, one day or loop."""

    model_config = _MODEL_CONFIG

    company: Name
    role: Name
    date: dt.date
    stage: Stage | None = None
    first_interviewed: bool = Field(
        default=False, description="You were the first candidate they saw."
    )
    decision_expected: dt.date | None = None
    overall: Text | None = None


class Interviewer(BaseModel):
    """One person met during the loop, assistants and coordinators included."""

    model_config = _MODEL_CONFIG

    name: Name
    title: Text | None = None
    email: Email | None = None
    honorific: Honorific | None = None
    role: Role = "other"
    first_name_invited: bool = False
    tone: Tone = "formal"
    invited_to_call: bool = False
    topics: Items = Field(default=(), description="Specific things discussed, personal ones too.")
    positives: Items = Field(default=(), description="Why this person would want you.")
    objections: Items = Field(default=(), description="Doubts, spoken or not, the strongest first.")
    key_issues: Items = Field(default=(), description="What this person cares about.")
    next_steps: Items = Field(default=(), description="What happens next, and who owns it.")

    @property
    def name_parts(self) -> tuple[str, str]:
        """(first name, family name), with titles and suffixes removed."""
        words = [w for w in self.name.split() if w.lower() not in _TITLES]
        while len(words) > 1 and words[-1].lower().rstrip(",") in _SUFFIXES:
            words.pop()
        if not words:
            return self.name, self.name
        if len(words) == 1:
            return words[0], words[0]
        family_start = len(words) - 1
        while family_start > 1 and words[family_start - 1].lower() in _PARTICLES:
            family_start -= 1
        return words[0], " ".join(words[family_start:])

    @property
    def first_name(self) -> str:
        return self.name_parts[0]

    @property
    def last_name(self) -> str:
        return self.name_parts[1]

    @property
    def address(self) -> str:
        """How a formal note addresses this person (the domain's first-name rule)."""
        if self.first_name_invited:
            return self.first_name
        if self.honorific and self.honorific != "none":
            return f"{self.honorific} {self.last_name}"
        return " ".join(w for w in self.name.split() if w.lower() not in _TITLES)

    @property
    def is_assistant(self) -> bool:
        return self.role == "assistant"


class Debrief(BaseModel):
    """Everything recorded about one interview loop."""

    model_config = _MODEL_CONFIG

    candidate: Candidate
    interview: Interview
    interviewers: Annotated[
        tuple[Interviewer, ...], Field(min_length=1, max_length=MAX_INTERVIEWERS)
    ]


def debrief_json_schema() -> dict[str, Any]:
    """The published JSON Schema of the debrief format."""
    schema = Debrief.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "followup debrief"
    return schema


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see `followup schema`)"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}"
    if kind in ("string_too_long", "too_long") and "max_length" in ctx:
        unit = "characters" if kind == "string_too_long" else "items"
        return f"too long: at most {ctx['max_length']} {unit} (limit)"
    if kind == "too_short" and error["loc"] == ("interviewers",):
        return "list at least one person you met"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return "must be an e-mail address like name@example.com"
    if kind.startswith("date"):
        return "must be a date like 2027-03-09"
    if kind == "bool_parsing" or kind == "bool_type":
        return "must be true or false"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a mapping of fields"
    if kind in ("tuple_type", "list_type"):
        return "must be a list (one item per line, each starting with '- ')"
    msg = str(error.get("msg", "is invalid"))
    return msg[0].lower() + msg[1:]


def _interviewer_name(data: object, loc: tuple[int | str, ...]) -> str:
    """The person's name for an error under interviewers[i], to help find it."""
    if len(loc) < 3 or loc[0] != "interviewers" or not isinstance(loc[1], int):
        return ""
    people = data.get("interviewers") if isinstance(data, Mapping) else None
    if not isinstance(people, list) or not 0 <= loc[1] < len(people):
        return ""
    person = people[loc[1]]
    name = person.get("name") if isinstance(person, Mapping) else None
    return f" ({name})" if isinstance(name, str) and name.strip() else ""


def validate_debrief(data: object, *, source: str = "debrief") -> Debrief:
    """Validate already-parsed data; every problem becomes one line with its field path."""
    if not isinstance(data, Mapping):
        raise InputError(
            "expected a mapping with candidate, interview and interviewers at the top level",
            source=source,
        )
    try:
        return Debrief.model_validate(data)
    except ValidationError as exc:
        problems = []
        errors = exc.errors()
        item_errors = any(len(e["loc"]) > 1 and e["loc"][0] == "interviewers" for e in errors)
        for err in errors:
            loc = tuple(err["loc"])
            if item_errors and err["type"] == "too_short" and loc == ("interviewers",):
                # Pydantic counts only the valid people; the item errors say it all.
                continue
            # Pydantic reports union branches separately; the first is enough.
            line = f"{_path(loc)}{_interviewer_name(data, loc)}: {_describe(err)}"
            if line not in problems:
                problems.append(line)
        raise InputError(problems, source=source) from None


def parse_debrief(raw: str | bytes, *, source: str = "debrief", fmt: str | None = None) -> Debrief:
    """Parse YAML or JSON text (JSON is YAML, but is read strictly when named)."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_DEBRIEF_BYTES:
            raise LimitError(
                f"file is {len(raw):,} bytes; a debrief may be at most "
                f"{MAX_DEBRIEF_BYTES:,} bytes (limit)",
                source=source,
            )
        text = decode_utf8(raw, source=source)
    else:
        text = raw
        if len(text.encode("utf-8", "surrogatepass")) > MAX_DEBRIEF_BYTES:
            raise LimitError(
                f"text is longer than {MAX_DEBRIEF_BYTES:,} bytes, the limit for a debrief",
                source=source,
            )
    if not text.strip():
        raise InputError("the debrief is empty", source=source)
    data: object
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                source=source,
            ) from None
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            where = ""
            mark = getattr(exc, "problem_mark", None)
            if mark is not None:
                where = f" at line {mark.line + 1}, column {mark.column + 1}"
            problem = getattr(exc, "problem", None) or "could not be parsed"
            raise InputError(f"invalid YAML{where}: {problem}", source=source) from None
    return validate_debrief(data, source=source)


def load_debrief(path: str | Path) -> Debrief:
    """Read a debrief file (``.yaml``, ``.yml`` or ``.json``)."""
    p = Path(path)
    raw = read_limited(p, limit=MAX_DEBRIEF_BYTES, what="debrief")
    fmt = "json" if p.suffix.lower() == ".json" else None
    return parse_debrief(raw, source=str(path), fmt=fmt)


def _plain(debrief: Debrief) -> dict[str, Any]:
    return debrief.model_dump(mode="json", exclude_none=True)


def dump_debrief(debrief: Debrief, fmt: Literal["yaml", "json"] = "yaml") -> str:
    """Serialise a debrief; ``parse_debrief`` reads the result back unchanged."""
    data = _plain(debrief)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
