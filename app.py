"""Luxembourg HealthTech Atlas: entry point (language, page config, theme from .streamlit/, navigation)."""

import streamlit as st

from atlas.strings import t
from components.filter_panel import VIEW_DRAWN_KEY, init_from_url
from components.language import apply_language

apply_language()
st.set_page_config(page_title=t("app.title"), page_icon="assets/icon.png", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title=t("page.overview.title"), icon=":material/dashboard:", default=True),
    st.Page("pages/map.py", title=t("page.map.title"), icon=":material/map:", url_path="map"),
    st.Page("pages/companies.py", title=t("page.companies.title"), icon=":material/table:", url_path="companies"),
    st.Page("pages/insights.py", title=t("page.insights.title"), icon=":material/bar_chart:", url_path="insights"),
    st.Page("pages/sites.py", title=t("page.sites.title"), icon=":material/location_city:", url_path="sites"),
    st.Page("pages/about.py", title=t("page.about.title"), icon=":material/info:", url_path="about"),
    st.Page("pages/present.py", title=t("page.present.title"), icon=":material/slideshow:", url_path="present"),
    st.Page("pages/manage.py", title=t("page.manage.title"), icon=":material/edit_note:", url_path="manage"),
]

page = st.navigation(PAGES, position="top")
init_from_url()
st.session_state[VIEW_DRAWN_KEY] = False  # until the page draws its filtered view again
page.run()
