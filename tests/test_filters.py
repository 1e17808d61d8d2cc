"""Filters: URL parsing with notes, serialisation, and applying them (checked against plain pandas)."""

import pandas as pd
import pytest

from atlas.filters import Filters, apply_filters, filter_options, filter_params, parse_filter_params
from tests.conftest import DATA

RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def options(dataset):
    return filter_options(dataset.companies)


def names(df):
    return sorted(df["name"])


def test_options_come_from_data(options):
    assert options.canton["esch-sur-alzette"] == "Esch-sur-Alzette"
    assert options.site == {"house-of-biohealth": "House of BioHealth", "technoport-foetz": "Technoport Foetz"}
    assert options.years == (1959, 2019)
    assert "immune-oncology" in options.niche


def test_parse_drops_unknown_values_with_notes(options):
    f = parse_filter_params({"niche": ["digital-health", "cardiology"], "founded": "soon"}, options)
    assert f.niche == ("digital-health",) and f.founded is None
    assert len(f.notes) == 2 and "cardiology" in f.notes[0] and "soon" in f.notes[1]


def test_parse_round_trips(options):
    params = {"niche": ["digital-health"], "subsector": ["medical-devices"], "q": "app", "founded": "2010-2020"}
    f = parse_filter_params(params, options)
    assert filter_params(f) == params
    assert f.active and not Filters().active


def test_parse_rejects_reversed_years(options):
    assert parse_filter_params({"founded": "2020-2010"}, options).founded is None


def test_niche_filter_matches_semicolon_lists(dataset):
    expected = sorted(RAW.loc[RAW["niches"].str.contains("neurodegenerative-diseases"), "name"])
    assert names(apply_filters(dataset.companies, Filters(niche=("neurodegenerative-diseases",)))) == expected
    assert len(expected) == 4


def test_no_company_is_tagged_immune_oncology(dataset):
    assert apply_filters(dataset.companies, Filters(niche=("immune-oncology",))).empty


def test_niches_are_or_fields_are_and(dataset):
    both = Filters(niche=("molecular-diagnostics", "neurodegenerative-diseases"))
    assert len(apply_filters(dataset.companies, both)) == 6
    narrowed = Filters(niche=both.niche, subsector=("in-vitro-diagnostics",))
    assert names(apply_filters(dataset.companies, narrowed)) == [
        "Advanced Biological Laboratories (ABL)",
        "Fast Track Diagnostics",
    ]


def test_canton_and_site_use_slugs(dataset):
    in_esch = apply_filters(dataset.companies, Filters(canton=("esch-sur-alzette",)))
    assert set(in_esch["canton"]) == {"Esch-sur-Alzette"}
    assert len(in_esch) == (RAW["canton"] == "Esch-sur-Alzette").sum()
    at_hobh = apply_filters(dataset.companies, Filters(site=("house-of-biohealth",)))
    assert len(at_hobh) == 10


def test_founded_range_excludes_unknown_years(dataset):
    shown = apply_filters(dataset.companies, Filters(founded=(2010, 2019)))
    years = RAW["founded_year"].replace("", "0").astype(int)
    assert len(shown) == ((years >= 2010) & (years <= 2019)).sum()


def test_search_is_case_and_accent_insensitive(dataset):
    assert names(apply_filters(dataset.companies, Filters(q="THERACULE"))) == ["Théracule"]
    assert names(apply_filters(dataset.companies, Filters(q="doctena"))) == ["Doctena"]
    by_description = apply_filters(dataset.companies, Filters(q="exoskeleton"))
    assert names(by_description) == ["ExoAtlet"]
