"""Loading and validation: the bundled data load; broken files name file, row and column."""

import csv
import hashlib

import pytest

from atlas.loading import COMPANIES_FILE, LANDMARKS_FILE, data_dir, load_dataset, load_files, seed_store
from atlas.store import Store
from atlas.validation import DataFileError
from tests.conftest import DATA, add_synthetic_companies, copy_data_dir, synthetic_company


def test_bundled_data_loads(dataset):
    assert len(dataset.companies) == 52
    assert dataset.companies["id"].is_unique
    assert {"heal_campus", "house_of_biohealth", "sudspidol", "city_of_sciences"} <= set(dataset.landmarks["id"])
    assert len(dataset.communes) == 100
    assert dataset.communes["LAU2"].str.len().eq(4).all()


def test_every_company_keeps_its_sources(dataset):
    assert dataset.companies["source_urls"].str.startswith("http").all()


def test_companies_are_sorted_by_name(dataset):
    names = dataset.companies["name"].str.casefold().tolist()
    assert names[0].startswith("advanced") and names[-1] == "voicemed"


def test_data_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HEALTHTECH_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path.resolve()
    monkeypatch.delenv("HEALTHTECH_DATA_DIR")
    assert data_dir() == DATA


@pytest.fixture
def broken(tmp_path):
    """A writable copy of data/ to break."""
    return copy_data_dir(tmp_path / "data")


def rewrite_companies(directory, change):
    path = directory / COMPANIES_FILE
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    header = list(rows[0])
    rows, header = change(rows, header)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def problems_of(directory):
    with pytest.raises(DataFileError) as err:
        load_files(directory)
    return err.value.problems


def test_missing_column_is_named(broken):
    def drop(rows, header):
        header.remove("confidence")
        return [{k: v for k, v in r.items() if k != "confidence"} for r in rows], header

    rewrite_companies(broken, drop)
    [problem] = problems_of(broken)
    assert problem.file == COMPANIES_FILE and "confidence" in problem.message


def test_unknown_niche_names_row_and_column(broken):
    def bad_niche(rows, header):
        rows[2]["niches"] = "digital-health;cardiology"
        return rows, header

    rewrite_companies(broken, bad_niche)
    [problem] = problems_of(broken)
    assert (problem.file, problem.row, problem.column) == (COMPANIES_FILE, 3, "niches")
    assert "cardiology" in problem.message
    assert str(problem).startswith("companies.csv, row 3, column 'niches'")


def test_duplicate_id(broken):
    add_synthetic_companies(broken, [synthetic_company("doctena", "Synthetic duplicate")])
    [problem] = problems_of(broken)
    assert problem.column == "id" and problem.row == 53 and "duplicate" in problem.message


def test_coordinates_outside_luxembourg(broken):
    add_synthetic_companies(broken, [synthetic_company("synthetic-paris", "Synthetic Paris", lat="48.85", lon="2.35")])
    messages = {(p.row, p.column): p.message for p in problems_of(broken)}
    assert any("outside Luxembourg" in m for m in messages.values())
    assert all(row == 53 for row, _ in messages)


def test_bad_founding_year_and_url(broken):
    add_synthetic_companies(
        broken, [synthetic_company("synthetic-bad", "Synthetic bad", founded_year="20x5", source_urls="not a url")]
    )
    columns = {p.column for p in problems_of(broken)}
    assert {"founded_year", "source_urls"} <= columns


def test_not_utf8(broken):
    path = broken / COMPANIES_FILE
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    [problem] = problems_of(broken)
    assert problem.file == COMPANIES_FILE and "UTF-8" in problem.message and "line" in problem.message


def test_empty_file(broken):
    (broken / LANDMARKS_FILE).write_text("")
    [problem] = problems_of(broken)
    assert problem.file == LANDMARKS_FILE and "empty" in problem.message


def test_header_only(broken):
    (broken / COMPANIES_FILE).write_text((DATA / COMPANIES_FILE).read_text(encoding="utf-8").splitlines()[0] + "\n")
    [problem] = problems_of(broken)
    assert "no rows" in problem.message


def test_unknown_commune_is_cross_checked(broken):
    def bad_commune(rows, header):
        doctena = next(r for r in rows if r["id"] == "doctena")
        doctena["commune"] = "Atlantis"
        return rows, header

    rewrite_companies(broken, bad_commune)
    [problem] = problems_of(broken)
    assert problem.column == "commune" and "Atlantis" in problem.message


def test_many_problems_are_capped(broken):
    add_synthetic_companies(
        broken, [synthetic_company(f"synthetic-{i}", f"Synthetic {i}", confidence="maybe") for i in range(30)]
    )
    with pytest.raises(DataFileError) as err:
        load_files(broken)
    assert len(err.value.problems) == 20 and err.value.more == 10


def test_hostile_text_loads_as_text(hostile_data_dir):
    companies = load_files(hostile_data_dir).companies
    assert "<img src=x onerror=alert(1)>" in set(companies["name"])


@pytest.fixture
def empty_store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'atlas.sqlite'}") as store:
        yield store


def test_load_dataset_seeds_an_empty_store_from_companies_csv(empty_store):
    loaded = load_dataset(DATA, empty_store)
    assert loaded.version.number == 1 and loaded.version.kind == "seed"
    assert loaded.version.source_checksum == hashlib.sha256((DATA / COMPANIES_FILE).read_bytes()).hexdigest()
    assert loaded.companies.equals(load_files(DATA).companies)


def test_load_dataset_reads_the_store_and_never_seeds_again(empty_store, broken):
    load_dataset(DATA, empty_store)
    (broken / COMPANIES_FILE).write_text("not, a, company file\n")  # not read: the store has a version
    companies = empty_store.companies()
    empty_store.publish(companies[companies["id"] != "doctena"], base=1, author="a", note="")
    latest = load_dataset(broken, empty_store)
    assert latest.version.number == 2 and len(latest.companies) == 51 and "search_key" in latest.companies
    assert load_dataset(broken, empty_store, 1).version.number == 1
    assert seed_store(empty_store, DATA) is None and empty_store.latest_number() == 2


def test_broken_companies_file_seeds_nothing(empty_store, broken):
    add_synthetic_companies(broken, [synthetic_company("synthetic-x", "X", commune="Atlantis")])
    with pytest.raises(DataFileError):
        load_dataset(broken, empty_store)
    assert empty_store.latest_number() is None
