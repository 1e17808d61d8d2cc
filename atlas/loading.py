"""The one module through which the app reads data: every file is read, validated and typed here.

`load_dataset()` returns a `Dataset`: the reference files (landmarks, communes, sector figures, site
facts, sources) of the data directory, and the companies of the store's latest version (`atlas.store`;
an empty store is first seeded from the directory's companies.csv). `load_files()` reads every file,
companies included, without a store (the build and file checks). Any problem raises `DataFileError`
naming the file, the row and the column. The directory is `HEALTHTECH_DATA_DIR` when set, else `data/`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from atlas.store import DatasetVersion, Store, company_frame
from atlas.text import fold
from atlas.validation import (
    CompanyRow,
    DataFileError,
    LandmarkRow,
    Problem,
    SectorFigureRow,
    SiteFactRow,
    SourceRow,
    validate_rows,
)
from atlas.vocabulary import INACTIVE_STATUSES

DATA_DIR_ENV = "HEALTHTECH_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

COMPANIES_FILE = "companies.csv"
LANDMARKS_FILE = "landmarks.csv"
SECTOR_FIGURES_FILE = "sector_figures.csv"
COMMUNES_FILE = "communes.geojson"
SITE_FACTS_FILE = "site_facts.csv"
SOURCES_FILE = "sources.csv"

COMPANY_COLUMNS = list(CompanyRow.model_fields)
OPTIONAL_COMPANY_COLUMNS = ("site_id", "verified_on", "status", "status_note")  # older files may lack them
OWNER_COLUMNS = (
    "status",
    "status_note",
)  # set by the data owners in the store; the build from research leaves them out
LANDMARK_COLUMNS = list(LandmarkRow.model_fields)
SECTOR_FIGURE_COLUMNS = list(SectorFigureRow.model_fields)
SITE_FACT_COLUMNS = list(SiteFactRow.model_fields)
SOURCE_COLUMNS = list(SourceRow.model_fields)
REQUIRED_COMMUNE_PROPERTIES = ("COMMUNE", "CANTON", "LAU2")


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows, validated and typed."""

    companies: pd.DataFrame
    landmarks: pd.DataFrame
    sector_figures: pd.DataFrame
    communes: gpd.GeoDataFrame
    site_facts: pd.DataFrame
    sources: pd.DataFrame
    version: DatasetVersion | None = None  # the store version of the companies; None when read from files


