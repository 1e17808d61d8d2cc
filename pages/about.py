"""About the data: sources, licences and dates, coverage, completeness, placement rules, corrections."""

import pandas as pd
import streamlit as st

from atlas import formats
from atlas.aggregation import published_figure
from atlas.geography import LOCALITY_COMMUNES
from atlas.loading import data_dir
from atlas.presentation import version_lines
from atlas.quality import completeness, verified_since
from atlas.strings import t
from atlas.text import escape_markdown, markdown_link
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025
from components.data import get_dataset, store_dialect
from components.page import page_header, source_footer

OFFICIAL_COUNT_ID = "healthtech-entities-companies-mapped-2025-mapping"

page_header("about")
dataset = get_dataset()
companies = dataset.companies
version = dataset.version

st.header(t("version.header"), anchor=False)
st.metric(t("version.metric"), f"{version.number}", border=True, width="content")
st.markdown("\n".join(f"- {escape_markdown(line)}" for line in version_lines(version)))
st.caption(t("version.store", dialect=store_dialect()))

st.header(t("about.coverage"), anchor=False)
official = published_figure(dataset.sector_figures, OFFICIAL_COUNT_ID)
st.metric(
    t("about.coverage_metric"),
    f"{len(companies)}",
    help=t("about.coverage_of", official=official.value),
    border=True,
    width="content",
)
st.markdown(t("about.coverage_of", official=official.value))
st.markdown(
    t(
        "about.coverage_source",
        figure=official.figure,
        year=official.year,
        link=markdown_link(official.source_url, official.source_url),
    )
)

verification = verified_since(companies)
st.metric(t("verified.metric"), f"{verification.recent}", border=True, width="content")
st.markdown(
    t(
        "verified.text",
        recent=verification.recent,
        n=len(companies),
        since=formats.day(verification.since),
        unrecorded=verification.unrecorded,
    )
)

st.subheader(t("about.gaps"), anchor=False)
st.markdown(
    t(
        "about.gap_list",
        n=len(companies),
        official=OFFICIAL_COMPANY_COUNT_2025,
        no_year=int(companies["founded_year"].isna().sum()),
        no_place=int((companies["location_precision"] == "unknown").sum()),
    )
)

st.header(t("about.files"), anchor=False)
st.markdown(t("about.files_intro", path=f"`{data_dir()}`"))
st.dataframe(
    dataset.sources,
    column_config={
        "file": t("about.col_file"),
        "title": t("about.col_title"),
        "origin": st.column_config.TextColumn(t("about.col_origin"), width="large"),
        "licence": t("about.col_licence"),
        "edition": t("about.col_edition"),
        "copied": t("about.col_copied"),
        "url": st.column_config.LinkColumn(t("about.col_url"), display_text=r"https?://(?:www\.)?([^/]+).*"),
    },
    hide_index=True,
    key="sources_table",
)

st.header(t("about.completeness"), anchor=False)
st.caption(t("about.completeness_caption", n=len(companies)))
field_table = completeness(companies)
field_table["field"] = [t(f"about.field_{f}") for f in field_table["field"]]
st.dataframe(
    field_table,
    column_config={
        "field": t("about.col_field"),
        "known": st.column_config.NumberColumn(t("about.col_known"), format="%d"),
        "share": st.column_config.ProgressColumn(t("about.col_share"), format="percent", min_value=0, max_value=1),
    },
    hide_index=True,
    key="completeness_table",
)

st.header(t("about.locations"), anchor=False)
st.markdown(t("about.locations_text"))
st.dataframe(
    pd.DataFrame(
        [(loc, commune, t(reason)) for loc, (commune, reason) in LOCALITY_COMMUNES.items()],
        columns=[t("about.col_locality"), t("about.col_commune"), t("about.col_reason")],
    ),
    hide_index=True,
    key="localities_table",
)

st.header(t("about.corrections"), anchor=False)
st.markdown(t("about.corrections_text"))

source_footer()
