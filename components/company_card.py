"""The company card (the same on the Companies and Map pages), the directory table that opens it,
and the export of that table.

The open company is the URL parameter `company=<id>`: selecting a table row writes it, a link
carrying it opens the card, so a view with an open card can be shared.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import partial
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from atlas.export import directory_table, export_filename, to_csv, to_xlsx
from atlas.filters import Filters
from atlas.presentation import (
    location_summary,
    niche_labels,
    or_unknown,
    source_links,
    subsector_text,
    website_url,
)
from atlas.strings import t
from atlas.text import escape_markdown as md
from atlas.text import markdown_link
from atlas.vocabulary import NICHES, niche_label

COMPANY_PARAM = "company"
PAGE_SIZE = 250


def company_card(company: Mapping, landmarks: pd.DataFrame, *, link_to: str | None = None) -> None:
    """Render one company; `link_to` ('map' or 'companies') adds a link to it on that page."""
    with st.container(border=True, key=f"card_{company['id']}"):
        st.subheader(md(company["name"]), anchor=False)
        st.markdown(md(company["description"]) if company["description"] else f"*{t('card.no_description')}*")
        niches = niche_labels(company["niches"])
        st.markdown(
            " ".join(f":violet-badge[{md(n)}]" for n in niches) if niches else f"{t('card.niches')}: {t('value.none')}"
        )
        facts = {
            t("card.subsector"): subsector_text(company["subsector"]),
            t("card.founded"): or_unknown(company["founded_year"]),
            t("card.site"): or_unknown(company["site"], t("value.none")),
            t("card.town"): or_unknown(company["town"]),
            t("card.commune"): or_unknown(company["commune"]),
            t("card.canton"): or_unknown(company["canton"]),
            t("card.location"): location_summary(company, landmarks),
            t("card.address"): or_unknown(company["street_address"]),
            t("card.confidence"): company["confidence"],
        }
        st.markdown("\n".join(f"- **{k}:** {md(str(v))}" for k, v in facts.items()))
        if company["website"]:
            st.markdown(
                f"**{t('card.website')}:** {markdown_link(company['website'], website_url(company['website']))}"
            )
        if company["notes"]:
            st.markdown(f"**{t('card.notes')}:** {md(company['notes'])}")
        links = source_links(company["source_urls"])
        st.markdown(f"**{t('card.sources', n=len(links))}**")
        st.markdown("\n".join(f"{i}. {markdown_link(u, u)}" for i, u in enumerate(links, start=1)))
        if link_to:
            st.page_link(
                f"pages/{link_to}.py",
                label=t(f"card.link_{link_to}"),
                icon=":material/map:" if link_to == "map" else ":material/table:",
                query_params={COMPANY_PARAM: company["id"]},
            )


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
    rows = _page_rows(directory_table(companies), view_key)
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
            "name": st.column_config.TextColumn(t("companies.col.name"), pinned=True),
            "website": st.column_config.LinkColumn(
                t("companies.col.website"), display_text=r"https?://(?:www\.)?([^/]+)"
            ),
            "niches": st.column_config.MultiselectColumn(
                t("companies.col.niches"), options=list(NICHES), format_func=niche_label, color="auto"
            ),
            "subsector": st.column_config.TextColumn(t("companies.col.subsector")),
            "founded": st.column_config.NumberColumn(t("companies.col.founded"), format="%d"),
            "town": st.column_config.TextColumn(t("companies.col.town")),
            "canton": st.column_config.TextColumn(t("companies.col.canton")),
            "site": st.column_config.TextColumn(t("companies.col.site")),
            "confidence": st.column_config.TextColumn(
                t("companies.col.confidence"), help=t("companies.col.confidence_help")
            ),
        },
        alt=t("companies.table_alt"),
    )
    st.caption(t("companies.select_hint"))


def view_url(page: str, params: dict[str, list[str] | str]) -> str:
    """The absolute URL of `page` with `params` (relative when the browser's URL is not known)."""
    parts = urlsplit(st.context.url or "")
    base = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    query = urlencode(params, doseq=True)
    return f"{base}/{page}" + (f"?{query}" if query else "")


def export_panel(companies: pd.DataFrame, about: list[tuple[str, str]], filters: Filters, url: str) -> None:
    """CSV and XLSX downloads of `companies` (built only when clicked) and the link to this view."""
    st.subheader(t("companies.export_header"), anchor=False)
    csv_col, xlsx_col = st.columns(2, width=520)
    csv_col.download_button(
        t("export.csv"),
        data=lambda: to_csv(companies, about),
        file_name=export_filename(filters, "csv"),
        mime="text/csv",
        help=t("export.csv_help"),
        icon=":material/download:",
        on_click="ignore",
    )
    xlsx_col.download_button(
        t("export.xlsx"),
        data=lambda: to_xlsx(companies, about),
        file_name=export_filename(filters, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help=t("export.xlsx_help"),
        icon=":material/table_view:",
        on_click="ignore",
    )
    st.markdown(f"**{t('companies.copy_link')}**", help=t("companies.copy_link_help"))
    st.code(url, language=None, wrap_lines=True)