def data_dir() -> Path:
    """The data directory in use: $HEALTHTECH_DATA_DIR, else the bundled `data/`."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DATA_DIR


def read_text(path: Path) -> str:
    """A file's text as UTF-8; a missing, non-UTF-8 or empty file raises DataFileError."""
    name = path.name
    if not path.is_file():
        raise DataFileError([Problem(name, f"file not found in {path.parent}")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataFileError(
            [Problem(name, f"not UTF-8 text: byte 0x{raw[err.start]:02x} on line {line}; save it as UTF-8")]
        ) from None
    if not text.strip():
        raise DataFileError([Problem(name, "the file is empty")])
    return text


def read_csv_rows(path: Path, required: list[str]) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of strings, after checking the header has `required`."""
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError([Problem(path.name, f"missing column(s): {', '.join(missing)}")])
    reader.fieldnames = header
    rows = []
    for number, row in enumerate(reader, start=1):
        if None in row:  # more cells than header columns
            raise DataFileError([Problem(path.name, "more cells than there are columns", number)])
        rows.append({k: (v or "") for k, v in row.items()})
    if not rows:
        raise DataFileError([Problem(path.name, "the file has a header but no rows")])
    return rows


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=columns)


def load_companies(
    path: Path, communes: gpd.GeoDataFrame | None = None, landmarks: pd.DataFrame | None = None
) -> pd.DataFrame:
    """companies.csv as a typed DataFrame sorted by name, with a folded `search_key`.

    With `communes` and `landmarks`, also checks that every commune, canton and site id exists.
    """
    rows = read_csv_rows(path, [c for c in COMPANY_COLUMNS if c not in OPTIONAL_COMPANY_COLUMNS])
    df = company_frame(validate_rows(path.name, rows, CompanyRow))
    if communes is not None and landmarks is not None:
        _cross_check(df, landmarks, communes)
    return with_search_key(df)


def with_search_key(companies: pd.DataFrame) -> pd.DataFrame:
    """Companies sorted by name, with `search_key`: name and description folded for search."""
    df = companies.copy()
    df["search_key"] = (df["name"] + " " + df["description"]).map(fold)
    return df.sort_values("name", key=lambda s: s.map(fold), ignore_index=True)


def load_landmarks(path: Path) -> pd.DataFrame:
    """landmarks.csv as a typed DataFrame."""
    rows = read_csv_rows(path, LANDMARK_COLUMNS)
    return _frame(validate_rows(path.name, rows, LandmarkRow), LANDMARK_COLUMNS)


def load_sector_figures(path: Path) -> pd.DataFrame:
    """sector_figures.csv: published figures, each with year and source."""
    rows = read_csv_rows(path, SECTOR_FIGURE_COLUMNS)
    return _frame(validate_rows(path.name, rows, SectorFigureRow), SECTOR_FIGURE_COLUMNS)


def load_site_facts(path: Path, landmarks: pd.DataFrame) -> pd.DataFrame:
    """site_facts.csv: reported facts about sites (sizes, timelines), each with its source."""
    rows = read_csv_rows(path, SITE_FACT_COLUMNS)
    facts = _frame(validate_rows(path.name, rows, SiteFactRow, unique=None), SITE_FACT_COLUMNS)
    known = set(landmarks["id"])
    problems = [
        Problem(path.name, f"unknown site id {site!r}", number, "site_id")
        for number, site in enumerate(facts["site_id"], start=1)
        if site not in known
    ]
    if problems:
        raise DataFileError(problems)
    return facts


def load_sources(path: Path) -> pd.DataFrame:
    """sources.csv: origin, licence and date of every data file."""
    rows = read_csv_rows(path, SOURCE_COLUMNS)
    return _frame(validate_rows(path.name, rows, SourceRow, unique="file"), SOURCE_COLUMNS)


def load_communes(path: Path) -> gpd.GeoDataFrame:
    """Commune boundaries (WGS84) with COMMUNE, CANTON and LAU2 (kept as strings)."""
    try:
        collection = json.loads(read_text(path))
        communes = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise DataFileError([Problem(path.name, f"not a GeoJSON FeatureCollection ({err})")]) from None
    missing = [p for p in REQUIRED_COMMUNE_PROPERTIES if p not in communes.columns]
    if missing:
        raise DataFileError([Problem(path.name, f"missing feature properties: {', '.join(missing)}")])
    communes["LAU2"] = communes["LAU2"].astype(str)
    return communes


def _cross_check(companies: pd.DataFrame, landmarks: pd.DataFrame, communes: gpd.GeoDataFrame) -> None:
    """Companies must name communes, cantons and sites that exist in the other files."""
    canton_of = dict(zip(communes["COMMUNE"], communes["CANTON"], strict=True))
    landmark_ids = set(landmarks["id"])
    problems = []
    for number, row in enumerate(companies.itertuples(index=False), start=1):
        if row.commune and row.commune not in canton_of:
            problems.append(Problem(COMPANIES_FILE, f"unknown commune {row.commune!r}", number, "commune"))
        elif row.commune and row.canton != canton_of[row.commune]:
            problems.append(
                Problem(COMPANIES_FILE, f"{row.commune} is in canton {canton_of[row.commune]}", number, "canton")
            )
        if row.site_id and row.site_id not in landmark_ids:
            problems.append(Problem(COMPANIES_FILE, f"unknown site id {row.site_id!r}", number, "site_id"))
    if problems:
        raise DataFileError(problems)


def _reference_files(directory: Path) -> dict:
    """Every file but companies.csv, validated: the parts of a Dataset that do not live in the store."""
    communes = load_communes(directory / COMMUNES_FILE)
    landmarks = load_landmarks(directory / LANDMARKS_FILE)
    return {
        "landmarks": landmarks,
        "sector_figures": load_sector_figures(directory / SECTOR_FIGURES_FILE),
        "communes": communes,
        "site_facts": load_site_facts(directory / SITE_FACTS_FILE, landmarks),
        "sources": load_sources(directory / SOURCES_FILE),
    }


def load_files(directory: Path | None = None) -> Dataset:
    """Read and validate every data file of `directory` (default: `data_dir()`), companies.csv included."""
    directory = directory or data_dir()
    files = _reference_files(directory)
    companies = load_companies(directory / COMPANIES_FILE, files["communes"], files["landmarks"])
    return Dataset(companies=companies, **files)


def seed_store(store: Store, directory: Path | None = None) -> DatasetVersion | None:
    """Seed an empty store with the directory's companies.csv (checked like load_files); None if not empty."""
    if store.latest_number() is not None:
        return None
    directory = directory or data_dir()
    path = directory / COMPANIES_FILE
    companies = load_companies(
        path, load_communes(directory / COMMUNES_FILE), load_landmarks(directory / LANDMARKS_FILE)
    )
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    return store.seed_if_empty(companies.drop(columns="search_key"), source_name=path.name, source_checksum=checksum)


def load_dataset(directory: Path | None = None, store: Store | None = None, number: int | None = None) -> Dataset:
    """The reference files of `directory` and the active companies of version `number` (default: the latest)
    of `store` (closed and merged companies are kept in the store but not listed).

    `store` defaults to the database of `atlas.store.database_url()`; an empty store is seeded first.
    """
    directory = directory or data_dir()
    if store is None:
        with Store() as default:
            return load_dataset(directory, default, number)
    files = _reference_files(directory)
    seed_store(store, directory)
    version = store.version(number) if number is not None else store.latest()
    companies = active_companies(store.companies(version.number))
    return Dataset(companies=with_search_key(companies), version=version, **files)


def active_companies(companies: pd.DataFrame) -> pd.DataFrame:
    """The companies the pages list: closed and merged ones stay in the store's versions, not on the pages."""
    return companies[~companies["status"].isin(INACTIVE_STATUSES)].reset_index(drop=True)
