"""Which URL parameters the app knows (everything else is ignored with a note), and the links to a view.

The shared filters own FILTER_PARAMS; a page that reads parameters of its own lists them in
PAGE_PARAMS under its url_path. Links and QR codes start from the public base URL: the
HEALTHTECH_PUBLIC_URL setting when set (a projector laptop's localhost is no use to a phone),
else the address the browser used, else http://localhost:8501.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit

from atlas.filters import FILTER_PARAMS

LANGUAGE_PARAM = "lang"  # en, fr or de on every page; paths and other values never change with it

PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "map": ("view", "layers", "near", "radius", "color", "company"),
    "companies": ("company", "location"),
    "present": ("story", "slide", "notes"),
}

KNOWN_PARAMS = frozenset((*FILTER_PARAMS, LANGUAGE_PARAM)).union(*PAGE_PARAMS.values())

# The url_path of every page but the home page (app.py): a session opened on a deep link has it in its URL.
PAGE_PATHS = frozenset(("map", "companies", "insights", "sites", "about", "present", "manage"))

PUBLIC_URL_ENV = "HEALTHTECH_PUBLIC_URL"
FALLBACK_BASE_URL = "http://localhost:8501"


def unknown_params(keys: Iterable[str]) -> list[str]:
    """The URL parameters the app does not know, in their order."""
    return [k for k in keys if k not in KNOWN_PARAMS]


def public_base_url(browser_url: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The base of every shared link, without a trailing slash (see the module docstring)."""
    configured = environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(browser_url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        path = parts.path.rstrip("/")
        head, _, last = path.rpartition("/")
        if last in PAGE_PATHS:  # the session was opened on a page's deep link: /map, /atlas/present
            path = head
        return f"{parts.scheme}://{parts.netloc}{path}"
    return FALLBACK_BASE_URL


def page_url(base: str, page: str, params: Mapping[str, str | list[str]] | None = None) -> str:
    """The absolute URL of an app page ('' or 'overview' is the home page) with its query parameters."""
    path = "" if page in ("", "overview") else f"/{page}"
    query = urlencode({k: v for k, v in (params or {}).items() if v not in (None, "", [])}, doseq=True)
    return f"{base.rstrip('/')}{path}" + (f"?{query}" if query else "")
