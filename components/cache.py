"""Caches of session-independent work (figures, map layers), keyed by the data version, the filters and the language.

A page run's figures depend only on the data, the filters (and other view settings) and the UI
language, never on who asks: one process computes each combination once and every session reuses it.
Entries are bounded (MAX_ENTRIES) so many filter combinations cannot grow memory without limit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar
from urllib.parse import urlencode

import streamlit as st

from atlas import strings
from atlas.filters import Filters, filter_params
from atlas.loading import Dataset, data_dir
from components.data import store_url

T = TypeVar("T")
MAX_ENTRIES = 256


def data_version(dataset: Dataset) -> str:
    """What identifies the dataset's content: the store, its version number, and the reference files' directory."""
    number = dataset.version.number if dataset.version else None
    return f"{store_url()}#{number}@{data_dir()}"


def filters_key(filters: Filters) -> str:
    """The filters as their canonical URL query string."""
    return urlencode(filter_params(filters), doseq=True)


def _language() -> str:
    """The UI language of this run (figures hold translated text); '' while the app has one language."""
    current = getattr(strings, "current_language", None)
    return current() if current else ""


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _memo(name: str, version: str, filters: str, language: str, extra: Hashable, _build: Callable[[], T]) -> T:
    return _build()


def shared(name: str, dataset: Dataset, filters: Filters, build: Callable[[], T], extra: Hashable = ()) -> T:
    """`build()` computed once per process for (name, data version, filters, language, extra); shared, never mutate it."""
    return _memo(name, data_version(dataset), filters_key(filters), _language(), extra, build)
