"""Companies: the filtered directory."""

import streamlit as st

from atlas.filters import apply_filters
from components.data import get_dataset
from components.filter_panel import filter_panel
from components.page import count_sentence, page_header, source_footer

page_header("companies")
dataset = get_dataset()
filters = filter_panel()
shown = apply_filters(dataset.companies, filters)
st.dataframe(shown[["name", "subsector", "niches", "founded_year", "town", "site"]], hide_index=True)
count_sentence(len(shown), len(dataset.companies))
source_footer()
