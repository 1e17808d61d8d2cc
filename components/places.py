"""Places (landmarks) as the pages show them: the key places' rows, shared per data version, and status badges."""

from __future__ import annotations

from atlas.filters import Filters
from atlas.loading import Dataset
from atlas.sites import key_sites
from atlas.strings import t
from components.cache import shared

STATUS_COLOURS = {"existing": "green", "planned": "orange", "under construction": "blue"}


def key_site_rows(dataset: Dataset) -> list[dict]:
    """The four key places in presentation order, as dicts, computed once per data version (pandas'
    iterrows over them cost a sixth of a Sites run)."""
    return shared("key_sites", dataset, Filters(), lambda: key_sites(dataset.landmarks).to_dict("records"))


def status_badge(status: str) -> str:
    """A place's status as a markdown badge (part of a larger markdown element: one element fewer to send)."""
    return f":{STATUS_COLOURS[status]}-badge[{t(f'sites.status_{status}')}]"
