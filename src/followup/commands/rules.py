"""``followup rules``: every lint rule, its category, default severity and rationale."""

from __future__ import annotations

import argparse
import json
import textwrap

NAME = "rules"
HELP = "List the lint rules with their category, default severity and rationale."
ORDER = 21


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the rules as a JSON list")


def run(args: argparse.Namespace) -> int:
    from followup.lint import load_lint_config, rules

    config = load_lint_config()
    infos = rules()
    if args.json:
        print(json.dumps([r.model_dump() for r in infos], indent=2, ensure_ascii=False))
        return 0
    for info in infos:
        state = ""
        if not config.is_enabled(info.id, info.category):
            state = "  (disabled by your configuration)"
        else:
            configured = config.severity_for(info.id, info.category, info.severity)
            if configured != info.severity:
                state = f"  (configured: {configured})"
        print(f"{info.id}  [{info.category}, {info.severity}]{state}")
        print(
            textwrap.fill(info.rationale, width=88, initial_indent="    ", subsequent_indent="    ")
        )
        print()
    print(
        "Turn rules off or change their severity under [tool.followup.lint] in pyproject.toml\n"
        '(or [lint] in followup.toml): disable = ["generic", "spelling.double-space"],\n'
        'severity = { "structure.no-next-step" = "info" }, words = ["Kubernetes"].'
    )
    return 0
