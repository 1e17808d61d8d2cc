"""The companies directory: a table sorted by name, paged when long, whose selected row opens a card.

The open company is the URL parameter `company=<id>`: selecting a row writes it and a link carrying
it opens the card, so a view with an open card can be shared.
"""

from __future__ import annotations

import math
from functools import partial

import pandas as pd
import streamlit as st

from atlas.export import directory_table
from atlas.strings import t
from atlas.vocabulary import NICHES, niche_label
from components.company_card import COMPANY_PARAM

PAGE_SIZE = 250


def open_company_id() -> str | None:
    """The id of the company whose card the URL opens, if any."""
    return st.query_params.get(COMPANY_PARAM) or None


def _on_select(key: str, ids: list[str]) -> None:
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params[COMPANY_PARAM] = ids[rows[0]]
    elif COMPANY_PARAM in st.query_params:
        del st.query_params[COMPANY_PARAM]


def _page_rows(table: pd.DataFrame, view_key: str) -> pd.DataFrame:
    """One page of PAGE_SIZE rows, with a page picker when there is more than one page."""
    pages = math.ceil(len(table) / PAGE_SIZE)
    if pages <= 1:
        return table
    number = st.number_input(t("companies.page"), 1, pages, 1, key=f"page_{view_key}", width=160)
    first = (number - 1) * PAGE_SIZE
    st.caption(
        t("companies.page_note", first=first + 1, last=min(first + PAGE_SIZE, len(table)), n=len(table), pages=pages)
    )
    return table.iloc[first : first + PAGE_SIZE].reset_index(drop=True)


def directory(companies: pd.DataFrame, view_key: str) -> None:
    """The companies as a table sorted by name (paged above PAGE_SIZE rows); selecting a row opens its card."""
    rows = directory_table(_page_rows(companies, view_key))  # build the display table for one page only
    ids = rows["id"].tolist()
    key = f"directory_{view_key}_{st.session_state.get(f'page_{view_key}', 1)}"
    opened = open_company_id()
    st.dataframe(
        rows,
        key=key,
        hide_index=True,
        on_select=partial(_on_select, key, ids),
        selection_mode="single-row",
        selection_default={"selection": {"rows": [ids.index(opened)]}} if opened in ids else None,
        placeholder=t("value.unknown"),
        column_order=["name", "website", "niches", "subsector", "founded", "town", "canton", "site", "confidence"],
        column_config={
            "name": st.column_config.TextColumn(t("companies.col.name"), pinned=True, width=230),
            "website": st.column_config.LinkColumn(
                t("companies.col.website"), display_text=r"https?://(?:www\.)?([^/]+)", width=140
            ),
            "niches": st.column_config.MultiselectColumn(
                t("companies.col.niches"), options=list(NICHES), format_func=niche_label, color="auto", width=230
            ),
            "subsector": st.column_config.TextColumn(t("companies.col.subsector"), width=170),
            "founded": st.column_config.NumberColumn(t("companies.col.founded"), format="%d"),
            "town": st.column_config.TextColumn(t("companies.col.town")),
            "canton": st.column_config.TextColumn(t("companies.col.canton")),
            "site": st.column_config.TextColumn(t("companies.col.site"), width=150),
            "confidence": st.column_config.TextColumn(
                t("companies.col.confidence"), help=t("companies.col.confidence_help")
            ),
        },
        alt=t("companies.table_alt"),
    )
    st.caption(t("companies.select_hint") + " " + t("companies.source_language"))
