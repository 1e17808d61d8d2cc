"""Aggregations, checked against counts computed independently from data/companies.csv."""

from datetime import date

import pandas as pd
import pytest

from atlas import aggregation as agg
from atlas.filters import Filters
from tests.conftest import DATA

RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)
YEARS = pd.to_numeric(RAW["founded_year"].replace("", None))


def test_matrix_counts_every_niche_subsector_pair(dataset):
    matrix = agg.niche_subsector_matrix(dataset.companies)
    assert matrix.shape == (4, 7)
    assert matrix.loc["immune-oncology"].sum() == 0
    for niche in matrix.index:
        for subsector in matrix.columns:
            expected = RAW["niches"].str.split(";").map(lambda n, x=niche: x in n) & (RAW["subsector"] == subsector)
            assert matrix.loc[niche, subsector] == expected.sum(), (niche, subsector)


def test_matrix_left_out(dataset):
    assert agg.matrix_left_out(dataset.companies) == ((RAW["niches"] == "") | (RAW["subsector"] == "")).sum()


def test_timeline(dataset):
    timeline = agg.founding_timeline(dataset.companies)
    assert timeline["year"].iloc[0] == YEARS.min() and timeline["year"].iloc[-1] == YEARS.max()
    assert timeline["founded"].sum() == YEARS.notna().sum() == timeline["cumulative"].iloc[-1]
    assert timeline.set_index("year").loc[2016, "founded"] == (YEARS == 2016).sum()


def test_timeline_of_no_known_year(dataset):
    assert agg.founding_timeline(dataset.companies[dataset.companies["founded_year"].isna()]).empty


def test_young_share_counts_only_known_years(dataset):
    share = agg.young_share(dataset.companies, today=date(2026, 11, 21))
    assert (share.count, share.known, share.total) == ((YEARS >= 2017).sum(), YEARS.notna().sum(), len(RAW))
    assert share.share == pytest.approx(share.count / share.known)
    assert agg.young_since(date(2026, 1, 1)) == 2017


def test_counts_by_canton_include_unknown(dataset):
    counts = agg.counts_by(dataset.companies, "canton").set_index("canton")["companies"]
    assert counts["Unknown"] == (RAW["canton"] == "").sum()
    assert counts["Esch-sur-Alzette"] == (RAW["canton"] == "Esch-sur-Alzette").sum()
    assert counts.sum() == len(RAW)


def test_subsector_shares_beside_official(dataset):
    shares = agg.subsector_shares(dataset.companies, dataset.sector_figures).set_index("subsector")
    known = (RAW["subsector"] != "").sum()
    assert shares.loc["medical-devices", "data_share"] == pytest.approx(
        100 * (RAW["subsector"] == "medical-devices").sum() / known
    )
    assert shares.loc["medical-devices", "official_share"] == 32
    assert shares.loc["software-digital-health", "official_share"] == 31
    assert pd.isna(shares.loc["services", "official_share"])
    assert shares["official_source"].str.contains("luxinnovation").sum() == 6


def test_kpis(dataset):
    k = agg.kpis(dataset.companies, today=date(2026, 11, 21))
    assert k.companies == len(RAW)
    assert k.known_year.count == YEARS.notna().sum()
    assert k.niches_covered == 3 and k.niches_total == 4
    assert k.at_house_of_biohealth == (RAW["site_id"] == "house_of_biohealth").sum() == 10


def test_published_figures_keep_year_and_source(dataset):
    figures = agg.published_figures(dataset.sector_figures, agg.OVERVIEW_FIGURE_IDS["companies"])
    assert [(f.short, f.year) for f in figures] == [("131", "2016"), ("136", "2019"), ("130", "2025")]
    assert all(f.source_url.startswith("http") for f in figures)
    employment = agg.published_figures(dataset.sector_figures, agg.OVERVIEW_FIGURE_IDS["employment"])
    assert [f.text for f in employment] == ["≈1,600 employees", "≈1,600 employees", "2,500 jobs"]


def test_every_referenced_figure_exists(dataset):
    ids = [*agg.OFFICIAL_SHARE_IDS.values(), *agg.YOUNG_SHARE_IDS]
    ids += [i for group in agg.OVERVIEW_FIGURE_IDS.values() for i in group]
    for figure_id in ids:
        agg.published_figure(dataset.sector_figures, figure_id)


def test_empty_filter_values_explain_empty_results(dataset):
    empty = agg.empty_filter_values(dataset.companies, Filters(niche=("immune-oncology", "digital-health")))
    assert empty == [("niche", "immune-oncology")]
