"""Column mapping: English, French and German headers, the export's own headers, overrides, unknown columns."""

import pytest

from atlas.export import _COLUMNS as EXPORT_HEADERS
from atlas.importing.columns import FIELDS, guess_field, header_key, map_columns
from atlas.importing.problems import ERROR, WARNING


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nom", "name"),
        ("Name", "name"),
        ("Nom de l'entreprise", "name"),
        ("Firmenname", "name"),
        ("Site web", "website"),
        ("Webseite", "website"),
        ("Website", "website"),
        ("Année de création", "founded_year"),
        ("ANNEE DE CREATION", "founded_year"),
        ("Gründungsjahr", "founded_year"),
        ("Founded", "founded_year"),
        ("Localité", "town"),
        ("Ort", "town"),
        ("Town", "town"),
        ("Commune", "commune"),
        ("Gemeinde", "commune"),
        ("Sous-secteur", "subsector"),
        ("Teilsektor", "subsector"),
        ("Niches", "niches"),
        ("Nischen", "niches"),
        ("Description", "description"),
        ("Beschreibung", "description"),
        ("Adresse", "street_address"),
        ("Address", "street_address"),
        ("Site", "site"),
        ("Standort", "site"),
        ("Sources", "source_urls"),
        ("Quellen", "source_urls"),
        ("source_urls", "source_urls"),
        ("Latitude", "lat"),
        ("Längengrad", "lon"),
        ("Verified on", "verified_on"),
        ("Date de vérification", "verified_on"),
        ("Überprüft am", "verified_on"),
        ("Atlas id", "id"),
        ("  Confiance ", "confidence"),
    ],
)
def test_headers_recognised(header, field):
    assert guess_field(header) == field


def test_every_field_name_and_every_export_header_is_recognised():
    assert all(guess_field(f) == f for f in FIELDS)
    assert all(guess_field(h) is not None for h in EXPORT_HEADERS)


def test_header_key_ignores_accents_case_and_punctuation():
    assert header_key("Année de création") == header_key("annee-de_creation") == "annee de creation"


def test_unknown_columns_are_reported_by_name_and_not_used():
    mapping = map_columns(("Nom", "Chiffre d'affaires", "", "Sources"))
    assert mapping.fields == ("name", None, None, "source_urls")
    assert mapping.unknown == ("Chiffre d'affaires", "column 3")
    assert [(p.column, p.severity) for p in mapping.problems] == [
        ("Chiffre d'affaires", WARNING),
        ("column 3", WARNING),
    ]
    assert "Chiffre d'affaires" in mapping.problems[0].message
    assert mapping.mapping == {"Nom": "name", "Chiffre d'affaires": None, "column 3": None, "Sources": "source_urls"}


def test_explicit_mapping_overrides_the_guess_and_can_leave_columns_out():
    mapping = map_columns(("Nom", "Ville", "Remarque interne", "Lien"), {"Lien": "source_urls", "ville": "-"})
    assert mapping.fields == ("name", None, None, "source_urls")
    assert mapping.unknown == ("Remarque interne",)  # 'Ville' was left out on purpose: not unknown
    assert mapping.column_of("source_urls") == "Lien"


def test_mapping_a_blank_header_by_its_column_label():
    assert map_columns(("Nom", ""), {"column 2": "website"}).fields == ("name", "website")


def test_mapping_to_an_unknown_field_is_refused():
    with pytest.raises(ValueError, match="Unknown field 'turnover'"):
        map_columns(("Nom",), {"Nom": "turnover"})


def test_mapping_a_column_the_file_lacks_is_a_warning():
    mapping = map_columns(("Nom", "Sources"), {"Siteweb": "website"})
    assert [(p.column, p.severity) for p in mapping.problems] == [("Siteweb", WARNING)]


def test_two_columns_for_one_field_is_an_error():
    mapping = map_columns(("Nom", "Name", "Sources"))
    assert [(p.row, p.column, p.severity) for p in mapping.problems] == [(None, "Name", ERROR)]
