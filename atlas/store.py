"""The data store: every published version of the company data, kept whole, and an append-only audit trail.

The only module that writes SQL. SQLAlchemy 2 Core on SQLite (default `var/atlas.sqlite`) or PostgreSQL
(`HEALTHTECH_DATABASE_URL=postgresql+psycopg://...`). Opening a `Store` upgrades the schema to the newest
Alembic migration (`atlas/migrations/`). Nothing is updated or deleted: a publication adds a version and its
rows, a rollback is a new version equal to an old one, and database triggers refuse UPDATE and DELETE.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from atlas.diff import column_texts, diff_companies
from atlas.validation import CompanyRow, DataFileError, Problem, validate_rows

DATABASE_URL_ENV = "HEALTHTECH_DATABASE_URL"
DEFAULT_DATABASE = Path(__file__).resolve().parent.parent / "var" / "atlas.sqlite"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KINDS = ("seed", "import", "edit", "rollback")
SEED_AUTHOR = "atlas (first start)"
COMPANY_COLUMNS = list(CompanyRow.model_fields)
_INTEGER_COLUMNS = ("founded_year",)
_FLOAT_COLUMNS = ("lat", "lon")
_WRITE = "atlas_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE; PostgreSQL: a lock)
_PG_LOCK_KEY = zlib.crc32(b"lux-healthtech-atlas store")  # advisory lock serialising writers on PostgreSQL

metadata = sa.MetaData()

dataset_version = sa.Table(
    "dataset_version",
    metadata,
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("source_name", sa.Text, nullable=False),
    sa.Column("source_checksum", sa.String(64), nullable=False),
    sa.Column("added", sa.Integer, nullable=False),
    sa.Column("changed", sa.Integer, nullable=False),
    sa.Column("removed", sa.Integer, nullable=False),
    sa.Column("parent", sa.Integer, sa.ForeignKey("dataset_version.number"), nullable=True),
    sa.CheckConstraint("kind IN ('seed', 'import', 'edit', 'rollback')", name="ck_dataset_version_kind"),
)

company_row = sa.Table(
    "company_row",
    metadata,
    sa.Column("version", sa.Integer, sa.ForeignKey("dataset_version.number"), primary_key=True),
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    *(
        sa.Column(
            name,
            sa.Integer if name in _INTEGER_COLUMNS else sa.Float if name in _FLOAT_COLUMNS else sa.Text,
            nullable=name in _INTEGER_COLUMNS + _FLOAT_COLUMNS,
        )
        for name in COMPANY_COLUMNS
        if name != "id"
    ),
)

audit_entry = sa.Table(
    "audit_entry",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("time", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("version", sa.Integer, sa.ForeignKey("dataset_version.number"), nullable=True),
    sa.Column("source_name", sa.Text, nullable=False),
    sa.Column("source_checksum", sa.String(64), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)

AUDIT_COLUMNS = ["time", "author", "action", "version", "source_name", "source_checksum", "note"]


@dataclass(frozen=True)
class DatasetVersion:
    """One published version of the company data."""

    number: int
    published_at: datetime  # UTC, aware
    author: str
    note: str
    kind: str  # "seed" | "import" | "edit" | "rollback"
    source_name: str  # file name ("" when none)
    source_checksum: str  # sha256 hex of the file ("" when none)
    added: int
    changed: int
    removed: int
    parent: int | None


class StaleVersionError(Exception):
    """Someone published after the version a change was prepared on; nothing was written."""

    def __init__(self, base: int | None, latest: DatasetVersion | None):
        self.base = base
        self.latest = latest
        now = f"version {latest.number} by {latest.author}" if latest else "no version"
        super().__init__(
            f"the data changed meanwhile: prepared on version {base}, the latest is now {now}; "
            "nothing was written, prepare the change again on the latest version"
        )


class UnknownVersionError(LookupError):
    """No version with that number."""

    def __init__(self, number: int):
        self.number = number
        super().__init__(f"there is no version {number}")


def database_url() -> str:
    """$HEALTHTECH_DATABASE_URL, else the SQLite file var/atlas.sqlite of this checkout."""
    return os.environ.get(DATABASE_URL_ENV, "").strip() or f"sqlite:///{DEFAULT_DATABASE}"


def ensure_database_dir(url: str) -> None:
    """Create the directory of a SQLite database file (e.g. var/) when it does not exist yet."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def company_frame(records: list) -> pd.DataFrame:
    """Company records (dicts, or tuples in COMPANY_COLUMNS order) as a typed frame with COMPANY_COLUMNS
    (years Int64, coordinates float, text str)."""
    frame = pd.DataFrame.from_records(records, columns=COMPANY_COLUMNS)
    frame["founded_year"] = frame["founded_year"].astype("Int64")
    frame[list(_FLOAT_COLUMNS)] = frame[list(_FLOAT_COLUMNS)].astype("float64")
    return frame


