"""AppTest of Companies, Insights and Overview: deep links give exactly the expected rows, charts
count what the table lists, empty results are explained. Expectations come from plain pandas."""

import base64
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DATA, REPO

RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)


def has_niche(slug):
    return RAW["niches"].str.split(";").map(lambda niches: slug in niches)


def open_page(page, **params):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    """Markdown as read, without the escaping backslashes."""
    return markdown.replace("\\", "")


def array(value):
    """A plotly array from the spec: a list, or base64 {'dtype', 'bdata'}."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


DEEP_LINKS = [
    ({"niche": ["neurodegenerative-diseases"]}, has_niche("neurodegenerative-diseases")),
    ({"subsector": ["clinical-laboratory"]}, RAW["subsector"] == "clinical-laboratory"),
    ({"q": "doctena"}, RAW["name"] == "Doctena"),
    (
        {"niche": ["digital-health"], "subsector": ["medical-devices", "software-digital-health"]},
        has_niche("digital-health") & RAW["subsector"].isin(["medical-devices", "software-digital-health"]),
    ),
    (
        {"canton": ["esch-sur-alzette"], "founded": "2000-2019"},
        (RAW["canton"] == "Esch-sur-Alzette")
        & pd.to_numeric(RAW["founded_year"].replace("", None)).between(2000, 2019).fillna(False).astype(bool),
    ),
]


@pytest.mark.parametrize(("params", "expected"), DEEP_LINKS)
def test_deep_links_give_exactly_the_expected_rows(params, expected):
    at = open_page("pages/companies.py", **params)
    table = at.dataframe[0].value
    assert sorted(table["name"]) == sorted(RAW.loc[expected, "name"])
    assert f"{expected.sum()} of {len(RAW)} companies" in " ".join(m.value for m in at.markdown)


def test_table_is_sorted_by_name():
    names = open_page("pages/companies.py").dataframe[0].value["name"].tolist()
    assert names == sorted(names, key=str.casefold)


def test_empty_result_is_explained():
    at = open_page("pages/companies.py", niche=["immune-oncology"])
    assert not at.dataframe
    assert "No company in the public sources is tagged Immune-oncology yet" in plain(at.info[0].value)


def test_company_link_opens_its_card():
    at = open_page("pages/companies.py", company="viewmind")
    text = plain(" ".join(m.value for m in at.markdown))
    assert "ViewMind" in " ".join(s.value for s in at.subheader)
    assert "At House of BioHealth (approximate, ±1 km)" in text and "viewmind.com" in text


def test_unknown_company_link_is_a_note():
    at = open_page("pages/companies.py", company="no-such-company")
    assert "no-such-company" in plain(at.warning[0].value)


def test_downloads_are_offered():
    at = open_page("pages/companies.py", niche=["digital-health"])
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel (XLSX)", "One-page brief (PDF)", "One-page brief (PNG)"]
    assert all(b.proto.HasField("deferred_file_id") for b in at.get("download_button")), "made only when clicked"


@pytest.mark.parametrize("params", [{}, {"niche": ["digital-health"]}, {"canton": ["luxembourg", "esch-sur-alzette"]}])
def test_insight_charts_count_what_the_table_lists(params):
    table = open_page("pages/companies.py", **params).dataframe[0].value
    charts = open_page("pages/insights.py", **params).get("plotly_chart")
    matrix, timeline, cantons, sites, _shares = (json.loads(c.proto.spec)["data"] for c in charts)

    cells = dict(zip(map(tuple, matrix[0]["customdata"]), map(int, matrix[0]["text"]), strict=True))
    rows = RAW[RAW["name"].isin(table["name"])]
    for (niche, subsector), count in cells.items():
        expected = (
            rows["niches"].str.split(";").map(lambda n, x=niche: x in n) & (rows["subsector"] == subsector)
        ).sum()
        assert count == expected, (niche, subsector)

    canton_counts = dict(zip(array(cantons[0]["y"]), array(cantons[0]["x"]), strict=True))
    assert sum(canton_counts.values()) == len(table)
    assert canton_counts.get("Unknown", 0) == table["canton"].isna().sum()
    assert sum(array(sites[0]["x"])) == len(table)
    assert sum(array(timeline[0]["y"])) == table["founded"].notna().sum()


def test_matrix_click_targets_are_slugs():
    [matrix, *_] = open_page("pages/insights.py").get("plotly_chart")
    customdata = json.loads(matrix.proto.spec)["data"][0]["customdata"]
    assert ["digital-health", "software-digital-health"] in customdata and len(customdata) == 28


def test_overview_kpis_and_published_figures():
    at = open_page("pages/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Companies with public sources"] == f"{len(RAW)} / 130"
    known = (RAW["founded_year"] != "").sum()
    assert metrics["Founding year known"] == f"{known / len(RAW):.0%}"
    assert metrics["At the House of BioHealth"] == "10"
    assert metrics["Niches covered"] == "3 / 4"
    published = {m.value for m in at.metric}
    assert {"131", "136", "130", "≈1,600", "2,500", "36%", "50%"} <= published
    assert "52 of the ~130 companies" in " ".join(m.value for m in at.markdown)


def test_overview_has_no_filter_panel():
    assert not open_page("pages/overview.py").sidebar.multiselect


@pytest.mark.parametrize("precision", ["unknown", "commune", "site"])
def test_location_link_lists_exactly_those_companies(precision):
    at = open_page("pages/companies.py", location=precision)
    expected = RAW["location_precision"] == precision
    assert sorted(at.dataframe[0].value["name"]) == sorted(RAW.loc[expected, "name"])
    assert f"{expected.sum()} of {len(RAW)} companies" in " ".join(m.value for m in at.markdown)


def test_unknown_location_value_is_ignored_with_a_note():
    at = open_page("pages/companies.py", location="moon")
    assert "moon" in plain(" ".join(i.value for i in at.info))
    assert len(at.dataframe[0].value) == len(RAW)
