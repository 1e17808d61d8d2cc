"""Value conversion: labels in three languages, years, dates, decimal commas, websites, sources, places."""

from datetime import date, datetime

import pandas as pd
import pytest

from atlas.importing import values

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Medical devices", "medical-devices"),
        ("Dispositifs médicaux", "medical-devices"),
        ("Medizinprodukte", "medical-devices"),
        ("medical-devices", "medical-devices"),
        ("Software & digital health", "software-digital-health"),
        ("Logiciels et santé numérique", "software-digital-health"),
        ("Software und digitale Gesundheit", "software-digital-health"),
        ("Diagnostic in vitro", "in-vitro-diagnostics"),
        ("In-vitro-Diagnostik", "in-vitro-diagnostics"),
        ("Laboratoire clinique", "clinical-laboratory"),
        ("Distributeur", "distributor"),
        ("Dienstleistungen", "services"),
        ("  BIO-PHARMA ", "bio-pharma"),
        ("Unknown", ""),
        ("Inconnu", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_subsector_labels(label, slug):
    assert values.subsector(label) == slug


def test_unknown_subsector_names_the_known_ones():
    with pytest.raises(ValueError, match=r"Unknown subsector 'Cosmétique'.*Medical devices"):
        values.subsector("Cosmétique")


@pytest.mark.parametrize(
    ("labels", "slugs"),
    [
        ("Diagnostic moléculaire", "molecular-diagnostics"),
        ("Molekulare Diagnostik", "molecular-diagnostics"),
        ("Digital health; Neurodegenerative diseases", "digital-health;neurodegenerative-diseases"),
        ("Santé numérique, Maladies neurodégénératives", "digital-health;neurodegenerative-diseases"),
        ("Immunonkologie | digital-health", "immune-oncology;digital-health"),
        ("Digital health; digital-health", "digital-health"),
        ("", ""),
    ],
)
def test_niche_labels(labels, slugs):
    assert values.niches(labels) == slugs


def test_unknown_niche():
    with pytest.raises(ValueError, match="Unknown niche 'Cardiologie'"):
        values.niches("Santé numérique; Cardiologie")


@pytest.mark.parametrize(("label", "level"), [("élevée", "high"), ("Mittel", "medium"), ("faible", "low"), ("", "")])
def test_confidence_labels(label, level):
    assert values.confidence(label) == level


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("2016", 2016),
        (2016, 2016),
        (2016.0, 2016),
        ("2016.0", 2016),
        ("15/03/2016", 2016),
        ("2016-03-15", 2016),
        (datetime(2016, 3, 15), 2016),
        (date(2016, 3, 15), 2016),
        ("", None),
        (None, None),
    ],
)
def test_founded_year(cell, year):
    assert values.founded_year(cell, TODAY) == year


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("1750", "outside 1800–2026"),
        ("2027", "outside 1800–2026"),
        ("31/02/2020", "31/02/2020 is not a real date"),
        ("around 2010", "'around 2010' is not a year"),
        (2016.5, "not a year"),
    ],
)
def test_bad_founded_year(cell, message):
    with pytest.raises(ValueError, match=message):
        values.founded_year(cell, TODAY)


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        ("05/11/2026", "2026-11-05"),
        ("5/11/2026", "2026-11-05"),
        ("05.11.2026", "2026-11-05"),
        ("2026-11-05", "2026-11-05"),
        (datetime(2026, 11, 5), "2026-11-05"),
        ("", ""),
    ],
)
def test_verified_on(cell, iso):
    assert values.verified_on(cell, TODAY) == iso


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/02/2020", "not a real date"),
        ("2020-13-01", "not a real date"),
        ("2024", "needs day, month and year"),
        ("yesterday", "not a date"),
        ("02/12/2026", "in the future"),
    ],
)
def test_bad_verified_on(cell, message):
    with pytest.raises(ValueError, match=message):
        values.verified_on(cell, TODAY)


@pytest.mark.parametrize(
    ("cell", "number"), [("49,6116", 49.6116), ("49.6116", 49.6116), (6.13, 6.13), (6, 6.0), ("", None), (None, None)]
)
def test_numbers_with_decimal_commas(cell, number):
    assert values.number(cell) == number


@pytest.mark.parametrize("cell", ["49°36'", "1,2,3", "nan", "inf"])
def test_not_numbers(cell):
    with pytest.raises(ValueError, match="not a number"):
        values.number(cell)


def test_text_removes_the_exports_formula_apostrophe_only():
    assert values.text("'=SUM(A1)") == "=SUM(A1)"
    assert values.text("'quoted'") == "'quoted'"
    assert values.text("  x ") == "x"
    assert values.text(2016.0) == "2016"
    assert values.text(datetime(2026, 1, 2)) == "2026-01-02"


def test_websites_and_their_keys():
    assert values.website("https://ablsa.com") == "ablsa.com"
    assert values.website("https://ablsa.com/") == "ablsa.com"
    assert values.website("https://uni.lu/lcsb") == "https://uni.lu/lcsb"
    assert values.website("http://ablsa.com") == "http://ablsa.com"
    assert values.website_key("https://www.ABLSA.com/") == values.website_key("ablsa.com") == "ablsa.com"


def test_source_lists():
    assert values.source_urls("https://a.lu/x; https://b.lu\nhttps://c.lu, https://d.lu") == (
        "https://a.lu/x https://b.lu https://c.lu https://d.lu"
    )
    assert values.source_urls("https://a.lu/?q=1;2") == "https://a.lu/?q=1;2"


def test_name_key_is_the_id_slug():
    assert values.name_key("Société  Générale!") == values.name_key("societe generale") == "societe-generale"


def test_place_as_the_build_does(dataset):
    rows = pd.DataFrame(
        [
            {"town": "Belval", "site": "", "commune": ""},
            {"town": "Beiler", "site": "", "commune": ""},
            {"town": "", "site": "House of BioHealth", "commune": ""},
            {"town": "", "site": "", "commune": "Mamer"},
            {"town": "Atlantis", "site": "", "commune": "Nowhere"},
        ]
    )
    placed = values.place(rows, dataset.landmarks, dataset.communes)
    assert placed["commune"].tolist() == ["Esch-sur-Alzette", "Weiswampach", "Esch-sur-Alzette", "Mamer", ""]
    assert placed["canton"].tolist() == ["Esch-sur-Alzette", "Clervaux", "Esch-sur-Alzette", "Capellen", ""]
    assert placed["location_precision"].tolist() == ["commune", "commune", "site", "commune", "unknown"]
    hobh = dataset.landmarks.set_index("id").loc["house_of_biohealth"]
    assert (placed.at[2, "lat"], placed.at[2, "lon"], placed.at[2, "site_id"]) == (
        hobh["lat"],
        hobh["lon"],
        "house_of_biohealth",
    )
    assert placed[["lat", "lon"]].drop(index=2).isna().all().all()
