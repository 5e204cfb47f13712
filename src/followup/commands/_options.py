"""Options several commands share (a leading underscore keeps this off the command list)."""

from __future__ import annotations

import argparse


def add_model_options(parser: argparse.ArgumentParser, backend_help: str) -> None:
    """``--backend``, ``--model`` and ``--base-url``, read into ``load_settings``."""
    parser.add_argument("--backend", choices=("offline", "openai"), help=backend_help)
    parser.add_argument("--model", metavar="M", help="model name (FOLLOWUP_MODEL)")
    parser.add_argument(
        "--base-url", metavar="URL", help="OpenAI-compatible server (OPENAI_BASE_URL)"
    )
