"""Spreadsheets made by the owners' page tests: French headers and labels, semicolons, Windows-1252 (synthetic)."""

from __future__ import annotations

from tests.conftest import FORMULA_NAME, HOSTILE_NAME
from tests.importing_files import csv_bytes

HEADER = ["Nom", "Site web", "Année de création", "Localité", "Sous-secteur", "Niches", "Sources", "Latitude",
          "Longitude", "Date de vérification", "Confiance"]  # fmt: skip
NEW_NAME = "Synthétique Test Santé"  # the synthetic company the clean file adds
NEW_ID = "synthetique-test-sante"


def clean_french_file() -> bytes:
    """One new synthetic company, valid."""
    rows = [
        HEADER,
        [NEW_NAME, "synthetique-test.example.org", "2021", "Belval", "Services", "Santé numérique",
         "https://synthetique-test.example.org/presse", "", "", "15/10/2025", "faible"],
    ]  # fmt: skip
    return csv_bytes(rows, delimiter=";", encoding="cp1252")


def messy_french_file() -> bytes:
    """Errors a real export has: a missing name, a source that is no URL, Paris coordinates, an impossible date,
    a duplicate; and hostile text that must stay inert (a formula, HTML)."""
    rows = [
        HEADER,
        [NEW_NAME, "synthetique-test.example.org", "2021", "Belval", "Services", "", "https://synthetique-test.example.org",
         "", "", "", "faible"],
        ["SYNTHETIQUE test sante", "autre.example.org", "2021", "Belval", "Services", "", "https://autre.example.org",
         "", "", "", "faible"],
        ["", "sans-nom.example.org", "2020", "Esch-sur-Alzette", "Services", "", "https://sans-nom.example.org", "", "", "",
         "faible"],
        ["Sans Source Test", "sans-source.example.org", "2012", "Mamer", "Services", "", "voir le site web", "", "", "",
         "faible"],
        ["Hors Frontière Test", "hf.example.org", "2015", "Foetz", "Services", "", "https://hf.example.org", "48,8566",
         "2,3522", "", "faible"],
        ["Date Impossible Test", "di.example.org", "2010", "Mertert", "Services", "", "https://di.example.org", "", "",
         "31/02/2020", "faible"],
        [FORMULA_NAME, "formule.example.org", "2018", "", "Services", "", "https://formule.example.org", "", "", "", "faible"],
        [HOSTILE_NAME, "balise.example.org", "2017", "", "Services", "", "https://balise.example.org", "", "", "", "faible"],
    ]  # fmt: skip
    return csv_bytes(rows, delimiter=";", encoding="cp1252")