def company_texts(companies: pd.DataFrame, source: str = "company data") -> pd.DataFrame:
    """`companies` as the text a data file holds, one column per company field ('' when the file lacks
    site_id or verified_on); DataFileError when a required column is missing or there is no row."""
    missing = [c for c in COMPANY_COLUMNS if c not in companies.columns and c not in ("site_id", "verified_on")]
    if missing:
        raise DataFileError([Problem(source, f"missing column(s): {', '.join(missing)}")])
    if companies.empty:
        raise DataFileError([Problem(source, "no companies: a version must hold at least one company")])
    blank = pd.Series("", index=companies.index, dtype=object)
    return pd.DataFrame(
        {c: column_texts(companies[c]) if c in companies.columns else blank for c in COMPANY_COLUMNS}
    ).reset_index(drop=True)


def checked_records(texts: pd.DataFrame, base: pd.DataFrame, source: str = "company data") -> list[dict]:
    """Typed records of `texts` (from company_texts), every row valid for CompanyRow with a unique id.

    Rows identical to a row of `base` (companies already in the store, hence already checked) are taken
    from `base`; every other row is checked. DataFileError names row (1 = first row) and column.
    """
    base_texts = company_texts(base, source).set_index("id", drop=False) if not base.empty else None
    if base_texts is None:
        same = pd.Series(False, index=texts.index).to_numpy()
    else:
        aligned = base_texts[~base_texts.index.duplicated()].reindex(texts["id"]).to_numpy(dtype=object)
        same = (aligned == texts.to_numpy(dtype=object)).all(axis=1)
    to_check = [i for i in range(len(texts)) if not same[i]]
    problems = _duplicate_ids(texts["id"], source)
    more = 0
    checked: list[dict] = []
    try:
        checked = validate_rows(source, texts.iloc[to_check].to_dict("records"), CompanyRow, unique=None)
    except DataFileError as err:  # rows were numbered within `to_check`: give them their row in `texts`
        problems += [replace(p, row=to_check[p.row - 1] + 1) if p.row else p for p in err.problems]
        more = err.more
    if problems:
        refused = DataFileError(sorted(problems, key=lambda p: p.row or 0))
        refused.more += more
        raise refused
    records = dict(zip(to_check, checked, strict=True))
    if len(records) < len(texts):
        columns = [base[c].astype(object).tolist() for c in COMPANY_COLUMNS]
        kept = {
            r["id"]: r for r in (_plain(dict(zip(COMPANY_COLUMNS, v, strict=True))) for v in zip(*columns, strict=True))
        }
        ids = texts["id"].tolist()
        records.update({i: kept[ids[i]] for i in range(len(texts)) if i not in records})
    return [records[i] for i in range(len(texts))]


