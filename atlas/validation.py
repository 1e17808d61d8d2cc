"""Schemas of the data files and the errors that name file, row and column.

Rows are validated with pydantic models, one model per file. A row number is the
1-based position of the data row below the header (row 1 is the first company), which
is what a spreadsheet shows as line number minus one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlparse

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    model_validator,
)

from atlas.vocabulary import (
    COMPANY_STATUSES,
    CONFIDENCE_LEVELS,
    LANDMARK_KINDS,
    LANDMARK_STATUSES,
    LOCATION_PRECISIONS,
    LUX_LAT_RANGE,
    LUX_LON_RANGE,
    NICHES,
    SUBSECTORS,
)

MAX_PROBLEMS_REPORTED = 20
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LANDMARK_ID = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file; row and column are None when they do not apply."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class DataFileError(Exception):
    """A data file could not be used; carries every problem found (up to a limit)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems[:MAX_PROBLEMS_REPORTED]
        self.more = max(0, len(problems) - MAX_PROBLEMS_REPORTED)
        super().__init__("; ".join(str(p) for p in self.problems))


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in value


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


def _check_urls(value: str) -> str:
    urls = value.split()
    if not urls:
        raise ValueError("at least one source URL is required")
    bad = [u for u in urls if not is_http_url(u)]
    if bad:
        raise ValueError(f"not a well-formed http(s) URL: {bad[0]!r}")
    return " ".join(urls)


