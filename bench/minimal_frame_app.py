"""Baseline for the filter-change and map benchmarks: the frame of an Atlas page without the Atlas.

A multipage app with eight pages in the top navigation; the default page has a niche multiselect in the
sidebar and a count sentence, as the minimal one-multiselect app has. BENCH_FRAME_VIEW chooses what follows
the count: nothing (unset), `grid` (a selectable data grid of SYNTHETIC rows that follows the filter, as the
Companies directory does) or `map` (bench/minimal_pydeck_app.py's one-layer chart). It shows what Streamlit
itself costs the shape of page that issue 11 measures.
"""

import os

import pandas as pd
import streamlit as st
from minimal_pydeck_app import one_layer_deck  # a sibling file: Streamlit puts the script's folder on sys.path

NICHES = ["Digital health", "Neurodegenerative diseases"]
ROW_COUNT = 130  # about the number of companies the Companies directory lists
PAGES = ("Map", "Insights", "Sites", "Present", "About the data", "Manage data", "Overview")
SYNTHETIC_ROWS = pd.DataFrame(
    {
        "name": [f"Synthetic company {i}" for i in range(ROW_COUNT)],
        "niche": [NICHES[i % 2] for i in range(ROW_COUNT)],
        "founded": [1990 + i % 36 for i in range(ROW_COUNT)],
    }
)


def filtered_page() -> None:
    """The sidebar multiselect, the count sentence and the view BENCH_FRAME_VIEW names."""
    chosen = st.sidebar.multiselect("Niche", NICHES, default=NICHES[:1])
    st.write(f"{len(chosen)} of 2 chosen")
    view = os.environ.get("BENCH_FRAME_VIEW")
    if view == "grid":
        rows = SYNTHETIC_ROWS[SYNTHETIC_ROWS["niche"].isin(chosen)].reset_index(drop=True)
        st.dataframe(rows, hide_index=True, on_select="rerun", selection_mode="single-row", key=f"grid_{chosen}")
    elif view == "map":
        st.pydeck_chart(one_layer_deck())


def other_page(title: str) -> st.Page:
    """A page of the navigation that only says its title."""
    return st.Page(lambda: st.write(title), title=title, url_path=title.lower().replace(" ", "-"))


st.navigation([st.Page(filtered_page, title="Companies", default=True), *map(other_page, PAGES)], position="top").run()
