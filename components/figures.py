"""Published figures and charts on a page: every value with its year and its source link."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from atlas.aggregation import PublishedFigure
from atlas.strings import t
from atlas.text import escape_markdown, markdown_link, url_domain

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def figure_year(figure: PublishedFigure) -> str:
    """The figure's year of data, or a plain 'year not stated'."""
    return t("overview.figure_year", year=figure.year) if figure.year else t("overview.figure_no_year")


def published_metric(figure: PublishedFigure, label: str | None = None) -> None:
    """One published figure as a large number, labelled with its year, and its source below."""
    with st.container(border=True):
        unit = "" if figure.unit_base == "%" else f" · {figure.unit_label}"
        st.metric(label or figure_year(figure) + unit, figure.short, help=figure.figure)
        st.caption(
            markdown_link(url_domain(figure.source_url), figure.source_url)
            + f" · {t('value.label', label=t('figure.quote'))} “{escape_markdown(figure.figure)}”"
        )


def chart(fig: go.Figure, key: str, alt: str, **select) -> object:
    """A plotly chart with alt text for screen readers; `select` passes on_select and selection_mode."""
    return st.plotly_chart(fig, key=key, alt=alt, config=CHART_CONFIG, **select)
