"""serve.py: the app's page URLs answer Streamlit's index.html with the client's server address set, so that
a page's link (a QR code to /map) connects on the first try, with no 404 probe under the page's path."""

from __future__ import annotations

import urllib.request

import pytest
from streamlit.testing.v1 import AppTest

import serve
from atlas.strings import t
from tests.conftest import PagesKeptAcrossRuns
from tests.e2e import REPO, StreamlitServer, open_app

MINIMAL_INDEX = "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"


def assert_connects_without_probing(page, server_url: str, path: str, expect_text: str) -> None:
    """Open `path` (a page's link) first: the client asks the app's root, never under the page's own path."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, f"{server_url}/{path}", expect_text)
    page_path = path.split("?")[0]
    assert [url for url in requests if f"/{page_path}/_stcore/" in url] == []
    assert f"{server_url}/_stcore/health" in requests
    page.problems.assert_clean()


def test_the_served_pages_are_the_pages_app_py_registers():
    AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    registered = PagesKeptAcrossRuns.registered[str(REPO / "app.py")]
    assert sorted(serve.PAGE_PATHS) == sorted(page["url_pathname"] for page in registered.values())


def test_the_client_setting_comes_first_in_the_head_and_the_rest_is_unchanged():
    html = serve.with_client_setting(MINIMAL_INDEX, "map")
    script = serve.client_setting_script("map")
    assert html == MINIMAL_INDEX.replace("<head>", "<head>" + script)
    assert "path.length - 3" in script  # "/map" less "map" leaves the app's root


def test_streamlits_own_index_html_is_served_with_the_setting_at_every_page_url(server):
    for path in serve.PAGE_PATHS:
        with urllib.request.urlopen(f"{server.url}/{path}", timeout=10) as response:
            body = response.read().decode("utf-8")
            assert response.headers["Cache-Control"] == "no-cache"
        assert body.startswith(serve.page_html(path)[:200])
        assert serve.client_setting_script(path) in body
        assert '<div id="root"></div>' in body  # Streamlit's page, not a stub
    with urllib.request.urlopen(f"{server.url}/favicon.png", timeout=10) as response:  # other paths: Streamlit's
        assert response.headers["Content-Type"] == "image/png"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("url", "page_path", "address"),
    [
        ("http://atlas.test/map?niche=x", "map", "http://atlas.test/"),
        ("http://atlas.test/", "", "http://atlas.test"),
        ("http://portal.test/health/atlas/companies/", "companies", "http://portal.test/health/atlas/"),
        ("http://portal.test/health/atlas", "", "http://portal.test/health/atlas"),
    ],
)
def test_the_server_address_is_the_page_url_less_the_page_behind_a_path_prefix_too(page, url, page_path, address):
    page.route("**/*", lambda route: route.fulfill(body=serve.with_client_setting(MINIMAL_INDEX, page_path)))
    page.goto(url)
    assert page.evaluate("window.__streamlit.BACKEND_BASE_URL") == address


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "expect_text"),
    [
        ("map?niche=neurodegenerative-diseases", "4 of 52 companies"),
        ("companies", t("page.companies.purpose")),
        ("about", t("page.about.purpose")),
    ],
)
def test_a_pages_link_connects_without_probing_under_the_pages_path(server, page, path, expect_text):
    assert_connects_without_probing(page, server.url, path, expect_text)


@pytest.mark.browser
def test_under_a_base_url_path_a_pages_link_connects_without_probing_too(page):
    server = StreamlitServer(base_url_path="atlas")  # server.baseUrlPath, as a portal may set it
    try:
        assert server.url.endswith("/atlas")
        assert_connects_without_probing(page, server.url, "map?niche=neurodegenerative-diseases", "4 of 52 companies")
    finally:
        server.stop()
