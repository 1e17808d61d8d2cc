"""Links to a view: the public base URL (setting, browser, fallback) and page URLs; QR codes."""

import re
from pathlib import Path

from atlas.qr import qr_png, qr_svg
from atlas.urlstate import (
    FALLBACK_BASE_URL,
    PAGE_PATHS,
    PUBLIC_URL_ENV,
    page_url,
    public_base_url,
    unknown_params,
)


def test_public_base_url_prefers_the_setting():
    env = {PUBLIC_URL_ENV: "https://atlas.example.lu/"}
    assert public_base_url("http://127.0.0.1:8501", env) == "https://atlas.example.lu"


def test_public_base_url_falls_back_to_the_browser_then_localhost():
    assert public_base_url("http://192.168.1.20:8501", {}) == "http://192.168.1.20:8501"
    assert public_base_url("https://host.lu/atlas/", {}) == "https://host.lu/atlas"
    assert public_base_url(None, {}) == FALLBACK_BASE_URL
    assert public_base_url("javascript:alert(1)", {}) == FALLBACK_BASE_URL


def test_page_url():
    base = "https://atlas.example.lu"
    assert page_url(base, "overview") == base
    assert page_url(base, "", {}) == base
    assert page_url(base, "map", {"view": "south", "niche": ["a", "b"]}) == f"{base}/map?view=south&niche=a&niche=b"
    assert page_url(base, "companies", {"q": "Cité & co", "site": []}) == f"{base}/companies?q=Cit%C3%A9+%26+co"


def test_presenter_parameters_are_known():
    assert unknown_params(["story", "slide", "notes", "utm_source"]) == ["utm_source"]


def test_qr_codes_are_made_offline():
    svg = qr_svg("https://atlas.example.lu/map?view=south")
    assert svg.startswith("<svg") and "</svg>" in svg
    assert qr_png("https://atlas.example.lu").startswith(b"\x89PNG")


def test_public_base_url_drops_the_page_of_a_session_opened_on_a_deep_link():
    # st.context.url is the address the session was opened with: /map, or /atlas/present behind a portal
    assert public_base_url("http://127.0.0.1:8501/map", {}) == "http://127.0.0.1:8501"
    assert public_base_url("https://portal.example.lu/atlas/present/", {}) == "https://portal.example.lu/atlas"
    assert public_base_url("https://portal.example.lu/atlas", {}) == "https://portal.example.lu/atlas"
    assert page_url(public_base_url("http://127.0.0.1:8501/map", {}), "map", {"view": "south"}) == (
        "http://127.0.0.1:8501/map?view=south"
    )


def test_page_paths_are_the_url_paths_of_app_py():
    """PAGE_PATHS must name every page app.py serves under its own path (else links from it double the page)."""
    app = (Path(__file__).resolve().parent.parent / "app.py").read_text(encoding="utf-8")
    assert set(re.findall(r'url_path="([^"]+)"', app)) == PAGE_PATHS
