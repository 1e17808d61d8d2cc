"""The frame every page shares: language picker, title with purpose and URL notes on top, sources footer below."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from atlas import formats
from atlas.filters import Filters
from atlas.strings import t
from atlas.text import escape_markdown
from components.filter_panel import NOTES_KEY, filter_panel, filtered_view, init_from_url
from components.language import apply_language, language_picker
from components.navigation import run_through_app

# Phones (the pages a QR code opens): layer pills wrap instead of scrolling sideways, the map leaves
# room for the page around it. Desktop layouts are untouched (narrow screens only).
PHONE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stButtonGroup"] [role="toolbar"] { flex-wrap: wrap; row-gap: 0.4rem; }
  [data-testid="stDeckGlJsonChart"] { height: min(640px, 70vh) !important; }
}
</style>"""


def page_header(page: str) -> None:
    """Language picker, title and one-line purpose of `page` (a key such as 'map'), then any URL notes."""
    run_through_app()
    apply_language()  # app.py did it already; again here for a page run on its own (AppTest)
    init_from_url()
    language_picker(head_html=PHONE_CSS)  # one element for both: each element sent costs the server a wake-up
    st.title(t(f"page.{page}.title"))
    st.caption(t(f"page.{page}.purpose"))
    for note in st.session_state.get(NOTES_KEY, []):
        st.info(escape_markdown(note), icon=":material/link_off:")


def count_sentence(shown: int, total: int) -> None:
    """'N of M companies' (numbers as the language writes them), wherever companies are listed."""
    st.markdown(f"**{t('count.companies', n=formats.number(shown), total=formats.number(total))}**")


def source_footer() -> None:
    """Short source and licence line, with a link to About the data."""
    st.divider()
    st.caption(t("footer.sources"))
    st.page_link("pages/about.py", label=t("footer.about"), icon=":material/info:")


def filtered_page(page: str, render: Callable[[Filters], None]) -> None:
    """A page that follows the sidebar filters: its header, `render` as the filtered view, the filter panel
    and the footer. The view goes to the browser first, so that its slowest code (the map's) starts loading
    before the rest is drawn; the header is then filled in above it, in a container kept at the top."""
    run_through_app()
    apply_language()  # the view is drawn before the header, which would otherwise set the language
    header = st.container()
    filtered_view(render)
    with header:
        page_header(page)
    filter_panel()
    source_footer()
