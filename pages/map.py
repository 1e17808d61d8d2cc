"""Map: the key places, the other sites and the companies, offline; click for a card."""

import streamlit as st

from atlas.brief import BriefView
from atlas.filters import Filters, apply_filters, filter_params
from atlas.map_layers import map_params
from atlas.strings import t
from components import map_view
from components.company_card import company_card
from components.data import get_dataset
from components.page import count_sentence, filtered_page
from components.share import share_panel, view_url


def view(filters: Filters) -> None:
    """Everything the filters change: the map with its controls and legend, the count, the open card, the
    distance table and the link to this view."""
    dataset = get_dataset()
    shown = apply_filters(dataset.companies, filters)
    settings = map_view.map_settings(dataset)

    st.markdown(t("map.description"))
    online = map_view.top_controls()
    deck, figures = map_view.cached_deck(dataset, filters, shown, settings, online)
    map_col, legend_col = st.columns([3, 1])
    with map_col:
        map_view.show_map(deck, figures)
        st.caption(t("map.click_hint"))
    with legend_col:
        map_view.legend(settings, figures)

    count_sentence(len(shown), len(dataset.companies))
    map_view.location_notes(shown, filter_params(filters))

    if company := map_view.selected_company(dataset.companies):
        company_card(company, dataset.landmarks, link_to="companies")
    elif site := map_view.selected_site(dataset.landmarks):
        map_view.site_card(site)

    map_view.proximity_controls(dataset.landmarks)
    map_view.proximity_table(dataset, filters, shown, settings)
    url = view_url("map", filter_params(filters) | map_params(settings))
    share_panel(BriefView(t("brief.title", view=t("brief.view_map")), filters, settings, url, "map"))


filtered_page("map", view)
