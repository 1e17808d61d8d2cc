"""Publishing an import through the real store, on SQLite and PostgreSQL: a new version, nothing written
for a report with errors, and a stale base refused with nothing lost."""

import pandas as pd
import pytest

from atlas.diff import diff_companies
from atlas.importing import ImportHasErrors, prepare_import, publish_import
from atlas.store import COMPANY_COLUMNS, StaleVersionError, Store
from tests.importing_files import csv_bytes

GOOD = csv_bytes(
    [
        ["Nom", "Site web", "Localité", "Sous-secteur", "Sources", "Confiance", "Date de vérification"],
        ["Synthétique Santé", "synth.example", "Mamer", "Services", "https://synth.example/a", "moyenne", "01/11/2026"],
    ],
    ";",
    "cp1252",
)
BAD = csv_bytes([["Nom", "Sources"], ["Sans Source", "pas une URL"]], ";", "cp1252")


@pytest.fixture
def store(database_url, dataset):
    with Store(database_url) as opened:
        opened.seed_if_empty(dataset.companies[COMPANY_COLUMNS].reset_index(drop=True))
        yield opened


def prepare(store, dataset, data, name="mapping.csv", mode="upsert"):
    return prepare_import(
        data,
        name,
        current=store.companies(),
        base=store.latest_number(),
        landmarks=dataset.landmarks,
        communes=dataset.communes,
        mode=mode,
    )


def test_publish_makes_a_new_version_with_the_files_name_and_checksum(store, dataset):
    report = prepare(store, dataset, GOOD)
    version = publish_import(store, report, author="analyst", note="2025 mapping, first rows")
    assert (version.number, version.parent, version.kind) == (2, 1, "import")
    assert (version.added, version.changed, version.removed) == (1, 0, 0)
    assert (version.author, version.note, version.source_name) == ("analyst", "2025 mapping, first rows", "mapping.csv")
    assert version.source_checksum == report.checksum
    published = store.companies().set_index("id").loc["synthetique-sante"]
    assert published[["commune", "confidence", "verified_on"]].tolist() == ["Mamer", "medium", "2026-11-01"]
    assert diff_companies(store.companies(1), store.companies()).added == ("synthetique-sante",)
    # the same file again is an empty difference
    assert prepare(store, dataset, GOOD).diff.empty


def test_a_report_with_errors_writes_nothing(store, dataset):
    before = store.companies()
    report = prepare(store, dataset, BAD, mode="replace")
    assert report.has_errors
    with pytest.raises(ImportHasErrors):
        publish_import(store, report, author="analyst", note="bad")
    assert store.latest_number() == 1 and len(store.versions()) == 1
    pd.testing.assert_frame_equal(store.companies(), before)


def test_publishing_on_a_stale_base_is_refused_and_nothing_is_lost(store, dataset):
    first = prepare(store, dataset, GOOD)
    other = prepare(store, dataset, csv_bytes([["Name", "Notes"], ["Doctena", "checked by phone (test)"]]))
    publish_import(store, other, author="colleague", note="meanwhile")
    with pytest.raises(StaleVersionError):
        publish_import(store, first, author="analyst", note="late")
    assert [v.author for v in store.versions()] == ["colleague", "atlas (first start)"]
    assert "synthetique-sante" not in set(store.companies()["id"])
    again = publish_import(store, prepare(store, dataset, GOOD), author="analyst", note="prepared again")
    assert again.number == 3 and {"synthetique-sante", "doctena"} <= set(store.companies(3)["id"])


def test_replace_removes_and_rollback_restores(store, dataset):
    report = prepare(store, dataset, GOOD, mode="replace")
    assert len(report.diff.removed) == len(dataset.companies)
    version = publish_import(store, report, author="analyst", note="replace all")
    assert (version.added, version.removed) == (1, len(dataset.companies))
    assert store.companies()["id"].tolist() == ["synthetique-sante"]
    store.rollback(1, author="analyst", note="undo")
    assert diff_companies(store.companies(1), store.companies()).empty
