"""The whole import: a messy owners' export with its exact problems, upsert and replace, round trips,
hostile input that never crashes and never publishes, and publishing through a store."""

from dataclasses import dataclass

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.export import to_csv, to_xlsx
from atlas.importing import ERROR, WARNING, ImportFileError, ImportHasErrors, prepare_import, publish_import
from atlas.loading import COMPANY_COLUMNS
from tests.conftest import FORMULA_NAME, HOSTILE_NAME
from tests.importing_files import csv_bytes, xlsx_bytes

BASE = 7
ABOUT = [("About", "round-trip test")]

MESSY_HEADER = [
    "Nom",
    "Site web",
    "Année de création",
    "Localité",
    "Sous-secteur",
    "Niches",
    "Description",
    "Sources",
    "Latitude",
    "Longitude",
    "Date de vérification",
    "Chiffre d'affaires",
]


class FakeStore:
    """The store's publish signature, recording what it is asked to write (a stand-in for atlas.store.Store)."""

    def __init__(self):
        self.published = []

    def publish(self, companies, *, base, author, note, kind="import", source_name="", source_checksum=""):
        self.published.append(
            dict(
                companies=companies,
                base=base,
                author=author,
                note=note,
                kind=kind,
                source_name=source_name,
                source_checksum=source_checksum,
            )
        )
        return Version(number=base + 1)


@dataclass(frozen=True)
class Version:
    number: int


def prepare(dataset, data, filename="f.csv", **options):
    return prepare_import(
        data,
        filename,
        current=dataset.companies,
        base=BASE,
        landmarks=dataset.landmarks,
        communes=dataset.communes,
        **options,
    )


def company(dataset, company_id):
    return dataset.companies.set_index("id").loc[company_id]


def messy_export(dataset) -> bytes:
    """The owners' own format: French headers and labels, semicolons, Windows-1252, DD/MM/YYYY, decimal commas."""
    arspectra = company(dataset, "arspectra")
    rows = [
        MESSY_HEADER,
        # 1 a new company, valid
        ["Société Exemple Santé", "exemple-sante.lu", "2019", "Belval", "Dispositifs médicaux", "Diagnostic moléculaire",
         "Capteurs portables (données synthétiques de test)", "https://exemple-sante.lu/presse", "", "", "15/10/2026", "1 000 000"],
        # 2 the same company again (normalised name)
        ["SOCIETE exemple sante", "autre-exemple.lu", "2019", "Belval", "Dispositifs médicaux", "", "", "https://autre-exemple.lu",
         "", "", "", ""],
        # 3 no name
        ["", "nom-manquant.lu", "2020", "Esch-sur-Alzette", "Distributeur", "", "", "https://nom-manquant.lu", "", "", "", ""],
        # 4 a source that is not a URL
        ["Labo Virgule", "labo-virgule.lu", "2012", "Mamer", "Laboratoire clinique", "", "", "voir le site web", "", "", "", ""],
        # 5 coordinates outside Luxembourg (Paris), decimal commas
        ["Carto Hors Frontière", "carto-hf.lu", "2015", "Foetz", "Services", "", "", "https://carto-hf.lu", "48,8566", "2,3522", "", ""],
        # 6 an impossible date
        ["Date Impossible SA", "date-impossible.lu", "2010", "Mertert", "Services", "", "", "https://date-impossible.lu", "", "",
         "31/02/2020", ""],
        # 7 a formula-like name (kept as text, warned)
        [FORMULA_NAME, "formule.lu", "2018", "", "Services", "", "", "https://formule.lu", "", "", "", ""],
        # 8 an HTML name (kept as text, warned)
        [HOSTILE_NAME, "balise.lu", "2017", "", "Services", "Santé numérique", "", "https://balise.lu", "", "", "", ""],
        # 9 an existing company, checked again on 01/12/2025: only verified_on changes
        [arspectra["name"], arspectra["website"], "", arspectra["town"], "Dispositifs médicaux", "", arspectra["description"],
         arspectra["source_urls"], "", "", "01/12/2025", ""],
    ]  # fmt: skip
    return csv_bytes(rows, delimiter=";", encoding="cp1252")


def where(report):
    return [(p.row, p.column, p.severity) for p in report.problems]


