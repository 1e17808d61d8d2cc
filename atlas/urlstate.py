"""Which URL parameters the app knows; everything else is ignored with a note.

The shared filters own FILTER_PARAMS; a page that reads parameters of its own lists them in
PAGE_PARAMS under its url_path.
"""

from __future__ import annotations

from collections.abc import Iterable

from atlas.filters import FILTER_PARAMS

LANGUAGE_PARAM = "lang"  # en, fr or de on every page; paths and other values never change with it

PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "map": ("view", "layers", "near", "radius", "color", "company"),
    "companies": ("company", "location"),
}

KNOWN_PARAMS = frozenset((*FILTER_PARAMS, LANGUAGE_PARAM)).union(*PAGE_PARAMS.values())


def unknown_params(keys: Iterable[str]) -> list[str]:
    """The URL parameters the app does not know, in their order."""
    return [k for k in keys if k not in KNOWN_PARAMS]
