"""Cached access to the dataset for pages; a broken data file or store becomes a message, not a traceback.

The dataset is cached per store version. Every process asks the store for the latest version number at
most every `VERSION_POLL_SECONDS` (one cheap query), so a version published anywhere shows here within
that time, without a restart; `refresh_version()` makes the publishing session see its version at once.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
import streamlit as st

from atlas.filters import FilterOptions, filter_options
from atlas.loading import Dataset, data_dir, load_dataset, seed_store
from atlas.store import DATABASE_URL_ENV, Store, database_url
from atlas.strings import current_language, t
from atlas.text import escape_markdown
from atlas.validation import DataFileError

VERSION_POLL_SECONDS = 5
CONNECTION_NAME = "atlas"  # [connections.atlas] in .streamlit/secrets.toml


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """The store at `url`, opened (and migrated) once per process."""
    return Store(url)


def store_url() -> str:
    """$HEALTHTECH_DATABASE_URL, else [connections.atlas] of .streamlit/secrets.toml, else the default SQLite file."""
    if os.environ.get(DATABASE_URL_ENV, "").strip() or not _has_secret_connection():
        return database_url()
    engine = st.connection(CONNECTION_NAME, type="sql").engine
    return engine.url.render_as_string(hide_password=False)


def store_dialect() -> str:
    """The kind of database in use, for people: 'SQLite' or 'PostgreSQL'."""
    name = sa.make_url(store_url()).get_backend_name()
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(name, name)


def _has_secret_connection() -> bool:
    try:
        return st.secrets.load_if_toml_exists() and CONNECTION_NAME in st.secrets.get("connections", {})
    except Exception:  # an unreadable secrets file means no configured connection
        return False


@st.cache_data(ttl=VERSION_POLL_SECONDS, show_spinner=False)
def _latest_number(url: str, directory: str) -> int:
    """The latest version number, seeding an empty store from `directory` first; re-asked every few seconds."""
    store = get_store(url)
    number = store.latest_number()
    if number is None:
        seed_store(store, Path(directory))
        number = store.latest_number()
    return number


# cache_resource, not cache_data: one shared object per version instead of an unpickled copy on every
# call (a copy of the dataset cost ~100 ms per call, three calls per page run). Pages never mutate it.
@st.cache_resource(max_entries=3, show_spinner=False)
def _cached_dataset(url: str, directory: str, number: int) -> Dataset:
    return load_dataset(Path(directory), get_store(url), number)


# One entry per version and language: the labels of niches and subsectors are translated.
@st.cache_resource(max_entries=9, show_spinner=False)
def _cached_options(url: str, directory: str, number: int, language: str) -> FilterOptions:
    return filter_options(_cached_dataset(url, directory, number).companies)


def _dataset_key() -> tuple[str, str, int]:
    url, directory = store_url(), str(data_dir())
    return url, directory, _latest_number(url, directory)


def get_dataset() -> Dataset:
    """The validated dataset of the latest version; stops the page with a clear error if it cannot be read."""
    try:
        return _cached_dataset(*_dataset_key())
    except DataFileError as err:
        show_data_error(err)
    except (sa.exc.SQLAlchemyError, OSError):
        logging.getLogger(__name__).exception("the data store could not be read")
        st.error(t("store.error_body"), title=t("store.error_title"), icon=":material/database:")
    st.stop()


def get_filter_options() -> FilterOptions:
    """Choices for the filter panel, computed once per version and language."""
    get_dataset()
    return _cached_options(*_dataset_key(), current_language())


def refresh_version() -> None:
    """Forget the polled version number, so this session shows a version it has just published at once."""
    _latest_number.clear()


def show_data_error(err: DataFileError) -> None:
    """Every problem of a broken data file, naming file, row and column."""
    lines = "\n".join(f"- {escape_markdown(str(p))}" for p in err.problems)
    more = f"\n\n{t('error.more_problems', n=err.more)}" if err.more else ""
    st.error(f"{t('error.data_body')}\n\n{lines}{more}", title=t("error.data_title"), icon=":material/error:")