def test_messy_owners_export_reports_exactly_its_problems_and_publishes_nothing(dataset):
    data = messy_export(dataset)
    assert data.decode("cp1252") and b";" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = prepare(dataset, data, "cartographie-2025.csv")

    assert where(report) == [
        (None, "Chiffre d'affaires", WARNING),
        (2, "Nom", ERROR),  # the same company as row 1
        (3, "Nom", ERROR),  # no name
        (4, "Sources", ERROR),  # no http(s) source
        (5, "Latitude", ERROR),  # outside Luxembourg
        (5, "Longitude", ERROR),
        (6, "Date de vérification", ERROR),  # 31/02/2020
        (7, "Nom", WARNING),  # formula-like
        (8, "Nom", WARNING),  # HTML
        (None, None, WARNING),  # no confidence column: new companies recorded as 'low'
    ]
    messages = {(p.row, p.column): p.message for p in report.problems}
    assert "Chiffre d'affaires" in messages[(None, "Chiffre d'affaires")]
    assert "same company as row 1" in messages[(2, "Nom")]
    assert "name is missing" in messages[(3, "Nom")]
    assert "No http(s) source" in messages[(4, "Sources")]
    assert "48.8566 is outside Luxembourg" in messages[(5, "Latitude")]
    assert "2.3522 is outside Luxembourg" in messages[(5, "Longitude")]
    assert "31/02/2020 is not a real date" in messages[(6, "Date de vérification")]
    assert "formula" in messages[(7, "Nom")] and "HTML" in messages[(8, "Nom")]
    assert "3 new company(ies)" in messages[(None, None)]

    assert (report.rows, report.valid_rows, report.has_errors) == (9, 4, True)
    assert report.unknown_columns == ("Chiffre d'affaires",)
    assert report.mapping["Année de création"] == "founded_year" and report.mapping["Chiffre d'affaires"] is None
    assert set(report.diff.added) == {"societe-exemple-sante", "hyperlink-http-x-y", "img-src-x-onerror-alert-1"}
    assert report.diff.removed == ()
    assert [(c.id, c.column, c.old, c.new) for c in report.diff.changes] == [
        ("arspectra", "verified_on", "", "2025-12-01")
    ]
    new = report.companies.set_index("id")
    assert new.loc["societe-exemple-sante", ["subsector", "niches", "commune", "canton", "confidence"]].tolist() == [
        "medical-devices",
        "molecular-diagnostics",
        "Esch-sur-Alzette",
        "Esch-sur-Alzette",
        "low",
    ]
    assert new.loc["hyperlink-http-x-y", "name"] == FORMULA_NAME  # kept as text
    assert new.loc["img-src-x-onerror-alert-1", "name"] == HOSTILE_NAME

    store = FakeStore()
    with pytest.raises(ImportHasErrors, match="6 error"):
        publish_import(store, report, author="analyst", note="mapping 2025")
    assert store.published == []


def test_verified_on_from_a_day_first_date(dataset):
    report = prepare(dataset, messy_export(dataset))
    assert report.companies.set_index("id").at["societe-exemple-sante", "verified_on"] == "2026-10-15"


def valid_file():
    return csv_bytes(
        [
            ["Name", "Website", "Founded", "Town", "Subsector", "Sources", "Confidence"],
            ["Synthetic Health One", "one.example", "2020", "Mamer", "Services", "https://one.example/a", "medium"],
        ]
    )


def test_a_valid_file_publishes_with_its_name_checksum_and_base(dataset):
    report = prepare(dataset, valid_file(), "one.csv")
    assert not report.has_errors and report.problems == ()
    assert report.diff.added == ("synthetic-health-one",)
    store = FakeStore()
    version = publish_import(store, report, author="analyst", note="one more")
    assert version.number == BASE + 1
    [call] = store.published
    assert (call["base"], call["author"], call["note"], call["kind"], call["source_name"]) == (
        BASE,
        "analyst",
        "one more",
        "import",
        "one.csv",
    )
    assert len(call["source_checksum"]) == 64
    assert list(call["companies"].columns) == COMPANY_COLUMNS
    assert len(call["companies"]) == len(dataset.companies) + 1


def test_upsert_keeps_fields_the_file_lacks_and_replace_removes_companies_not_listed(dataset):
    doctena = company(dataset, "doctena")
    data = csv_bytes([["Nom", "Site web"], [doctena["name"], doctena["website"]]])
    upsert = prepare(dataset, data)
    assert upsert.diff.empty and not upsert.has_errors
    replace = prepare(dataset, data, mode="replace")
    assert replace.diff.added == () and replace.diff.changes == ()
    assert set(replace.diff.removed) == set(dataset.companies["id"]) - {"doctena"}
    assert replace.companies["id"].tolist() == ["doctena"]


def test_a_blank_cell_blanks_the_field_on_update(dataset):
    doctena = company(dataset, "doctena")
    report = prepare(dataset, csv_bytes([["Atlas id", "Name", "Town"], ["doctena", doctena["name"], ""]]))
    changed = {(c.column, c.old, c.new) for c in report.diff.changes}
    assert ("town", doctena["town"], "") in changed


@pytest.mark.parametrize(
    ("header", "cell"),
    [("Atlas id", "doctena"), ("Website", "https://www.DOCTENA.com/"), ("Name", "DOCTENA")],
)
def test_rows_match_current_companies_by_id_website_or_name(dataset, header, cell):
    report = prepare(dataset, csv_bytes([[header, "Notes"], [cell, "checked by phone"]]))
    assert report.diff.added == () and report.diff.changed == ("doctena",)


def test_a_row_with_an_error_leaves_its_company_as_it_is_even_in_replace_mode(dataset):
    doctena = company(dataset, "doctena")
    data = csv_bytes([["Name", "Founded"], [doctena["name"], "1750"]])
    report = prepare(dataset, data, mode="replace")
    assert where(report) == [(1, "Founded", ERROR)]
    assert "doctena" not in report.diff.removed and report.diff.changes == ()


