"""The app's own navigation (app.py) for every visitor, including a process's first, arriving by a page's link.

Streamlit takes a `pages/` folder beside the entry script for its legacy list of pages until a run calls
st.navigation. When the first session of a process opens a page's link (say a QR code to /map),
Streamlit runs pages/map.py alone under that legacy list: file names in a sidebar menu, and app.py
never runs, so it stays that way for every later session of the process. Each page therefore checks,
as it starts, that the run came through app.py, and reruns through it when not (the page, found by its
URL path, and the URL parameters stay the same).

Streamlit's own guide names the folder `app_pages/` for this reason; the project's layout keeps `pages/`.
`PagesManager.uses_pages_directory` is Streamlit's internal switch (streamlit is pinned in requirements.txt;
tests/test_browser_pages.py fails if an upgrade changes how it works).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def run_through_app() -> None:
    """Rerun through app.py's navigation when Streamlit ran this page from its legacy `pages/` list."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False  # what st.navigation itself sets
        st.rerun()