def _check_point(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise ValueError("lat and lon must both be given or both be blank")
    if lat is None:
        return
    if not (LUX_LAT_RANGE[0] <= lat <= LUX_LAT_RANGE[1]):
        raise ValueError(f"lat {lat} is outside Luxembourg ({LUX_LAT_RANGE[0]}–{LUX_LAT_RANGE[1]})")
    if not (LUX_LON_RANGE[0] <= lon <= LUX_LON_RANGE[1]):
        raise ValueError(f"lon {lon} is outside Luxembourg ({LUX_LON_RANGE[0]}–{LUX_LON_RANGE[1]})")


def _one_of(allowed: Iterable[str], *, blank: bool = False) -> object:
    """A text type that must be one of `allowed` (or blank when `blank`)."""
    allowed = tuple(allowed)

    def check(value: str) -> str:
        if value in allowed or (blank and not value):
            return value
        raise ValueError(f"{value!r} is not one of: {', '.join(allowed)}")

    return Annotated[str, AfterValidator(check)]


def _matching(pattern: re.Pattern, what: str) -> object:
    """A text type that must match `pattern`, described as `what` in the error."""

    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(f"{value!r} is not {what}")
        return value

    return Annotated[str, AfterValidator(check)]


def _required(value: str) -> str:
    if not value:
        raise ValueError("a value is required")
    return value


def _niche_list(value: str) -> str:
    slugs = [s.strip() for s in value.split(";") if s.strip()]
    unknown = [s for s in slugs if s not in NICHES]
    if unknown:
        raise ValueError(f"unknown niche {unknown[0]!r}; allowed: {', '.join(NICHES)}")
    return ";".join(slugs)


def _website(value: str) -> str:
    if value and not (is_http_url(value) or _HOSTNAME.match(value)):
        raise ValueError(f"{value!r} is neither a host name nor an http(s) URL")
    return value


def _founding_year(value: int | None) -> int | None:
    if value is not None and not (1800 <= value <= date.today().year):
        raise ValueError(f"{value} is not a plausible founding year")
    return value


def _iso_date(value: str) -> str:
    if value:
        try:
            checked = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date written YYYY-MM-DD") from None
        if checked > date.today():
            raise ValueError(f"{value} is in the future")
    return value


def _positive(value: int) -> int:
    if value <= 0:
        raise ValueError("must be a positive number of metres")
    return value


def _http_url(value: str) -> str:
    if not is_http_url(value):
        raise ValueError(f"not a well-formed http(s) URL: {value!r}")
    return value


Required = Annotated[str, AfterValidator(_required)]
Slug = _matching(_SLUG, "a slug (lower-case letters, digits and hyphens)")
LandmarkId = _matching(_LANDMARK_ID, "an id (lower-case letters, digits and underscores)")
SourceUrls = Annotated[str, AfterValidator(_check_urls)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
OptionalFloat = Annotated[float | None, BeforeValidator(_blank_to_none)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class CompanyRow(_Row):
    """A row of companies.csv."""

    id: Slug
    name: Required
    website: Annotated[str, AfterValidator(_website)] = ""
    founded_year: Annotated[int | None, BeforeValidator(_blank_to_none), AfterValidator(_founding_year)] = None
    town: str = ""
    commune: str = ""
    canton: str = ""
    street_address: str = ""
    site: str = ""
    site_id: str = ""
    subsector: _one_of(SUBSECTORS, blank=True) = ""
    niches: Annotated[str, AfterValidator(_niche_list)] = ""
    description: str = ""
    source_urls: SourceUrls
    confidence: _one_of(CONFIDENCE_LEVELS)
    notes: str = ""
    lat: OptionalFloat = None
    lon: OptionalFloat = None
    location_precision: _one_of(LOCATION_PRECISIONS)
    verified_on: Annotated[str, AfterValidator(_iso_date)] = ""  # when the record was last checked; blank = unknown
    status: _one_of(COMPANY_STATUSES, blank=True) = ""  # blank or 'active'; 'closed'/'merged' are not listed
    status_note: str = ""  # why closed or merged (e.g. 'merged into X, 2025'), with its source

    @model_validator(mode="after")
    def _location(self) -> CompanyRow:
        _check_point(self.lat, self.lon)
        has_point = self.lat is not None
        if self.location_precision == "site" and not has_point:
            raise ValueError("location_precision 'site' needs lat and lon")
        if self.location_precision != "site" and has_point:
            raise ValueError(f"location_precision {self.location_precision!r} must not have lat/lon")
        if self.location_precision == "commune" and not self.commune:
            raise ValueError("location_precision 'commune' needs a commune")
        return self


class LandmarkRow(_Row):
    """A row of landmarks.csv."""

    id: LandmarkId
    name: Required
    kind: _one_of(LANDMARK_KINDS)
    lat: float
    lon: float
    address: str = ""
    town: str = ""
    status: _one_of(LANDMARK_STATUSES)
    description: str = ""
    precision_m: Annotated[int, AfterValidator(_positive)]
    source_urls: SourceUrls

    @model_validator(mode="after")
    def _point(self) -> LandmarkRow:
        _check_point(self.lat, self.lon)
        return self


class SectorFigureRow(_Row):
    """A row of sector_figures.csv: one published figure with its year and source."""

    id: Slug
    figure: Required
    value: Required
    unit: str = ""
    year_of_data: str = ""
    source_url: HttpUrl
    quote_paraphrase: str = ""


class SiteFactRow(_Row):
    """A row of site_facts.csv: one reported fact about a site, with its source."""

    site_id: str
    topic: Required
    value: Required
    as_of: str = ""
    source_name: Required
    source_urls: SourceUrls


class SourceRow(_Row):
    """A row of sources.csv: where a data file comes from, under which licence, and when."""

    file: Required
    title: Required
    origin: Required
    licence: Required
    edition: str = ""
    copied: Required
    url: SourceUrls


def validate_rows(
    file: str, rows: list[dict[str, str]], model: type[BaseModel], unique: str | None = "id"
) -> list[dict]:
    """Validate every row against `model`; raise DataFileError listing what is wrong."""
    problems: list[Problem] = []
    records: list[dict] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(rows, start=1):
        try:
            record = model.model_validate(raw).model_dump()
        except ValidationError as err:
            for e in err.errors():
                column = str(e["loc"][0]) if e["loc"] else None
                problems.append(Problem(file, _clean(e["msg"]), number, column))
            continue
        if unique:
            key = record[unique]
            if key in seen:
                problems.append(Problem(file, f"duplicate {unique} {key!r} (also row {seen[key]})", number, unique))
            seen.setdefault(key, number)
        records.append(record)
    if problems:
        raise DataFileError(problems)
    return records


def _clean(message: str) -> str:
    """Pydantic prefixes custom messages with 'Value error, '; drop it."""
    return message.removeprefix("Value error, ")
