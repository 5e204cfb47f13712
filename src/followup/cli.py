"""The ``followup`` command line: parses arguments and turns errors into lines.

Each subcommand lives in ``followup.commands.<name>`` and is found at start-up;
a command module imports what only it needs inside ``run`` so that a quick
command such as ``followup lint`` never pays for the model client or the app.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from followup.errors import FollowupError

__all__ = ["build_parser", "main"]


def _command_modules() -> list[ModuleType]:
    import followup.commands as pkg

    modules = [
        importlib.import_module(f"{pkg.__name__}.{info.name}")
        for info in pkgutil.iter_modules(pkg.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.NAME))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="Draft, lint and plan the notes you send after a job interview. "
        "It drafts; you send.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _command_modules():
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args._run(args)
    except FollowupError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"followup: error: {line}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("followup: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``); nothing useful is left to say.
        sys.stderr.close()
        return 0
    except Exception as exc:
        if os.environ.get("FOLLOWUP_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or "no details"
        print(
            f"followup: internal error: {type(exc).__name__}: {message} "
            "(set FOLLOWUP_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 1
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
