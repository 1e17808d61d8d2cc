"""Cached access to the dataset for pages; a broken data file becomes a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from atlas.filters import FilterOptions, filter_options
from atlas.loading import Dataset, data_dir, load_dataset
from atlas.strings import current_language, t
from atlas.text import escape_markdown
from atlas.validation import DataFileError


@st.cache_data(show_spinner=False)
def _cached_dataset(directory: str) -> Dataset:
    return load_dataset(Path(directory))


@st.cache_data(show_spinner=False)
def _cached_options(directory: str, language: str) -> FilterOptions:
    """Filter choices with labels in `language` (the cache holds one entry per language)."""
    return filter_options(_cached_dataset(directory).companies)


def get_dataset() -> Dataset:
    """The validated dataset, loaded once per process; stops the page with a clear error if invalid."""
    try:
        return _cached_dataset(str(data_dir()))
    except DataFileError as err:
        show_data_error(err)
        st.stop()


def get_filter_options() -> FilterOptions:
    """Choices for the filter panel, computed once per dataset and language."""
    get_dataset()
    return _cached_options(str(data_dir()), current_language())


def show_data_error(err: DataFileError) -> None:
    """Every problem of a broken data file, naming file, row and column."""
    lines = "\n".join(f"- {escape_markdown(str(p))}" for p in err.problems)
    more = f"\n\n{t('error.more_problems', n=err.more)}" if err.more else ""
    st.error(f"{t('error.data_body')}\n\n{lines}{more}", title=t("error.data_title"), icon=":material/error:")