@pytest.mark.parametrize("export", [to_csv, to_xlsx])
def test_round_trip_of_the_export_gives_an_empty_difference(dataset, export):
    filename = "export." + ("csv" if export is to_csv else "xlsx")
    for mode in ("upsert", "replace"):
        report = prepare(dataset, export(dataset.companies, ABOUT), filename, mode=mode)
        assert not report.has_errors
        assert report.diff.empty, report.diff
        assert report.rows == report.valid_rows == len(dataset.companies)
        assert report.unknown_columns == ()


def test_round_trip_with_hostile_companies(hostile_data_dir):
    from atlas.loading import load_dataset

    hostile = load_dataset(hostile_data_dir)
    for export, name in ((to_csv, "x.csv"), (to_xlsx, "x.xlsx")):
        report = prepare(hostile, export(hostile.companies, ABOUT), name, mode="replace")
        assert report.diff.empty, report.diff
        assert not report.has_errors
        assert {p.severity for p in report.problems} <= {WARNING}


def test_the_data_file_itself_imports_back_unchanged(dataset):
    from atlas.loading import COMPANIES_FILE
    from tests.conftest import DATA

    report = prepare(dataset, (DATA / COMPANIES_FILE).read_bytes(), COMPANIES_FILE, mode="replace")
    assert report.diff.empty and not report.has_errors and report.problems == ()


def test_file_place_fields_that_disagree_are_warned_and_derived(dataset):
    data = csv_bytes(
        [
            ["Name", "Town", "Canton", "Latitude", "Longitude", "Sources", "Confidence"],
            ["Synthetic Place One", "Belval", "Capellen", "49,5", "6,0", "https://p.example", "low"],
            ["Synthetic Place Two", "Atlantis", "", "", "", "https://q.example", "low"],
            ["Synthetic Place Three", "Mamer", "", "49,6", "", "https://r.example", "low"],
        ]
    )
    report = prepare(dataset, data)
    assert where(report) == [
        (1, "Canton", WARNING),
        (1, "Latitude", WARNING),
        (2, "Town", WARNING),
        (3, "Longitude", ERROR),
    ]
    placed = report.companies.set_index("id").loc["synthetic-place-one"]
    assert (placed["canton"], pd.isna(placed["lat"])) == ("Esch-sur-Alzette", True)


def test_unreadable_and_unrecognised_files_raise(dataset):
    with pytest.raises(ImportFileError):
        prepare(dataset, b"")
    with pytest.raises(ImportFileError, match="None of the columns"):
        prepare(dataset, b"foo,bar\n1,2\n")
    with pytest.raises(ValueError, match="Unknown mode"):
        prepare(dataset, valid_file(), mode="merge")


def test_to_json_has_the_command_line_shape(dataset):
    report = prepare(dataset, messy_export(dataset))
    out = report.to_json()
    assert set(out) == {"rows", "valid_rows", "problems", "added", "changed", "removed", "version"}
    assert out["version"] is None and out["rows"] == 9 and out["changed"] == ["arspectra"]
    assert set(out["problems"][0]) == {"row", "column", "severity", "message"}
    assert report.to_json(version=8)["version"] == 8


cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False),
    st.dates(),
    st.sampled_from(["=1+1", "<b>x</b>", "31/02/2020", "49,6", "https://x.lu", "Santé numérique", "\u202ex"]),
)
HEADERS = ["Nom", "Site web", "Année de création", "Localité", "Sous-secteur", "Niches", "Sources", "Latitude",
           "Longitude", "Date de vérification", "Confiance", "Atlas id", "Inconnu"]  # fmt: skip


def must_not_publish(report):
    store = FakeStore()
    if report.has_errors:
        with pytest.raises(ImportHasErrors):
            publish_import(store, report, author="a", note="n")
        assert store.published == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), name=st.sampled_from(["f.csv", "f.xlsx", "f.txt"]))
def test_random_bytes_never_crash_and_never_publish(dataset, data, name):
    try:
        report = prepare(dataset, data, name)
    except ImportFileError:
        return
    must_not_publish(report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=2, max_size=6, unique=True),
    rows=st.lists(st.lists(cells, min_size=6, max_size=6), max_size=5),
    as_xlsx=st.booleans(),
    mode=st.sampled_from(["upsert", "replace"]),
)
def test_random_cells_never_crash_and_never_publish_errors(dataset, header, rows, as_xlsx, mode):
    rows = [row[: len(header)] for row in rows]
    if as_xlsx:
        data, name = xlsx_bytes({"S": [header, *rows]}), "f.xlsx"
    else:
        data, name = csv_bytes([header, *[["" if c is None else str(c) for c in row] for row in rows]], ";"), "f.csv"
    try:
        report = prepare(dataset, data, name, mode=mode)
    except ImportFileError:
        return
    assert report.valid_rows <= report.rows
    must_not_publish(report)
