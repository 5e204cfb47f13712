"""How much each pair of notes shares, as a heat map: copy-paste shows at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

__all__ = ["heatmap_rows", "heatmap_spec", "render_heatmap"]

_CELL = 72  # pixels per note across


def heatmap_rows(names: Sequence[str], matrix: Sequence[Sequence[float]]) -> list[dict[str, Any]]:
    """One row (``from``, ``to``, ``shared``) per pair of notes, names made unique."""
    labels: list[str] = []
    for i, name in enumerate(names):
        labels.append(name if name not in labels else f"{name} ({i + 1})")
    return [
        {"from": labels[i], "to": labels[j], "shared": round(float(matrix[i][j]), 2)}
        for i in range(len(labels))
        for j in range(len(labels))
    ]


def heatmap_spec(names: Sequence[str], matrix: Sequence[Sequence[float]]) -> dict[str, Any]:
    """A Vega-Lite layered spec: coloured cells with the shared share written in each.

    The diagonal (a note against itself) is greyed out, so only real overlap draws the eye.
    """
    rows = heatmap_rows(names, matrix)
    order = list(dict.fromkeys(row["from"] for row in rows))
    axis_x = {"field": "to", "type": "nominal", "sort": order, "title": None}
    axis_y = {"field": "from", "type": "nominal", "sort": order, "title": None}
    itself = "datum['from'] === datum['to']"
    return {
        "data": {"values": rows},
        "width": {"step": _CELL},
        "height": {"step": _CELL * 2 // 3},
        "encoding": {
            "x": {**axis_x, "axis": {"labelAngle": -30, "labelOverlap": False, "labelLimit": 160}},
            "y": {**axis_y, "axis": {"labelLimit": 160}},
        },
        "layer": [
            {
                "mark": "rect",
                "encoding": {
                    "color": {
                        "condition": {"test": itself, "value": "#e8e8e8"},
                        "field": "shared",
                        "type": "quantitative",
                        "scale": {"domain": [0, 1], "scheme": "orangered"},
                        "title": "shared",
                    },
                    "tooltip": [
                        {"field": "from", "type": "nominal"},
                        {"field": "to", "type": "nominal"},
                        {"field": "shared", "type": "quantitative", "format": ".0%"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 12},
                "transform": [{"filter": f"!({itself})"}],
                "encoding": {
                    "text": {"field": "shared", "type": "quantitative", "format": ".0%"},
                    "color": {
                        "condition": {"test": "datum.shared > 0.5", "value": "white"},
                        "value": "black",
                    },
                },
            },
        ],
    }


def render_heatmap(names: Sequence[str], matrix: Sequence[Sequence[float]]) -> None:
    """The heat map of how much each pair of notes shares."""
    st.vega_lite_chart(spec=heatmap_spec(names, matrix), width="content", key="heatmap")
