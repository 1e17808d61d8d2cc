"""AppTest: every page runs; deep links filter; unknown parameters give notes; bad data gives a message."""

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import components.data
from atlas.loading import COMPANIES_FILE
from atlas.store import DATABASE_URL_ENV
from atlas.strings import t
from tests.conftest import DATA, REPO, copy_data_dir

APP = str(REPO / "app.py")
PAGES = [
    "pages/overview.py",
    "pages/map.py",
    "pages/companies.py",
    "pages/insights.py",
    "pages/sites.py",
    "pages/about.py",
    "pages/present.py",
    "pages/manage.py",
]
RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)


def app(timeout: float = 60, **params) -> AppTest:
    """The app (not yet run) with URL parameters `params`."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def open_page(page: str, timeout: float = 60, **params) -> AppTest:
    """The app run with URL parameters `params`, then switched to `page` (a file under pages/); no exception."""
    at = app(timeout, **params)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page):
    at = app()
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", ["pages/map.py", "pages/companies.py", "pages/insights.py"])
def test_listing_pages_say_how_many_companies(page):
    at = app(niche=["neurodegenerative-diseases"])
    at.run()
    at.switch_page(page).run()
    expected = RAW["niches"].str.contains("neurodegenerative-diseases").sum()
    assert f"{expected} of {len(RAW)} companies" in markdown_text(at)


def test_unknown_parameter_and_value_are_ignored_with_notes():
    at = app(niche=["digital-health", "cardiology"], utm_source="newsletter")
    at.run()
    at.switch_page("pages/companies.py").run()
    notes = " ".join(i.value for i in at.info)
    assert "utm\\_source" in notes or "utm_source" in notes
    assert "cardiology" in notes
    assert "utm_source" not in at.query_params
    assert not at.exception


def test_filters_survive_page_switches():
    at = app(subsector=["clinical-laboratory"])
    at.run()
    for page in ("pages/about.py", "pages/companies.py"):
        at.switch_page(page).run()
    expected = (RAW["subsector"] == "clinical-laboratory").sum()
    assert f"{expected} of {len(RAW)} companies" in markdown_text(at)
    assert at.query_params["subsector"] == "clinical-laboratory"


def test_broken_data_shows_a_message_not_a_traceback(tmp_path, monkeypatch):
    broken = copy_data_dir(tmp_path / "data")
    path = broken / COMPANIES_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(",high,", ",certain,", 1), encoding="utf-8")
    monkeypatch.setenv("HEALTHTECH_DATA_DIR", str(broken))
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'empty.sqlite'}")  # an empty store seeds from it
    at = app()
    at.run()
    assert not at.exception
    [error] = at.error
    shown = error.value.replace("\\", "")
    assert "companies.csv, row 1, column 'confidence'" in shown and "certain" in shown


def test_page_files_are_all_in_navigation():
    listed = set(PAGES)
    assert {f"pages/{p.name}" for p in Path(REPO / "pages").glob("*.py")} == listed


def test_data_is_loaded_once_per_process(monkeypatch):
    calls = []
    real = components.data.load_dataset
    monkeypatch.setattr(components.data, "load_dataset", lambda *args: calls.append(args) or real(*args))
    st.cache_data.clear()
    st.cache_resource.clear()  # the dataset is a shared resource per version
    at = app()
    at.run()
    for page in PAGES:
        at.switch_page(page).run()
    app().run()  # a second session in the same process
    assert len(calls) == 1


def test_founded_filter_says_what_it_leaves_out():
    at = app(founded="2010-2020")
    at.run()
    at.switch_page("pages/companies.py").run()
    unknown = (RAW["founded_year"] == "").sum()
    assert any(f"leaves out {unknown} companies" in c.value for c in at.sidebar.caption)


def test_sites_page_shows_each_sites_facts_disagreements_and_companies():
    at = open_page("pages/sites.py")
    text = markdown_text(at)
    at_hobh = int((RAW["site_id"] == "house_of_biohealth").sum())
    assert at_hobh and t("sites.companies_here", n=at_hobh) in text
    facts = pd.read_csv(DATA / "site_facts.csv", dtype=str, keep_default_na=False)
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == facts["site_id"].nunique()
    heal_facts = facts[facts["site_id"] == "heal_campus"]
    (heal,) = [table for table in tables if table["value"].tolist() == heal_facts["value"].tolist()]
    assert heal["source"].tolist() == [urls.split()[0] for urls in heal_facts["source_urls"]]
    assert any("Plot size" in w.value for w in at.warning)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/map.py", "pages/companies.py", "pages/insights.py"])
def test_share_button_opens_the_link_to_this_view_its_qr_code_and_the_brief(page):
    at = open_page(page, niche="digital-health")
    (share,) = [p for p in at.get("popover") if p.proto.popover.label == t("share.button")]
    inside = list(share)
    path = "/" if page == "pages/overview.py" else f"/{Path(page).stem}?"
    links = [n.value for n in inside if n.type == "markdown" and path in n.value and "lang=en" in n.value]
    assert links, f"no link to the view in the share popover of {page}"
    if page != "pages/overview.py":  # the overview is the same for every filter
        assert "niche=digital-health" in links[0]
    assert [n for n in inside if n.type == "image"], "no QR code in the share popover"
    buttons = [n.proto.label for n in inside if n.type == "download_button"]
    assert buttons == [t("brief.pdf"), t("brief.png")]
