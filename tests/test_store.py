"""The versioned store, on SQLite and on a real PostgreSQL: publish, versions, counts, rollback, refusals, audit."""

from datetime import UTC, datetime

import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from atlas.diff import diff_companies
from atlas.store import (
    COMPANY_COLUMNS,
    DATABASE_URL_ENV,
    DEFAULT_DATABASE,
    StaleVersionError,
    Store,
    UnknownVersionError,
    database_url,
    metadata,
)
from atlas.validation import DataFileError
from tests.conftest import FORMULA_NAME, HOSTILE_NAME, synthetic_company


@pytest.fixture
def store(database_url):
    with Store(database_url) as opened:
        yield opened


@pytest.fixture
def seed(dataset):
    """The bundled companies, as the store takes them."""
    return dataset.companies[COMPANY_COLUMNS].reset_index(drop=True)


@pytest.fixture
def seeded(store, seed):
    store.seed_if_empty(seed)
    return store


def synthetic_rows(*companies: dict) -> pd.DataFrame:
    """Synthetic company rows (test data only) as a frame of every company column."""
    return pd.DataFrame([{c: company.get(c, "") for c in COMPANY_COLUMNS} for company in companies])


def edited(seed: pd.DataFrame) -> pd.DataFrame:
    """The seed with one company renamed, one removed and two synthetic ones added."""
    frame = seed[seed["id"] != "doctena"].copy()
    frame.loc[frame["id"] == "viewmind", "name"] = "ViewMind (renamed in a test)"
    extra = synthetic_rows(synthetic_company("synthetic-a", "Synthetic A"), synthetic_company("synthetic-b", "B"))
    return pd.concat([frame, extra], ignore_index=True)


def test_schema_made_by_the_migrations_matches_the_tables_of_the_code(store):
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_empty_store_has_no_version(store):
    assert store.latest_number() is None and store.latest() is None and store.versions() == []
    assert store.companies().empty and list(store.companies().columns) == COMPANY_COLUMNS


def test_seed_once(store, seed):
    first = store.seed_if_empty(seed)
    assert (first.number, first.kind, first.added, first.changed, first.removed, first.parent) == (
        1,
        "seed",
        52,
        0,
        0,
        None,
    )
    assert store.seed_if_empty(seed.head(3)) is None
    assert store.latest_number() == 1 and len(store.companies()) == 52


def test_reopening_keeps_the_data_and_does_not_migrate_again(database_url, seed):
    with Store(database_url) as first:
        first.seed_if_empty(seed)
    with Store(database_url) as again:
        assert again.latest_number() == 1 and again.seed_if_empty(seed) is None
        assert len(again.audit()) == 1


def test_publish_adds_a_version_with_counts_and_metadata(seeded, seed):
    before = datetime.now(UTC)
    version = seeded.publish(
        edited(seed),
        base=1,
        author=" Analyst ",
        note="Q4 update",
        source_name="mapping.xlsx",
        source_checksum="ab" * 32,
    )
    assert (version.number, version.parent, version.kind) == (2, 1, "import")
    assert (version.added, version.changed, version.removed) == (2, 1, 1)
    assert (version.author, version.note, version.source_name) == ("Analyst", "Q4 update", "mapping.xlsx")
    assert version.source_checksum == "ab" * 32
    assert before <= version.published_at <= datetime.now(UTC) and version.published_at.tzinfo is not None
    assert seeded.latest() == version == seeded.version(2)


def test_published_companies_come_back_exactly(seeded, seed):
    frame = edited(seed)
    seeded.publish(frame, base=1, author="a", note="")
    back = seeded.companies()
    assert list(back.columns) == COMPANY_COLUMNS and back["id"].tolist() == frame["id"].tolist()
    assert diff_companies(frame, back).empty
    assert str(back["founded_year"].dtype) == "Int64" and str(back["lat"].dtype) == "float64"


def test_versions_newest_first_and_unknown_version(seeded, seed):
    seeded.publish(edited(seed), base=1, author="a", note="two")
    assert [v.number for v in seeded.versions()] == [2, 1]
    with pytest.raises(UnknownVersionError):
        seeded.version(9)
    with pytest.raises(UnknownVersionError):
        seeded.companies(9)


def test_rollback_is_a_new_version_equal_to_the_old_one(seeded, seed):
    seeded.publish(edited(seed), base=1, author="a", note="")
    back = seeded.rollback(1, author="Steward", note="undo Q4")
    assert (back.number, back.kind, back.parent, back.author, back.note) == (3, "rollback", 2, "Steward", "undo Q4")
    assert (back.added, back.changed, back.removed) == (1, 1, 2)
    assert diff_companies(seeded.companies(1), seeded.companies(3)).empty
    assert seeded.rollback(2, author="Steward").note == "Rollback to version 2"
    assert diff_companies(seeded.companies(2), seeded.companies(4)).empty


