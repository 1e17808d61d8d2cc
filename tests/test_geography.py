"""Commune and canton assignment, placement at sites, and geodesic distances."""

import pandas as pd
import pytest

from atlas.geography import LOCALITY_COMMUNES, canton_of_commune, commune_for_town, distances_km, place_companies


@pytest.fixture(scope="module")
def commune_names(dataset):
    return set(dataset.communes["COMMUNE"])


@pytest.mark.parametrize(
    ("town", "commune"),
    [
        ("Luxembourg", "Luxembourg"),
        ("Leudelange", "Leudelange"),
        ("Belval", "Esch-sur-Alzette"),
        ("Foetz", "Mondercange"),
        ("Niederkorn", "Differdange"),
        ("Wasserbillig", "Mertert"),
        ("Findel", "Sandweiler"),
        ("Hosingen", "Parc Hosingen"),
        ("", ""),
        ("Atlantis", ""),
    ],
)
def test_commune_for_town(town, commune, commune_names):
    assert commune_for_town(town, commune_names) == commune


def test_every_locality_maps_to_a_real_commune(commune_names):
    assert {commune for commune, _ in LOCALITY_COMMUNES.values()} <= commune_names
    assert all(reason for _, reason in LOCALITY_COMMUNES.values())


def test_cantons_come_from_the_boundaries(dataset):
    cantons = canton_of_commune(dataset.communes)
    assert cantons["Esch-sur-Alzette"] == "Esch-sur-Alzette"
    assert cantons["Parc Hosingen"] == "Clervaux"
    assert cantons["Junglinster"] == "Grevenmacher"
    assert len(set(cantons.values())) == 12


def raw(**fields):
    return {"town": "", "site": "", **fields}


def test_placement_rules(dataset):
    companies = pd.DataFrame(
        [
            raw(town="Esch-sur-Alzette", site="House of BioHealth"),
            raw(site="House of BioHealth"),
            raw(town="Foetz", site="Technoport Foetz"),
            raw(town="Luxembourg"),
            raw(),
        ]
    )
    placed = place_companies(companies, dataset.landmarks, dataset.communes)
    hobh = dataset.landmarks.set_index("id").loc["house_of_biohealth"]
    assert placed["location_precision"].tolist() == ["site", "site", "commune", "commune", "unknown"]
    assert placed["commune"].tolist() == ["Esch-sur-Alzette", "Esch-sur-Alzette", "Mondercange", "Luxembourg", ""]
    assert placed.loc[0, "lat"] == hobh["lat"] and placed.loc[0, "lon"] == hobh["lon"]
    # Never a made-up point: commune-level and unknown companies have none.
    assert placed.loc[2:, "lat"].isna().all()


def test_distance_known_value():
    # Luxembourg station to Belval-Université station; a haversine estimate by hand gives ~17.5 km.
    [to_belval, to_itself] = distances_km(
        49.599444, 6.134167, pd.Series([49.499444, 49.599444]), pd.Series([5.946389, 6.134167])
    )
    assert to_belval == pytest.approx(17.4, abs=0.3)
    assert to_itself == 0
