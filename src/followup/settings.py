"""Typed settings, read from the environment (and Streamlit secrets in the app).

The API key is held as a ``SecretStr``: it is never printed, logged, stored or
exported. Nothing here writes to disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from followup.errors import ConfigError

__all__ = ["Backend", "Settings", "load_settings"]

Backend = Literal["offline", "openai"]

_ENV = {
    "backend": "FOLLOWUP_BACKEND",
    "base_url": "OPENAI_BASE_URL",
    "api_key": "OPENAI_API_KEY",
    "model": "FOLLOWUP_MODEL",
    "max_concurrency": "FOLLOWUP_MAX_CONCURRENCY",
    "timeout": "FOLLOWUP_TIMEOUT",
    "max_retries": "FOLLOWUP_MAX_RETRIES",
    "temperature": "FOLLOWUP_TEMPERATURE",
    "prompts_dir": "FOLLOWUP_PROMPTS_DIR",
    "home": "FOLLOWUP_HOME",
}


def _default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "followup"


class Settings(BaseModel):
    """Everything configurable, with the defaults a fresh machine gets."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    backend: Backend = "offline"
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str = "gpt-4o-mini"
    max_concurrency: int = Field(default=4, ge=1, le=64)
    timeout: float = Field(default=30.0, gt=0, le=600)
    max_retries: int = Field(default=3, ge=0, le=10)
    temperature: float = Field(default=0.0, ge=0, le=2)
    prompts_dir: Path | None = None
    home: Path = Field(default_factory=_default_home)

    @property
    def db_path(self) -> Path:
        return self.home / "followup.sqlite3"


def load_settings(
    secrets: Mapping[str, object] | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: object,
) -> Settings:
    """Settings from, in rising priority: defaults, Streamlit secrets, environment, overrides.

    ``secrets`` uses the same names as the environment (``OPENAI_API_KEY``, ...).
    """
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    for field, var in _ENV.items():
        if secrets is not None and var in secrets and secrets[var] not in (None, ""):
            values[field] = secrets[var]
        if env.get(var):
            values[field] = env[var]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "settings"
            var = _ENV.get(field, field)
            # Never echo the offending value: it may be the API key.
            problems.append(f"{var}: {err['msg'].lower()}")
        raise ConfigError("\n".join(problems)) from None
