"""Insights: niches x subsectors, founding years, places and subsector shares, following the filters."""

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from atlas import aggregation as agg
from atlas import formats
from atlas.brief import BriefView
from atlas.charts import counts_figure, matrix_figure, subsector_shares_figure, timeline_figure
from atlas.filters import Filters, apply_filters, filter_params
from atlas.loading import Dataset
from atlas.map_layers import MapSettings
from atlas.strings import t
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025
from components.cache import shared
from components.data import get_dataset
from components.figures import chart, published_metric
from components.filter_panel import current_filters, set_filters
from components.page import count_sentence, filtered_page
from components.share import share_panel, view_url

MATRIX_KEY = "insights_matrix"


def apply_matrix_cell() -> None:
    """A click on a grid square sets the niche and subsector filters to that square, and reruns the whole
    page (not only its filtered view) so that the sidebar shows them too."""
    points = st.session_state[MATRIX_KEY].selection.points
    if points:
        niche, subsector = points[0]["customdata"]
        set_filters(replace(current_filters(), niche=(niche,), subsector=(subsector,)))
        st.rerun()


def matrix(dataset: Dataset, filters: Filters, shown: pd.DataFrame, source: str) -> None:
    """The niche x subsector grid, whose squares set the filters."""
    figure = shared(
        "insights_matrix", dataset, filters, lambda: matrix_figure(agg.niche_subsector_matrix(shown), source)
    )
    chart(figure, MATRIX_KEY, t("insights.matrix_alt"), on_select=apply_matrix_cell, selection_mode="points")
    left_out = t("insights.matrix_left_out", n=agg.matrix_left_out(shown), total=len(shown))
    st.caption(t("insights.matrix_hint") + " " + left_out)


def founding_years(dataset: Dataset, filters: Filters, shown: pd.DataFrame, source: str) -> None:
    """Companies founded per year beside the share of young companies, computed and published."""
    timeline_col, young_col = st.columns([3, 2], gap="large")
    with timeline_col:
        timeline = agg.founding_timeline(shown)
        if timeline.empty:
            st.info(t("insights.timeline_none"))
        else:
            figure = shared("insights_timeline", dataset, filters, lambda: timeline_figure(timeline, source))
            chart(figure, "insights_timeline", t("insights.timeline_alt"))
    with young_col:
        st.subheader(t("insights.young_header"), anchor=False)
        young = agg.young_share(shown)
        since, year = agg.young_since(), date.today().year
        with st.container(border=True):
            st.metric(
                t("insights.young_computed", since=since, year=year),
                formats.percent(young.share) if young.share is not None else t("value.unknown"),
                help=t("insights.young_computed_help", count=young.count, known=young.known),
            )
            st.caption(t("insights.young_caveat", known=young.known, total=young.total))
        for figure in agg.published_figures(dataset.sector_figures, agg.YOUNG_SHARE_IDS):
            published_metric(figure, t("insights.young_published", year=figure.year))


def place_counts(shown: pd.DataFrame, place: str) -> pd.DataFrame:
    """Companies per canton or site; those at no named site counted under that label."""
    if place == "site":
        shown = shown.assign(site=shown["site"].replace("", t("insights.site_none")))
    return agg.counts_by(shown, place)


def places(dataset: Dataset, filters: Filters, shown: pd.DataFrame, source: str) -> None:
    """Companies per canton and per site, side by side."""
    for column, place in zip(st.columns(2, gap="large"), ("canton", "site"), strict=True):
        with column:
            figure = shared(
                f"insights_{place}",
                dataset,
                filters,
                lambda place=place: counts_figure(
                    place_counts(shown, place),
                    place,
                    t(f"insights.{place}_title"),
                    t(f"insights.axis_{place}"),
                    source,
                ),
            )
            chart(figure, f"insights_{place}", t(f"insights.{place}_alt"))


def subsector_shares(dataset: Dataset, filters: Filters, shown: pd.DataFrame) -> None:
    """Subsector shares of this dataset beside the official mapping's."""
    known = int((shown["subsector"] != "").sum())
    figure = shared(
        "insights_shares",
        dataset,
        filters,
        lambda: subsector_shares_figure(
            agg.subsector_shares(shown, dataset.sector_figures), t("insights.source_shares", known=known)
        ),
    )
    chart(figure, "insights_shares", t("insights.shares_alt"))
    st.caption(t("insights.shares_note", official=OFFICIAL_COMPANY_COUNT_2025, known=known))


def view(filters: Filters) -> None:
    """Everything the filters change: the count, the charts with their sources, the link to this view."""
    dataset = get_dataset()
    shown = apply_filters(dataset.companies, filters)
    total = len(dataset.companies)
    count_sentence(len(shown), total)
    st.caption(t("insights.computed_from", n=len(shown), total=total, official=OFFICIAL_COMPANY_COUNT_2025))
    source = t("insights.source_dataset", n=len(shown), total=total)
    if shown.empty:
        st.info(t("insights.empty"), icon=":material/search_off:")
    else:
        matrix(dataset, filters, shown, source)
        founding_years(dataset, filters, shown, source)
        places(dataset, filters, shown, source)
        subsector_shares(dataset, filters, shown)
    url = view_url("insights", filter_params(filters))
    share_panel(BriefView(t("brief.title", view=t("brief.view_insights")), filters, MapSettings(), url, "insights"))


filtered_page("insights", view)
