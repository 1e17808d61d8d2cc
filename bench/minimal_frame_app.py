"""Baseline for the Companies filter-change benchmark: the frame of an Atlas page without the Atlas.

A multipage app with eight pages in the top navigation; the default page has the niche multiselect in the
sidebar and a count sentence, as the minimal one-multiselect app has. With BENCH_FRAME_GRID=1 the count is
followed by a selectable data grid of SYNTHETIC rows that follows the filter, as the Companies directory
does. It shows what Streamlit itself costs a filter change for the shape of page issue 11 measures.
"""

import os

import pandas as pd
import streamlit as st

NICHES = ["Digital health", "Neurodegenerative diseases"]
PAGES = ("Map", "Insights", "Sites", "Present", "About the data", "Manage data", "Overview")
SYNTHETIC_ROWS = pd.DataFrame(
    {
        "name": [f"Synthetic company {i}" for i in range(130)],
        "niche": [NICHES[i % 2] for i in range(130)],
        "founded": [1990 + i % 36 for i in range(130)],
    }
)


def filtered_page() -> None:
    """The sidebar multiselect, the count sentence and (BENCH_FRAME_GRID=1) the grid of the chosen rows."""
    chosen = st.sidebar.multiselect("Niche", NICHES, default=NICHES[:1])
    st.write(f"{len(chosen)} of 2 chosen")
    if os.environ.get("BENCH_FRAME_GRID") == "1":
        rows = SYNTHETIC_ROWS[SYNTHETIC_ROWS["niche"].isin(chosen)].reset_index(drop=True)
        st.dataframe(rows, hide_index=True, on_select="rerun", selection_mode="single-row", key=f"grid_{chosen}")


def other_page(title: str) -> st.Page:
    """A page of the navigation that only says its title."""
    return st.Page(lambda: st.write(title), title=title, url_path=title.lower().replace(" ", "-"))


st.navigation([st.Page(filtered_page, title="Companies", default=True), *map(other_page, PAGES)], position="top").run()
