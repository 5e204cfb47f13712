"""One module per ``followup`` subcommand.

A command module defines ``NAME``, ``HELP``, optionally ``ORDER`` (its place in
``--help``), ``configure(parser)`` and ``run(args) -> exit code``. It only
wires: parse, call ``followup.service``, print.
"""