def _duplicate_ids(ids: pd.Series, source: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for number, company in enumerate(ids.tolist(), start=1):
        if company in first:
            problems.append(Problem(source, f"duplicate id {company!r} (also row {first[company]})", number, "id"))
        first.setdefault(company, number)
    return problems


def _plain(record: dict) -> dict:
    """A typed record with missing values as None (what the database takes)."""
    return {k: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v) for k, v in record.items()}


def _version(row: sa.Row) -> DatasetVersion:
    values = row._asdict()
    published = values["published_at"]
    values["published_at"] = published.replace(tzinfo=UTC) if published.tzinfo is None else published.astimezone(UTC)
    return DatasetVersion(**values)


class Store:
    """The versioned company data in one database; safe to share between threads."""

    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self.dialect = sa.make_url(self.url).get_backend_name()
        ensure_database_dir(self.url)
        options = {"connect_args": {"timeout": 30}} if self.dialect == "sqlite" else {"pool_pre_ping": True}
        self.engine: Engine = sa.create_engine(self.url, **options)
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_connect)
            sa.event.listen(self.engine, "begin", _sqlite_begin)
        self._upgrade_schema()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def _writing(self):
        """A write transaction: one writer at a time (SQLite BEGIN IMMEDIATE, PostgreSQL advisory lock)."""
        return _WriteTransaction(self)

    def _upgrade_schema(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self._writing() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def latest_number(self) -> int | None:
        """The number of the latest version (None when nothing was published): one cheap query."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(dataset_version.c.number))).scalar()

    def latest(self) -> DatasetVersion | None:
        """The latest version, or None when nothing was published."""
        with self.engine.connect() as conn:
            return _latest(conn)

    def version(self, number: int) -> DatasetVersion:
        """Version `number`; UnknownVersionError when there is none."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(dataset_version).where(dataset_version.c.number == number)).first()
        if row is None:
            raise UnknownVersionError(number)
        return _version(row)

    def versions(self) -> list[DatasetVersion]:
        """Every version, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(dataset_version).order_by(dataset_version.c.number.desc())).all()
        return [_version(r) for r in rows]

    def companies(self, number: int | None = None) -> pd.DataFrame:
        """The companies of version `number` (default: the latest) in their published order."""
        with self.engine.connect() as conn:
            if number is None:
                number = conn.execute(sa.select(sa.func.max(dataset_version.c.number))).scalar()
                if number is None:
                    return company_frame([])
            elif (
                conn.execute(sa.select(dataset_version.c.number).where(dataset_version.c.number == number)).first()
                is None
            ):
                raise UnknownVersionError(number)
            return _companies(conn, number)

    def publish(
        self,
        companies: pd.DataFrame,
        *,
        base: int | None,
        author: str,
        note: str,
        kind: str = "import",
        source_name: str = "",
        source_checksum: str = "",
    ) -> DatasetVersion:
        """Publish `companies` as a new version prepared on version `base`, in one transaction.

        Refuses, writing nothing: rows that fail CompanyRow (DataFileError naming row and column), and a
        `base` that is no longer the latest (StaleVersionError). Counts come from atlas.diff against `base`.
        """
        texts = company_texts(companies, source_name or "company data")
        with self._writing() as conn:
            return _publish(conn, texts, base, author, note, kind, source_name, source_checksum, action=kind)

    def rollback(self, number: int, *, author: str, note: str = "") -> DatasetVersion:
        """A new version whose companies are exactly those of version `number`."""
        with self._writing() as conn:
            latest = _latest(conn)
            if (
                conn.execute(sa.select(dataset_version.c.number).where(dataset_version.c.number == number)).first()
                is None
            ):
                raise UnknownVersionError(number)
            if latest.number == number:
                raise ValueError(f"version {number} is already the latest; nothing to roll back")
            texts = company_texts(_companies(conn, number), f"version {number}")
            note = note or f"Rollback to version {number}"
            return _publish(conn, texts, latest.number, author, note, "rollback", "", "", action="rollback")

    def seed_if_empty(
        self, companies: pd.DataFrame, *, source_name: str = "companies.csv", source_checksum: str = ""
    ) -> DatasetVersion | None:
        """Publish `companies` as version 1 (kind "seed") when the store is empty; else do nothing (None)."""
        texts = company_texts(companies, source_name)
        with self._writing() as conn:
            if _latest(conn) is not None:
                return None
            note = "First start: seeded from the bundled data"
            return _publish(conn, texts, None, SEED_AUTHOR, note, "seed", source_name, source_checksum, "seed")

    def audit(self) -> pd.DataFrame:
        """The append-only audit trail, oldest first: time, author, action, version, source, checksum, note."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*(audit_entry.c[c] for c in AUDIT_COLUMNS)).order_by(audit_entry.c.id)).all()
        frame = pd.DataFrame.from_records([tuple(r) for r in rows], columns=AUDIT_COLUMNS)
        frame["time"] = pd.to_datetime(frame["time"], utc=True)
        frame["version"] = frame["version"].astype("Int64")
        return frame


class _WriteTransaction:
    """Context manager: a connection in a transaction that holds the writers' lock until commit."""

    def __init__(self, store: Store):
        self.store = store
        self.connection: Connection | None = None
        self.transaction = None

    def __enter__(self) -> Connection:
        self.connection = self.store.engine.connect().execution_options(**{_WRITE: True})
        self.transaction = self.connection.begin()
        if self.store.dialect == "postgresql":
            self.connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        return self.connection

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.connection.close()


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by _sqlite_begin, DDL included
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never wait for a publication
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(_WRITE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _latest(conn: Connection) -> DatasetVersion | None:
    row = conn.execute(sa.select(dataset_version).order_by(dataset_version.c.number.desc()).limit(1)).first()
    return _version(row) if row else None


def _companies(conn: Connection, number: int) -> pd.DataFrame:
    columns = [company_row.c[c] for c in COMPANY_COLUMNS]
    query = sa.select(*columns).where(company_row.c.version == number).order_by(company_row.c.position)
    return company_frame([tuple(r) for r in conn.execute(query)])


def _insert_rows(conn: Connection, number: int, records: list[dict]) -> None:
    """The company rows of version `number`, in one executemany of plain tuples (fast for 100,000 rows)."""
    names = ["version", "position", *COMPANY_COLUMNS]
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO company_row ({', '.join(names)}) VALUES ({', '.join([marker] * len(names))})"
    rows = [(number, position, *(record[c] for c in COMPANY_COLUMNS)) for position, record in enumerate(records)]
    conn.exec_driver_sql(statement, rows)


def _publish(
    conn: Connection,
    texts: pd.DataFrame,
    base: int | None,
    author: str,
    note: str,
    kind: str,
    source_name: str,
    source_checksum: str,
    action: str,
) -> DatasetVersion:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    if not author.strip():
        raise ValueError("an author is required")
    latest = _latest(conn)
    if (latest.number if latest else None) != base:
        raise StaleVersionError(base, latest)
    old = _companies(conn, base) if base is not None else company_frame([])
    records = checked_records(texts, old, source_name or "company data")
    counts = diff_companies(old, company_frame(records), [c for c in COMPANY_COLUMNS if c != "id"]).counts()
    version = DatasetVersion(
        number=(base or 0) + 1,
        published_at=datetime.now(UTC),
        author=author.strip(),
        note=note.strip(),
        kind=kind,
        source_name=source_name,
        source_checksum=source_checksum,
        parent=base,
        **counts,
    )
    conn.execute(dataset_version.insert(), [version.__dict__])
    _insert_rows(conn, version.number, records)
    conn.execute(
        audit_entry.insert(),
        [
            {
                "time": version.published_at,
                "author": version.author,
                "action": action,
                "version": version.number,
                "source_name": source_name,
                "source_checksum": source_checksum,
                "note": version.note,
            }
        ],
    )
    return version
