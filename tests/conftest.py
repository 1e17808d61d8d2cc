"""Shared fixtures: the bundled dataset, synthetic data directories, a server and a browser."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path
from typing import ClassVar

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test

from atlas.loading import COMPANIES_FILE, load_dataset
from atlas.store import DATABASE_URL_ENV
from tests.e2e import CHROMIUM, CHROMIUM_ARGS, REPO, PageProblems, StreamlitServer
from tests.postgres import PostgresCluster

DATA = REPO / "data"

# Synthetic companies for tests only (never written to data/): hostile names and formula injection.
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
FORMULA_NAME = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="session", autouse=True)
def session_database(tmp_path_factory):
    """The whole session (library calls and AppTest) uses its own SQLite store, seeded from data/ on first use."""
    previous = os.environ.get(DATABASE_URL_ENV)
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'atlas.sqlite'}"
    os.environ[DATABASE_URL_ENV] = url
    yield url
    if previous is None:
        os.environ.pop(DATABASE_URL_ENV, None)
    else:
        os.environ[DATABASE_URL_ENV] = previous


class PagesKeptAcrossRuns(PagesManager):
    """AppTest builds a new PagesManager for every run, so a fragment rerun (which does not call st.navigation)
    knows no page and `st.page_link` fails in it; the server keeps the pages for the session. These keep the
    last pages an app registered, per main script."""

    registered: ClassVar[dict[str, dict]] = {}

    def set_pages_and_resolve(self, pages, fallback_page_hash=""):
        PagesKeptAcrossRuns.registered[str(self.main_script_path)] = pages
        return super().set_pages_and_resolve(pages, fallback_page_hash)

    def get_pages(self):
        kept = PagesKeptAcrossRuns.registered.get(str(self.main_script_path))
        return dict(kept) if self._pages is None and kept else super().get_pages()


@pytest.fixture(scope="session", autouse=True)
def apptest_keeps_pages():
    """AppTest runs use PagesKeptAcrossRuns (a fragment rerun's page links resolve as on the server)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_test, "PagesManager", PagesKeptAcrossRuns)
        yield


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster (Debian's package) for the session."""
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of a new, empty database: a SQLite file, then a database in the throwaway PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture(scope="session")
def dataset():
    """The bundled dataset, loaded once."""
    return load_dataset(DATA)


def copy_data_dir(target: Path) -> Path:
    """A copy of the bundled data/ to modify in a test."""
    shutil.copytree(DATA, target)
    return target


def add_synthetic_companies(data_dir: Path, rows: list[dict[str, str]]) -> None:
    """Append synthetic company rows (missing columns blank) to data_dir/companies.csv."""
    path = data_dir / COMPANIES_FILE
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in header})


def synthetic_company(id_: str, name: str, **fields: str) -> dict[str, str]:
    """A synthetic company at the House of BioHealth (site-level point), marked as test data."""
    base = {
        "id": id_,
        "name": name,
        "description": f"Synthetic test company {name}",
        "source_urls": "https://example.org/synthetic-test-fixture",
        "confidence": "low",
        "subsector": "services",
        "niches": "digital-health",
        "site": "House of BioHealth",
        "site_id": "house_of_biohealth",
        "commune": "Esch-sur-Alzette",
        "canton": "Esch-sur-Alzette",
        "lat": "49.51444",
        "lon": "5.96685",
        "location_precision": "site",
    }
    return {**base, **fields}


@pytest.fixture(scope="session")
def hostile_data_dir(tmp_path_factory) -> Path:
    """data/ plus two synthetic companies with hostile names (HTML and a spreadsheet formula)."""
    target = copy_data_dir(tmp_path_factory.mktemp("hostile") / "data")
    add_synthetic_companies(
        target,
        [
            synthetic_company("synthetic-hostile-html", HOSTILE_NAME, description=f"<b>bold</b> {HOSTILE_NAME}"),
            synthetic_company("synthetic-formula", FORMULA_NAME, description="+cmd|' /C calc'!A0"),
        ],
    )
    return target


@pytest.fixture(scope="session")
def server():
    """The app on the bundled data, served headless for the whole session."""
    srv = StreamlitServer()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def hostile_server(hostile_data_dir):
    """The app on the hostile synthetic data."""
    srv = StreamlitServer(hostile_data_dir)
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, driven by Playwright."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser page with its problems collected in `page.problems`."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.problems = PageProblems()
    pg.problems.watch(pg)
    yield pg
    context.close()
