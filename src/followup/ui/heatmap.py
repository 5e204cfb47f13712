"""How much each pair of notes shares, as a heat map: copy-paste shows at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

__all__ = ["heatmap_rows", "heatmap_spec", "render_heatmap"]


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
    """A Vega-Lite layered spec: coloured cells with the shared share written in each."""
    rows = heatmap_rows(names, matrix)
    order = list(dict.fromkeys(row["from"] for row in rows))
    size = max(160, 70 * len(order))
    axis_x = {"field": "to", "type": "nominal", "sort": order, "title": None}
    axis_y = {"field": "from", "type": "nominal", "sort": order, "title": None}
    return {
        "data": {"values": rows},
        "width": size,
        "height": size,
        "encoding": {"x": {**axis_x, "axis": {"labelAngle": -30}}, "y": axis_y},
        "layer": [
            {
                "mark": "rect",
                "encoding": {
                    "color": {
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
