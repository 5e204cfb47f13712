"""``followup rewrite``: three alternative lines that answer an interviewer's doubt."""

from __future__ import annotations

import argparse
import json
import sys

from followup.commands._options import add_model_options

NAME = "rewrite"
HELP = "Suggest three lines that answer a doubt by stressing the matching strength, each linted."
ORDER = 25


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("line", metavar="LINE", help="the sentence of your note to rewrite")
    parser.add_argument(
        "--objection", required=True, metavar="TEXT", help="the interviewer's doubt, in your words"
    )
    parser.add_argument(
        "--strength", default="", metavar="TEXT", help="the strength that answers the doubt"
    )
    parser.add_argument("--role", default="", metavar="TEXT", help="the role you applied for")
    add_model_options(parser, "offline suggestions or a model")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    from followup.drafting.rewrite import rewrite_objection
    from followup.settings import load_settings
    from followup.store import Store

    settings = load_settings(backend=args.backend, model=args.model, base_url=args.base_url)
    with Store.open(settings) as store:
        result = rewrite_objection(
            args.line,
            args.objection,
            strength=args.strength,
            role=args.role,
            settings=settings,
            store=store,
        )
    if result.fallback_reason:
        print(f"followup: {result.fallback_reason}", file=sys.stderr)
    if args.json:
        payload = {
            "backend": result.backend,
            "fallback_reason": result.fallback_reason,
            "rewrites": [
                {"text": r.text, "findings": [f.model_dump() for f in r.findings]}
                for r in result.rewrites
            ],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    for n, rewrite in enumerate(result.rewrites, 1):
        print(f"{n}. {rewrite.text}")
        for f in rewrite.findings:
            print(f"   {f.severity}: {f.message} [{f.rule}]")
    return 0
