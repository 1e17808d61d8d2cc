"""Sites grouping and facts; completeness and published figures."""

from datetime import date

import pandas as pd
import pytest

from atlas.aggregation import published_figure
from atlas.presentation import location_summary
from atlas.quality import completeness, verified_since
from atlas.sites import facts_by_site, key_sites, location_quality, other_sites_by_kind, site_facts_shown


def test_key_sites_in_order(dataset):
    assert key_sites(dataset.landmarks)["id"].tolist() == [
        "heal_campus",
        "house_of_biohealth",
        "sudspidol",
        "city_of_sciences",
    ]


def test_other_sites_grouped_by_kind(dataset):
    groups = dict(other_sites_by_kind(dataset.landmarks))
    assert set(groups["hospital"]["id"]) == {"chl", "hrs_kirchberg", "chem_esch"}
    assert sum(len(g) for g in groups.values()) == len(dataset.landmarks) - 4


def test_conflicting_sources_are_flagged(dataset):
    by_site = facts_by_site(dataset.site_facts)
    assert sum(len(f) for f in by_site.values()) == len(dataset.site_facts)
    facts = by_site["heal_campus"]
    plot = facts[facts["topic"] == "Plot size"]
    assert plot["disagrees"].all() and len(plot) == 3
    assert not facts.loc[facts["topic"] == "Floor space", "disagrees"].any()


def test_site_facts_shown_lists_disputed_topics_and_first_sources(dataset):
    shown = site_facts_shown(dataset.site_facts)
    assert set(shown) == set(facts_by_site(dataset.site_facts))
    heal = shown["heal_campus"]
    assert "Plot size" in heal.disputed and "Floor space" not in heal.disputed
    assert list(heal.disputed) == sorted(heal.disputed)
    rows = heal.table.to_pandas()
    assert len(rows) == len(facts_by_site(dataset.site_facts)["heal_campus"])
    assert all(
        url and " " not in url and url in urls for url, urls in zip(rows["source"], rows["source_urls"], strict=True)
    )


def test_location_quality():
    assert location_quality(50) == "sourced point (±50 m)"
    assert location_quality(1000) == "approximate (±1 km)"


def test_location_summary(dataset):
    by_id = dataset.companies.set_index("id", drop=False)
    assert location_summary(by_id.loc["viewmind"], dataset.landmarks).startswith(
        "At House of BioHealth (approximate, ±1 km)"
    )
    assert "commune level" in location_summary(by_id.loc["doctena"], dataset.landmarks)
    assert location_summary(by_id.loc["dalza"], dataset.landmarks) == "Unknown"


def test_completeness_counts(dataset):
    table = completeness(dataset.companies).set_index("field")
    assert table.loc["description", "share"] == 1.0
    assert table.loc["founded_year", "known"] == dataset.companies["founded_year"].notna().sum() == 17


def test_published_figure(dataset):
    official = published_figure(dataset.sector_figures, "healthtech-entities-companies-mapped-2025-mapping")
    assert (official.value, official.year, official.text) == ("130", "2025", "130 companies")
    with pytest.raises(KeyError):
        published_figure(dataset.sector_figures, "no-such-figure")


def test_verified_since_counts_the_last_year_and_blanks():
    companies = pd.DataFrame({"verified_on": ["2026-03-01", "2025-03-01", "2025-02-28", "", "2020-01-01"]})
    checked = verified_since(companies, today=date(2026, 3, 1))
    assert (checked.since, checked.recent, checked.unrecorded) == (date(2025, 3, 1), 2, 1)
    assert verified_since(companies, today=date(2028, 2, 29)).since == date(2027, 2, 28)
