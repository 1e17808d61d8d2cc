"""AppTest of the app on its store: first start seeds, later starts do not, a version published elsewhere shows
up without a restart, the About page and the company card say which version and when records were checked."""

import time

import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

import atlas.store
import components.data
from atlas.loading import load_files
from atlas.store import COMPANY_COLUMNS, DATABASE_URL_ENV, Store
from tests.conftest import DATA, REPO
from tests.e2e import free_port
from tests.test_pages import open_page


@pytest.fixture
def store_url(database_url, monkeypatch):
    """The app of this test on its own, empty store: SQLite, then PostgreSQL."""
    monkeypatch.setenv(DATABASE_URL_ENV, database_url)
    return database_url


@pytest.fixture(scope="module")
def bundled():
    return load_files(DATA).companies[COMPANY_COLUMNS]


def about_page() -> AppTest:
    return open_page("pages/about.py")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text_of(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown).replace("\\", "")


def test_first_start_seeds_the_empty_store(store_url):
    at = about_page()
    with Store(store_url) as store:
        [seed] = store.versions()
        assert (seed.number, seed.kind, seed.added, seed.source_name) == (1, "seed", 52, "companies.csv")
    shown = metrics(at)
    assert shown["Version in use"] == "1" and shown["Companies with public sources"] == "52"
    assert "first start, seeded from the bundled data files" in text_of(at)


def test_later_start_does_not_seed_again(store_url, bundled):
    with Store(store_url) as store:
        store.seed_if_empty(bundled)
        store.publish(bundled.iloc[1:], base=1, author="Analyst", note="one company closed")
    at = about_page()
    assert metrics(at)["Version in use"] == "2" and metrics(at)["Companies with public sources"] == "51"
    assert "by Analyst" in text_of(at) and "Note: one company closed" in text_of(at)
    with Store(store_url) as store:
        assert store.latest_number() == 2 and len(store.audit()) == 2


def test_version_published_elsewhere_shows_without_restart(store_url, bundled, monkeypatch):
    loads = []
    real = components.data.load_dataset
    monkeypatch.setattr(components.data, "load_dataset", lambda *args: loads.append(args) or real(*args))
    at = about_page()
    assert metrics(at)["Companies with public sources"] == "52"
    with Store(store_url) as elsewhere:
        elsewhere.publish(bundled.iloc[2:], base=1, author="Other process", note="")
    published = time.monotonic()
    at.run()
    assert len(loads) == 1, "a rerun inside the poll interval does not reload the dataset"
    while metrics(at)["Companies with public sources"] != "50":
        assert time.monotonic() - published < 30, "the new version did not show within 30 s"
        time.sleep(1)
        at.run()
    assert metrics(at)["Version in use"] == "2" and len(loads) == 2


def test_publishing_session_sees_its_version_at_once(store_url, bundled):
    at = about_page()
    with Store(store_url) as store:
        store.publish(bundled.iloc[3:], base=1, author="Me", note="")
    components.data.refresh_version()
    at.run()
    assert metrics(at)["Companies with public sources"] == "49"


def test_about_counts_recent_checks_and_card_shows_the_date(store_url, bundled):
    checked = bundled.copy()
    checked.loc[checked["id"] == "doctena", "verified_on"] = "2000-01-01"
    checked.loc[checked["id"] == "viewmind", "verified_on"] = time.strftime("%Y-%m-%d")
    with Store(store_url) as store:
        store.seed_if_empty(checked)
    at = about_page()
    assert metrics(at)["Verified in the last 12 months"] == "1"
    assert "1 of 52 companies were checked in the last 12 months" in text_of(at)
    assert "50 have no check date recorded" in text_of(at)
    for company, shown in (("viewmind", time.strftime("%Y-%m-%d")), ("doctena", "2000-01-01"), ("myelin-h", None)):
        card = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
        card.query_params["company"] = company
        card.run()
        card.switch_page("pages/companies.py").run()
        assert f"**Last verified:** {shown or 'not recorded'}" in text_of(card)


def test_unreachable_store_shows_a_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv(DATABASE_URL_ENV, f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/atlas")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    [error] = at.error
    assert "could not read the company data from its database" in error.value
    assert "HEALTHTECH_DATABASE_URL" in error.value


def test_secrets_connection_names_the_store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'from-secrets.sqlite'}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[connections.atlas]\nurl = "{url}"\n', encoding="utf-8")
    monkeypatch.delenv(DATABASE_URL_ENV)
    monkeypatch.setattr(atlas.store, "DEFAULT_DATABASE", tmp_path / "default.sqlite")
    previous = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(secrets)])
    st.secrets._reset()
    try:
        at = about_page()
    finally:
        config.set_option("secrets.files", previous)
        st.secrets._reset()
    assert metrics(at)["Version in use"] == "1"
    with Store(url) as store:
        assert store.latest().kind == "seed"
    assert not (tmp_path / "default.sqlite").exists()
