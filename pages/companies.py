"""Companies: the filtered directory, the card of the selected company, and the export of the view."""

from urllib.parse import urlencode

import streamlit as st

from atlas.aggregation import empty_filter_values
from atlas.brief import BriefView
from atlas.export import about_rows, filter_rows
from atlas.filters import Filters, apply_filters, by_location, filter_params, parse_location
from atlas.map_layers import MapSettings
from atlas.strings import t
from atlas.text import escape_markdown
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025
from components.company_card import COMPANY_PARAM, company_card
from components.data import get_dataset, get_filter_options
from components.directory import directory, open_company_id
from components.export_panel import export_panel
from components.page import count_sentence, filtered_page
from components.share import view_url


def view(filters: Filters) -> None:
    """Everything the filters change: the count, the directory, the open card and the export of the view."""
    dataset, options = get_dataset(), get_filter_options()
    companies = dataset.companies
    location, notes = parse_location(st.query_params.get("location"))
    shown = by_location(apply_filters(companies, filters), location)
    params = filter_params(filters) | ({"location": location} if location else {})
    for note in notes:
        st.info(escape_markdown(note), icon=":material/link_off:")
    if location:
        st.info(t(f"companies.location_{location}"), icon=":material/location_off:")
    count_sentence(len(shown), len(companies))

    if shown.empty:
        empty = empty_filter_values(companies, filters)
        reasons = [t(f"companies.empty_{param}", label=options.labels(param)[slug]) for param, slug in empty] or [
            t("companies.empty_generic", filters="; ".join(f"{k}: {v}" for k, v in filter_rows(filters, options)))
        ]
        coverage = t("companies.empty_coverage", n=len(companies), official=OFFICIAL_COMPANY_COUNT_2025)
        st.info(escape_markdown(" ".join([*reasons, coverage])), icon=":material/search_off:")
    else:
        directory(shown, view_key=urlencode(params, doseq=True))

    opened = open_company_id()
    if opened:
        match = companies[companies["id"] == opened]
        if match.empty:
            st.warning(escape_markdown(t("companies.unknown_company", id=opened)), icon=":material/link_off:")
        else:
            if opened not in set(shown["id"]):
                st.caption(t("companies.not_in_view"))
            company_card(match.iloc[0], dataset.landmarks, link_to="map")

    url = view_url("companies", {**params, **({COMPANY_PARAM: opened} if opened else {})})
    about = about_rows(filters, options, len(shown), len(companies), url, version=dataset.version)
    brief = BriefView(t("brief.title", view=t("brief.view_companies")), filters, MapSettings(), url, "companies")
    export_panel(shown, about, filters, brief, version=dataset.version.number)


filtered_page("companies", view)