def test_rollback_refuses_the_latest_and_unknown_versions(seeded):
    with pytest.raises(ValueError, match="already the latest"):
        seeded.rollback(1, author="a")
    with pytest.raises(UnknownVersionError):
        seeded.rollback(7, author="a")
    assert seeded.latest_number() == 1


def test_stale_base_is_refused_and_nothing_is_written(seeded, seed, database_url):
    with Store(database_url) as other_process:
        other_process.publish(edited(seed), base=1, author="Other", note="first")
    with pytest.raises(StaleVersionError) as refused:
        seeded.publish(seed.head(5), base=1, author="Late", note="second")
    assert refused.value.latest.number == 2 and refused.value.latest.author == "Other"
    assert "version 2" in str(refused.value)
    assert seeded.latest_number() == 2 and len(seeded.audit()) == 2
    with pytest.raises(StaleVersionError):
        seeded.publish(seed, base=None, author="Late", note="")


@pytest.mark.parametrize(
    ("change", "row", "column", "words"),
    [
        (lambda f: f.assign(niches=f["niches"].where(f.index != 2, "cardiology")), 3, "niches", "cardiology"),
        (lambda f: f.assign(source_urls=f["source_urls"].where(f.index != 0, "ftp://x")), 1, "source_urls", "http"),
        (lambda f: f.assign(name=f["name"].where(f.index != 4, " ")), 5, "name", "required"),
        (lambda f: pd.concat([f, f.iloc[[0]]], ignore_index=True), 53, "id", "duplicate"),
        (lambda f: f.drop(columns="confidence"), None, None, "confidence"),
        (lambda f: f.iloc[0:0], None, None, "no companies"),
    ],
)
def test_invalid_frame_is_refused_with_nothing_written(seeded, seed, change, row, column, words):
    with pytest.raises(DataFileError) as refused:
        seeded.publish(change(seed.copy()), base=1, author="a", note="", source_name="bad.csv")
    problem = refused.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("bad.csv", row, column)
    assert words in problem.message
    assert seeded.latest_number() == 1 and len(seeded.audit()) == 1


def test_author_and_kind_are_checked(seeded, seed):
    with pytest.raises(ValueError, match="author"):
        seeded.publish(seed, base=1, author=" ", note="")
    with pytest.raises(ValueError, match="kind"):
        seeded.publish(seed, base=1, author="a", note="", kind="delete")
    assert seeded.latest_number() == 1


def test_old_versions_stay_whole(seeded, seed):
    frame = edited(seed)
    seeded.publish(frame, base=1, author="a", note="")
    seeded.publish(frame.head(10), base=2, author="a", note="", kind="edit")
    seeded.rollback(1, author="a")
    assert diff_companies(seed, seeded.companies(1)).empty and len(seeded.companies(1)) == 52
    assert diff_companies(frame, seeded.companies(2)).empty and len(seeded.companies(3)) == 10


def test_hostile_text_is_stored_as_text(seeded, seed):
    hostile = synthetic_rows(
        synthetic_company("synthetic-html", HOSTILE_NAME), synthetic_company("synthetic-formula", FORMULA_NAME)
    )
    seeded.publish(pd.concat([seed, hostile], ignore_index=True), base=1, author="a", note="'; DROP TABLE x; --")
    names = set(seeded.companies()["name"])
    assert {HOSTILE_NAME, FORMULA_NAME} <= names
    assert seeded.latest().note == "'; DROP TABLE x; --"


def test_audit_trail_is_append_only(seeded, seed):
    seeded.publish(edited(seed), base=1, author="Analyst", note="n", source_name="f.csv", source_checksum="c" * 64)
    first = seeded.audit()
    seeded.rollback(1, author="Steward")
    trail = seeded.audit()
    assert trail.iloc[:2].equals(first)
    assert trail["action"].tolist() == ["seed", "import", "rollback"]
    assert trail["version"].tolist() == [1, 2, 3] and trail["author"].tolist()[1:] == ["Analyst", "Steward"]
    assert trail.loc[1, "source_checksum"] == "c" * 64
    for statement in (
        "UPDATE audit_entry SET note = 'rewritten'",
        "DELETE FROM audit_entry",
        "UPDATE company_row SET name = 'x'",
        "DELETE FROM company_row WHERE version = 1",
        "DELETE FROM dataset_version WHERE number = 3",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), seeded.engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert seeded.audit().equals(trail) and len(seeded.companies(1)) == 52


def test_database_url_follows_environment(monkeypatch):
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql+psycopg://u@127.0.0.1:1/x")
    assert database_url() == "postgresql+psycopg://u@127.0.0.1:1/x"
    monkeypatch.delenv(DATABASE_URL_ENV)
    assert database_url() == f"sqlite:///{DEFAULT_DATABASE}"
