"""The small family of user-facing errors.

Every error the user can cause carries a message that is already one readable
line (or one line per problem); the CLI and the app print ``str(error)`` and
never a traceback.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "FollowupError",
    "InputError",
    "LimitError",
    "ModelError",
    "StoreError",
    "TemplateError",
]


class FollowupError(Exception):
    """Base class: ``str(error)`` is fit to show to the user as it is."""

    exit_code: int = 1


class InputError(FollowupError):
    """Bad user input: a debrief, a note, a flag. One line per problem."""

    exit_code = 2

    def __init__(self, problems: str | list[str] | tuple[str, ...], *, source: str = "") -> None:
        items = (problems,) if isinstance(problems, str) else tuple(problems)
        self.problems: tuple[str, ...] = tuple(" ".join(p.split()) for p in items)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + p for p in self.problems))


class LimitError(InputError):
    """Input over one of the documented size limits."""


class ConfigError(FollowupError):
    """Settings or configuration files that cannot be used."""

    exit_code = 2


class TemplateError(FollowupError):
    """A prompt template that is missing, malformed or lacks variables."""

    exit_code = 2


class ModelError(FollowupError):
    """A model call that failed after its retries."""


class StoreError(FollowupError):
    """The local store cannot be read or written."""
