"""``followup schema``: print the JSON Schema of the debrief format."""

from __future__ import annotations

import argparse
import json

NAME = "schema"
HELP = "Print the JSON Schema of the debrief format."
ORDER = 90


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    from followup.debrief import debrief_json_schema

    print(json.dumps(debrief_json_schema(), indent=2, ensure_ascii=False))
    return 0
