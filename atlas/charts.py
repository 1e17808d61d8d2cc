"""Plotly figures of the Insights page, built from the aggregation tables (no Streamlit here).

Every figure has a title that says what it shows, axis titles, and a source line inside the
figure (so it survives a PNG export), in the colour-blind-safe palette of `atlas.palette`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from atlas import formats
from atlas.palette import OKABE_ITO, hex_colour
from atlas.strings import t
from atlas.vocabulary import NICHES, SUBSECTORS, niche_label, subsector_label

# Every mark that carries data has at least 3:1 contrast with the white background (WCAG 1.4.11)
# and every text at least 4.5:1 with what is behind it (1.4.3).
DATA_COLOUR = hex_colour(OKABE_ITO[4])  # blue: computed from the dataset (5.2:1)
PUBLISHED_COLOUR = hex_colour(OKABE_ITO[5])  # vermillion, hatched: published figures (3.9:1)
PUBLISHED_PATTERN = "/"
CUMULATIVE_COLOUR = hex_colour(OKABE_ITO[7])  # black line: running total
UNKNOWN_COLOUR = "#767676"  # grey bar for 'Unknown' (4.5:1)
EMPTY_COLOUR = "#eef2f4"
# Light to dark blue, readable for the common colour-vision deficiencies; dark text on the first
# three (at least 5.9:1), white text on the darkest (7.9:1).
SEQUENTIAL = ["#deebf7", "#9ecae1", "#6baed6", "#08519c"]
DARK_TEXT, LIGHT_TEXT = "#0c161c", "#ffffff"
FONT = {"size": 15}


def _layout(fig: go.Figure, title: str, source: str, height: int, x_title: str, y_title: str) -> go.Figure:
    """Title with the source line as its subtitle, axis titles, legend below, projector-sized fonts."""
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "xanchor": "left",
            "font": {"size": 19},
            "subtitle": {"text": source, "font": {"size": 12, "color": "#4a5861"}},
        },
        height=height,
        font=FONT,
        margin={"l": 10, "r": 10, "t": 95, "b": 10},
        xaxis_title=x_title,
        yaxis_title=y_title,
        legend={"orientation": "h", "y": -0.18, "yanchor": "top", "x": 0, "xanchor": "left"},
    )
    return fig


def _integer_step(top: int, ticks: int = 5) -> int:
    return max(1, -(-top // ticks))


def matrix_figure(matrix: pd.DataFrame, source: str) -> go.Figure:
    """Niche x subsector counts as a grid of squares; each point's customdata is [niche, subsector]."""
    cells = matrix.stack().rename("count").reset_index()
    cells.columns = ["niche", "subsector", "count"]
    top = max(int(cells["count"].max()), 1)
    colours = [
        EMPTY_COLOUR if n == 0 else SEQUENTIAL[min(len(SEQUENTIAL) - 1, int((n - 1) * len(SEQUENTIAL) / top))]
        for n in cells["count"]
    ]
    fig = go.Figure(
        go.Scatter(
            x=[subsector_label(s) for s in cells["subsector"]],
            y=[niche_label(n) for n in cells["niche"]],
            mode="markers+text",
            marker={"symbol": "square", "size": 52, "color": colours, "line": {"width": 1, "color": "#c9d3d9"}},
            text=[str(n) for n in cells["count"]],
            textfont={"size": 17, "color": [LIGHT_TEXT if c == SEQUENTIAL[-1] else DARK_TEXT for c in colours]},
            customdata=cells[["niche", "subsector"]].to_numpy().tolist(),
            hovertemplate=t("insights.matrix_hover"),
            name="",
        )
    )
    fig.update_xaxes(categoryorder="array", categoryarray=[subsector_label(s) for s in SUBSECTORS], showgrid=False)
    fig.update_yaxes(categoryorder="array", categoryarray=[niche_label(n) for n in reversed(NICHES)], showgrid=False)
    return _layout(fig, t("insights.matrix_title"), source, 470, t("insights.axis_subsector"), t("insights.axis_niche"))


def timeline_figure(timeline: pd.DataFrame, source: str) -> go.Figure:
    """Companies founded per year (bars) and in total so far (line, right axis)."""
    fig = go.Figure()
    fig.add_bar(
        x=timeline["year"], y=timeline["founded"], name=t("insights.timeline_per_year"), marker_color=DATA_COLOUR
    )
    fig.add_scatter(
        x=timeline["year"],
        y=timeline["cumulative"],
        name=t("insights.timeline_cumulative"),
        mode="lines",
        line={"color": CUMULATIVE_COLOUR, "width": 3, "shape": "hv"},
        yaxis="y2",
    )
    top = int(timeline["cumulative"].max())
    fig.update_layout(
        yaxis={"rangemode": "tozero", "dtick": _integer_step(int(timeline["founded"].max()))},
        yaxis2={
            "title": t("insights.axis_cumulative"),
            "overlaying": "y",
            "side": "right",
            "range": [0, top * 1.05],
            "dtick": _integer_step(top),
            "showgrid": False,
        },
    )
    return _layout(fig, t("insights.timeline_title"), source, 420, t("insights.axis_year"), t("insights.axis_founded"))


def counts_figure(counts: pd.DataFrame, column: str, title: str, axis: str, source: str) -> go.Figure:
    """Horizontal bars of companies per value of `column` ('Unknown' in grey), largest on top."""
    colours = [UNKNOWN_COLOUR if v == t("value.unknown") else DATA_COLOUR for v in counts[column]]
    fig = go.Figure(
        go.Bar(
            x=counts["companies"],
            y=counts[column],
            orientation="h",
            marker_color=colours,
            text=counts["companies"],
            textposition="outside",
            cliponaxis=False,
            name="",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, counts["companies"].max() * 1.15], dtick=_integer_step(int(counts["companies"].max())))
    height = 160 + 36 * len(counts)
    return _layout(fig, title, source, height, t("insights.axis_companies"), axis)


def subsector_shares_figure(shares: pd.DataFrame, source: str) -> go.Figure:
    """Share of companies per subsector: this dataset beside the official 2025 mapping."""
    fig = go.Figure()
    fig.add_bar(
        x=shares["label"],
        y=shares["data_share"].round(1),
        name=t("insights.shares_data"),
        marker_color=DATA_COLOUR,
        text=[formats.percent_of_100(v) for v in shares["data_share"]],
        textposition="outside",
    )
    official = shares["official_share"]
    fig.add_bar(
        x=shares["label"],
        y=official,
        name=t("insights.shares_official"),
        marker_color=PUBLISHED_COLOUR,
        marker_pattern_shape=PUBLISHED_PATTERN,
        text=["" if pd.isna(v) else formats.percent_of_100(v) for v in official],
        textposition="outside",
    )
    fig.update_layout(barmode="group")
    fig.update_traces(cliponaxis=False)
    return _layout(fig, t("insights.shares_title"), source, 460, t("insights.axis_subsector"), t("insights.axis_share"))
