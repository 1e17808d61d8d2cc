"""Overview: what the dashboard shows and for whom, key figures (computed and published), the key places."""

import streamlit as st

from atlas import aggregation as agg
from atlas.brief import BriefView
from atlas.filters import Filters
from atlas.map_layers import MapSettings
from atlas.sites import summary_sentence
from atlas.strings import t
from atlas.text import escape_markdown
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025
from components.data import get_dataset
from components.figures import published_metric
from components.kpi import kpi_tiles
from components.page import page_header, source_footer
from components.places import key_site_rows, status_badge
from components.share import share_panel, view_url

page_header("overview")
dataset = get_dataset()
companies = dataset.companies
st.markdown(t("overview.for_whom"))

st.header(t("overview.kpi_header"), anchor=False)
kpi_tiles(agg.kpis(companies))
with st.container(border=True):
    st.markdown(
        f"**{t('overview.covers_header')}.** "
        + t("overview.covers", n=len(companies), official=OFFICIAL_COMPANY_COUNT_2025)
    )
    st.page_link("pages/about.py", label=t("overview.covers_link"), icon=":material/info:")

st.header(t("overview.published_header"), anchor=False)
st.caption(t("overview.published_caption"))
for theme, ids in agg.OVERVIEW_FIGURE_IDS.items():
    st.subheader(t(f"overview.theme_{theme}"), anchor=False)
    with st.container(horizontal=True):
        for figure in agg.published_figures(dataset.sector_figures, ids):
            published_metric(figure)

st.header(t("overview.places_header"), anchor=False)
with st.container(horizontal=True):
    for site in key_site_rows(dataset):
        with st.container(border=True):  # one markdown element per place (each element sent costs a wake-up)
            st.markdown(
                f"**{escape_markdown(site['name'])}**\n\n{status_badge(site['status'])}\n\n"
                + escape_markdown(summary_sentence(site["description"]))
            )
st.page_link("pages/sites.py", label=t("overview.places_link"), icon=":material/location_city:")
st.page_link("pages/map.py", label=t("overview.map_link"), icon=":material/map:", query_params={"view": "south"})
share_panel(
    BriefView(t("brief.title", view=t("brief.view_overview")), Filters(), MapSettings(), view_url("", {}), "overview")
)
source_footer()
