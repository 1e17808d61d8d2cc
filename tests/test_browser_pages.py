"""Every page in headless chromium: it renders, with no console error and no failed request."""

import pytest

from atlas.strings import t
from tests.e2e import DONE_SELECTOR, StreamlitServer, open_app

pytestmark = pytest.mark.browser

PAGES = [
    ("", "overview"),
    ("map", "map"),
    ("companies", "companies"),
    ("insights", "insights"),
    ("sites", "sites"),
    ("about", "about"),
]


@pytest.mark.parametrize(("path", "key"), PAGES)
def test_page_renders_cleanly(server, page, path, key):
    open_app(page, f"{server.url}/", t("page.overview.title"))
    open_app(page, f"{server.url}/{path}", t(f"page.{key}.purpose"))
    page.wait_for_timeout(300)
    page.problems.assert_clean()


def test_deep_link_reproduces_filter_and_count(server, page):
    open_app(page, f"{server.url}/", t("page.overview.title"))
    open_app(page, f"{server.url}/companies?niche=neurodegenerative-diseases", "4 of 52 companies")
    page.get_by_role("button", name="Remove Neurodegenerative diseases").wait_for()
    page.problems.assert_clean()


@pytest.mark.parametrize("path", ["companies?niche=neurodegenerative-diseases", "map?niche=neurodegenerative-diseases"])
def test_a_new_process_first_opened_by_a_pages_link_shows_the_app_navigation(page, path):
    """A QR code's link can be the first visit a new app process gets: the app's menu, title and filters must be
    there, and stay there for the next visitors (Streamlit would otherwise list the files of pages/ instead)."""
    server = StreamlitServer()  # a fresh process: no session has run app.py yet
    try:
        for _ in range(2):  # the first visitor, then the next one
            open_app(page, f"{server.url}/{path}", "4 of 52 companies")
            page.wait_for_selector(DONE_SELECTOR)
            assert page.locator('[data-testid="stTopNavLink"]').count() == 8
            assert page.locator('[data-testid="stSidebarNav"]').count() == 0
            assert page.title() == t("app.title")
        page.problems.assert_clean()
    finally:
        server.stop()


def test_filters_survive_page_switch(server, page):
    open_app(page, f"{server.url}/companies?niche=neurodegenerative-diseases", "4 of 52 companies")
    page.get_by_role("link", name=t("page.insights.title")).first.click()
    page.get_by_text("4 of 52 companies").wait_for()
    assert "niche=neurodegenerative-diseases" in page.url
    page.problems.assert_clean()
