"""A note's text as escaped HTML, with each finding's span marked by severity.

Pure: text and findings in, an HTML string out. Every piece of user text is
escaped, so a note containing ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence
from typing import Protocol

__all__ = ["SEVERITY_COLOURS", "Span", "escape_markdown", "highlight"]

# Light backgrounds keep the text readable in both light and dark themes' cards.
SEVERITY_COLOURS = {"error": "#f9c0c0", "warning": "#fbe3a1", "info": "#cde2fb"}
_RANK = {"error": 0, "warning": 1, "info": 2}


class Span(Protocol):
    """What highlighting needs of a finding (``followup.lint.Finding`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...


def highlight(text: str, findings: Sequence[Span]) -> str:
    """``text`` as escaped HTML with ``<mark>`` around every finding's ``[start, end)``.

    Where findings overlap, the piece is coloured by the most severe one and its
    tooltip lists every message. Empty or out-of-range spans are clipped or skipped.
    """
    spans = [
        (max(0, f.start), min(len(text), f.end), f)
        for f in findings
        if min(len(text), f.end) > max(0, f.start)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for left, right in itertools.pairwise(cuts):
        piece = html.escape(text[left:right])
        covering = [f for s, e, f in spans if s <= left and right <= e]
        if not covering:
            out.append(piece)
            continue
        worst = min(covering, key=lambda f: _RANK.get(f.severity, len(_RANK)))
        colour = SEVERITY_COLOURS.get(worst.severity, SEVERITY_COLOURS["info"])
        tip = html.escape(" | ".join(dict.fromkeys(f.message for f in covering)), quote=True)
        out.append(
            f'<mark class="fu-{html.escape(worst.severity, quote=True)}" title="{tip}" '
            f'style="background:{colour};color:#1f1f1f;border-radius:2px;padding:0 1px">'
            f"{piece}</mark>"
        )
    return (
        '<div class="fu-note" style="white-space:pre-wrap;line-height:1.5;font-size:.925rem;'
        'font-family:inherit">' + "".join(out) + "</div>"
    )


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown control character backslash-escaped (labels, alerts)."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))
