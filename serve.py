"""Serving entry point: `streamlit run serve.py` serves app.py, and each page's link connects at once.

Opened at a page's link such as /map (a QR code, a shared view), Streamlit's browser client first looks
for the server under that path: /map/_stcore/health and /map/_stcore/host-config answer 404 (two errors in
the browser console), and it tries the root 100 ms later. Here the app's page URLs are answered with
Streamlit's own index.html plus one line that tells the client where the server is
(`window.__streamlit.BACKEND_BASE_URL`, the setting Streamlit reads for a page that hosts it), so it
connects on its first try. Every other path, and everything else, is Streamlit's (`st.App`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config
from streamlit.file_util import get_static_dir

REPO = Path(__file__).resolve().parent
# The URL path of each page: app.py's default page at the root, every other page by its file's name.
PAGE_PATHS = ("", *sorted(p.stem for p in (REPO / "pages").glob("*.py") if p.stem != "overview"))


def client_setting_script(page_path: str) -> str:
    """The script that sets the client's server address: the page's URL less `page_path`, so that it also
    holds behind a proxy that serves the app under a path prefix."""
    return (
        "<script>(() => { const path = window.location.pathname.replace(/\\/+$/, '');"
        f" window.__streamlit = {{ BACKEND_BASE_URL: window.location.origin + path.slice(0, path.length - {len(page_path)}) }};"
        " })();</script>"
    )


def with_client_setting(index_html: str, page_path: str) -> str:
    """Streamlit's index.html with the client's server address set first thing in its <head>."""
    head = index_html.index("<head>") + len("<head>")
    return index_html[:head] + client_setting_script(page_path) + index_html[head:]


@cache
def page_html(page_path: str) -> str:
    """The index.html served at `page_path` (read once per page)."""
    index_html = (Path(get_static_dir()) / "index.html").read_text(encoding="utf-8")
    return with_client_setting(index_html, page_path)


def page_route(page_path: str) -> Route:
    """The route of one page's URL (under server.baseUrlPath, when set)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    url = "/" + "/".join(part for part in (base, page_path) if part)

    async def serve_page(request: Request) -> HTMLResponse:
        return HTMLResponse(page_html(page_path), headers={"Cache-Control": "no-cache"})

    return Route(url, serve_page, methods=["GET", "HEAD"], name=f"page:{page_path or 'overview'}")


app = st.App(str(REPO / "app.py"), routes=[page_route(path) for path in PAGE_PATHS])
