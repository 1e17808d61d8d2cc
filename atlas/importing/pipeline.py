"""The import as a whole: read, map columns, convert values, validate, merge with the current data, diff.

`prepare_import` writes nothing: it returns an `ImportReport` with every problem, the complete company
set that publishing would write, and its difference from the version it was prepared on.
`publish_import` hands a report without errors to the store, which refuses it if that version is no
longer the latest.

Rules:
- A row is matched to a current company by its Atlas id, else by website, else by normalised name
  (the name's slug). A new company's id is the slug of its name, as the build makes it.
- Fields the file has replace the current values (a blank cell blanks the field); fields it does not
  have keep their current values. Commune, canton, site id, point and location precision are derived
  from town and site by `atlas.geography`; file values that disagree are reported as warnings.
- Confidence: a blank or missing confidence keeps the current level; a new company without one is
  recorded as 'low' (the lowest level, never a guess upward), with a warning saying so.
- Mode 'upsert' adds and updates; 'replace' also removes the current companies the file does not list.
- A row with an error changes nothing (its company keeps its current record, or is not added), and a
  report with any error cannot be published.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import partial

import geopandas as gpd
import pandas as pd

from atlas.diff import CompanyDiff, as_text, diff_companies
from atlas.importing import values
from atlas.importing.columns import ColumnMapping, map_columns
from atlas.importing.problems import ERROR, WARNING, ImportFileError, ImportProblem
from atlas.importing.read import Table, is_blank_row, read_table
from atlas.importing.validate import (
    DuplicateFinder,
    coordinate_problem,
    hostile_text,
    hostile_text_message,
    schema_problems,
)
from atlas.loading import COMPANY_COLUMNS
from atlas.strings import t
from atlas.text import slugify
from atlas.validation import is_http_url

MODES = ("upsert", "replace")
DEFAULT_CONFIDENCE = "low"
DERIVED_FIELDS = ("commune", "canton", "site_id", "location_precision")  # compared with what the geography derives
POINT_FIELDS = ("lat", "lon")
# Fields a file cannot set: the id is the matched company's (or the new name's slug); the rest comes from the
# geography. A file's commune is kept only for a company whose town and site give none (see values.place).
NOT_FROM_FILE = ("id", "canton", "site_id", "location_precision", *POINT_FIELDS)
POINT_TOLERANCE = 1e-6


class ImportHasErrors(Exception):
    """Publishing was refused because the report has errors; nothing was written."""


@dataclass(frozen=True)
class ImportReport:
    """What an import would do, and what is wrong with the file."""

    filename: str
    checksum: str  # sha256 hex of the file's bytes
    sheet: str | None
    mode: str
    rows: int  # non-blank data rows
    valid_rows: int  # rows without an error
    mapping: dict[str, str | None]  # file header -> company field (None = not used)
    unknown_columns: tuple[str, ...]
    problems: tuple[ImportProblem, ...]
    companies: pd.DataFrame  # the complete company set publishing would write (COMPANY_COLUMNS)
    diff: CompanyDiff  # against the version it was prepared on
    base: int | None  # that version's number

    @property
    def has_errors(self) -> bool:
        """True when any problem is an error: such a report cannot be published."""
        return any(p.severity == ERROR for p in self.problems)

    def to_json(self, version: int | None = None) -> dict:
        """The command line's --json object; `version` is the version published, if any."""
        return {
            "rows": self.rows,
            "valid_rows": self.valid_rows,
            "problems": [
                {"row": p.row, "column": p.column, "severity": p.severity, "message": p.message} for p in self.problems
            ],
            "added": list(self.diff.added),
            "changed": list(self.diff.changed),
            "removed": list(self.diff.removed),
            "version": version,
        }


def _number_or_none(value: object, kind: type) -> object:
    blank = value is None or value is pd.NA or (isinstance(value, float) and value != value)
    return None if blank else kind(value)


def _column_values(frame: pd.DataFrame, column: str) -> list[object]:
    """One column as schema values (years int, points float, text stripped; blanks None or ''), column-wise."""
    cells = frame[column].tolist() if column in frame.columns else [None] * len(frame)
    if column == "founded_year":
        return [_number_or_none(v, int) for v in cells]
    if column in POINT_FIELDS:
        return [_number_or_none(v, float) for v in cells]
    return [v.strip() if isinstance(v, str) else as_text(v) for v in cells]


def current_records(current: pd.DataFrame) -> list[dict[str, object]]:
    """The current companies as schema records (COMPANY_COLUMNS; missing optional columns blank)."""
    columns = [_column_values(current, c) for c in COMPANY_COLUMNS]
    return [dict(zip(COMPANY_COLUMNS, row, strict=True)) for row in zip(*columns, strict=True)]


@dataclass
class _Row:
    """One data row on its way through the import."""

    number: int
    record: dict[str, object]
    given: dict[str, object]  # field -> value as converted from the file
    existing: dict[str, object] | None
    problems: list[ImportProblem] = field(default_factory=list)
    defaulted_confidence: bool = False  # a new company recorded with DEFAULT_CONFIDENCE

    def add(self, column: str | None, severity: str, message: str) -> None:
        self.problems.append(ImportProblem(self.number, column, severity, message))

    @property
    def failed(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


class _Matcher:
    """Finds the current company a row is about: by id, else website, else normalised name."""

    def __init__(self, records: list[dict[str, object]]):
        self.by_id = {str(r["id"]): r for r in records}
        self.by_website = {values.website_key(str(r["website"])): r for r in records if r["website"]}
        self.by_name = {values.name_key(str(r["name"])): r for r in records}
        self.by_name.update({str(r["id"]): r for r in records if str(r["id"]) not in self.by_name})

    def match(self, given: dict[str, object]) -> dict[str, object] | None:
        file_id = str(given.get("id") or "")
        if file_id in self.by_id:
            return self.by_id[file_id]
        website = values.website_key(str(given.get("website") or ""))
        if website and website in self.by_website:
            return self.by_website[website]
        return self.by_name.get(values.name_key(str(given.get("name") or "")))


def _converters(columns: ColumnMapping, today: date) -> list[tuple[int, str, str, object]]:
    """(index, label, field, converter) of each imported column, the converters bound once per file."""
    dated = {"founded_year", "verified_on"}
    return [
        (
            index,
            label,
            f,
            partial(values.CONVERTERS[f], today=today) if f in dated else values.CONVERTERS.get(f, values.text),
        )
        for index, label, f in columns.imported
    ]


def _convert_row(number: int, cells: tuple[object, ...], converters: list[tuple[int, str, str, object]]) -> _Row:
    """The file's values of one row, with conversion, coordinate and hostile-text problems."""
    row = _Row(number=number, record={}, given={}, existing=None)
    given = row.given
    for index, label, field_name, converter in converters:
        try:
            value = converter(cells[index])
        except ValueError as err:
            row.add(label, ERROR, str(err))
            given[field_name] = None
            continue
        given[field_name] = value
        if field_name in POINT_FIELDS and (message := coordinate_problem(field_name, value)):
            row.add(label, ERROR, message)
        elif type(value) is str and (kind := hostile_text(value)):
            row.add(label, WARNING, hostile_text_message(kind))
    return row


def _blank_record() -> dict[str, object]:
    return {c: None if c in ("founded_year", *POINT_FIELDS) else "" for c in COMPANY_COLUMNS}


def _merge(row: _Row, matcher: _Matcher, columns: ColumnMapping) -> None:
    """The row's record: the current company updated with the file's values, or a new company."""
    row.existing = matcher.match(row.given)
    record = dict(row.existing) if row.existing else _blank_record()
    for field_name, value in row.given.items():
        if field_name in NOT_FROM_FILE:
            continue
        if field_name == "confidence" and not value:
            continue  # blank: keep the current level (or the default for a new company, below)
        record[field_name] = "" if value is None and field_name != "founded_year" else value
    name_column = columns.column_of("name")
    if not str(record["name"] or "").strip():
        row.add(name_column, ERROR, t("import.row.no_name"))
    if row.existing is None:
        record["id"] = slugify(str(record["name"] or ""))
        if record["name"] and not record["id"]:
            row.add(name_column, ERROR, t("import.row.no_id", name=record["name"]))
        file_id = str(row.given.get("id") or "")
        if file_id and file_id != record["id"] and record["id"]:
            row.add(columns.column_of("id"), WARNING, t("import.row.new_id", given=file_id, id=record["id"]))
        if not record["confidence"]:
            record["confidence"] = DEFAULT_CONFIDENCE
            row.defaulted_confidence = True
            if columns.column_of("confidence"):  # a blank cell; a missing column is reported once for the file
                message = t("import.row.default_confidence", level=DEFAULT_CONFIDENCE)
                row.add(columns.column_of("confidence"), WARNING, message)
    row.record = record


def _check_duplicates(rows: list[_Row], columns: ColumnMapping) -> None:
    """The same company twice in the file (same normalised name, website or matched company): an error."""
    finder = DuplicateFinder()
    for row in rows:
        keys = {
            "name": values.name_key(str(row.record["name"] or "")),
            "website": values.website_key(str(row.record["website"] or "")),
            "id": str(row.record["id"] or ""),
        }
        found = finder.check(row.number, keys)
        if found:
            kind, earlier = found
            column = columns.column_of("website" if kind == "website" else "name")
            row.add(column, ERROR, t(f"import.row.duplicate_{kind}", row=earlier))


def _check_placed(row: _Row, placed: dict[str, object], columns: ColumnMapping) -> None:
    """Warnings where the file's place fields disagree with what the geography derives, or the town is unknown;
    an error for a point with only one coordinate."""
    for field_name in DERIVED_FIELDS:
        given = row.given.get(field_name)
        if given and given != placed[field_name]:
            derived = placed[field_name] or t("import.blank")
            row.add(columns.column_of(field_name), WARNING, t("import.warn.derived", value=given, derived=derived))
    if placed["town"] and not placed["commune"]:
        row.add(columns.column_of("town"), WARNING, t("import.warn.unknown_town", town=placed["town"]))
    point_columns = {columns.column_of(f) for f in POINT_FIELDS}
    if any(p.severity == ERROR and p.column in point_columns for p in row.problems):
        return
    lat, lon = row.given.get("lat"), row.given.get("lon")
    if (lat is None) != (lon is None):
        row.add(columns.column_of("lat" if lat is None else "lon"), ERROR, t("import.value.half_point"))
    elif lat is not None:
        same = (
            placed["lat"] is not None
            and abs(placed["lat"] - lat) < POINT_TOLERANCE
            and abs(placed["lon"] - lon) < POINT_TOLERANCE
        )
        if not same:
            row.add(columns.column_of("lat"), WARNING, t("import.warn.point_not_used"))


def _check_schema(row: _Row, columns: ColumnMapping) -> None:
    """The schema's rules on the merged record; a missing http(s) source is named as such."""
    record = row.record
    reported = {p.column for p in row.problems if p.severity == ERROR}
    sources = str(record["source_urls"] or "").split()
    if not any(is_http_url(u) for u in sources):
        row.add(columns.column_of("source_urls"), ERROR, t("import.row.no_source"))
        reported.add(columns.column_of("source_urls"))
    for field_name, message in schema_problems(record):
        column = columns.column_of(field_name) if field_name else None
        if field_name in ("name", "id") and not record["name"]:
            continue  # already reported as a missing name
        if column in reported and column is not None:
            continue
        if field_name == "source_urls" and columns.column_of("source_urls") in reported:
            continue
        row.add(column, ERROR, message if column or not field_name else f"{field_name}: {message}")


def _place(rows: list[_Row], landmarks: pd.DataFrame, communes: gpd.GeoDataFrame, columns: ColumnMapping) -> None:
    """Set each row's place fields as the geography derives them from town and site; warn on disagreement."""
    if not rows:
        return
    where = pd.DataFrame({f: pd.Series([r.record[f] for r in rows], dtype=object) for f in ("town", "site", "commune")})
    placed = values.place(where, landmarks, communes)
    derived = {f: _column_values(placed, f) for f in (*DERIVED_FIELDS, *POINT_FIELDS)}
    for i, row in enumerate(rows):
        row.record.update({f: derived[f][i] for f in derived})
        _check_placed(row, row.record, columns)


def _frame(records: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=COMPANY_COLUMNS)
    frame["founded_year"] = frame["founded_year"].astype("Int64")
    frame[list(POINT_FIELDS)] = frame[list(POINT_FIELDS)].astype("float64")
    return frame


def prepare_import(
    data: bytes,
    filename: str,
    *,
    current: pd.DataFrame,
    base: int | None,
    landmarks: pd.DataFrame,
    communes: gpd.GeoDataFrame,
    mode: str = "upsert",
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    today: date | None = None,
) -> ImportReport:
    """Everything an import of `data` would do to `current` (version `base`); writes nothing.

    Raises ImportFileError when the file cannot be read at all, ValueError for an unknown mode or
    mapping field. Problems in rows and columns are in the report.
    """
    if mode not in MODES:
        raise ValueError(t("import.mode.unknown", mode=mode, modes=", ".join(MODES)))
    today = today or date.today()
    table: Table = read_table(data, filename, sheet)
    columns = map_columns(table.header, mapping)
    if not any(columns.fields):
        raise ImportFileError(t("import.file.no_known_columns", columns=", ".join(columns.labels)))
    problems = list(columns.problems)
    if table.skipped_lines:
        problems.append(ImportProblem(None, None, WARNING, t("import.file.skipped_lines", n=table.skipped_lines)))

    records = current_records(current)
    matcher = _Matcher(records)
    rows = []
    converters = _converters(columns, today)
    for number, cells in enumerate(table.rows, start=1):
        if is_blank_row(cells):
            continue
        row = _convert_row(number, cells, converters)
        _merge(row, matcher, columns)
        rows.append(row)
    _check_duplicates(rows, columns)

    _place(rows, landmarks, communes, columns)
    for row in rows:
        if row.record != row.existing:  # a current company left as it was is valid already
            _check_schema(row, columns)

    by_id = {str(r["id"]): r for r in records}
    kept = {str(r["id"]): r for r in records} if mode == "upsert" else {}
    for row in rows:
        if row.failed:
            if row.existing is not None:  # an error leaves the company as it is, in either mode
                kept[str(row.existing["id"])] = by_id[str(row.existing["id"])]
            continue
        kept[str(row.record["id"])] = row.record
    companies = _frame(list(kept.values()))
    problems += [p for row in rows for p in row.problems]
    defaulted = sum(row.defaulted_confidence and not row.failed for row in rows)
    if defaulted and not columns.column_of("confidence"):
        problems.append(
            ImportProblem(
                None, None, WARNING, t("import.file.default_confidence", n=defaulted, level=DEFAULT_CONFIDENCE)
            )
        )
    return ImportReport(
        filename=filename,
        checksum=hashlib.sha256(data).hexdigest(),
        sheet=table.sheet,
        mode=mode,
        rows=len(rows),
        valid_rows=sum(not row.failed for row in rows),
        mapping=columns.mapping,
        unknown_columns=columns.unknown,
        problems=tuple(problems),
        companies=companies,
        diff=diff_companies(_frame(records), companies, [c for c in COMPANY_COLUMNS if c != "id"]),
        base=base,
    )


def publish_import(store, report: ImportReport, *, author: str, note: str):
    """Publish the report's companies as a new version of `store` (a DatasetVersion); refuses any error.

    The store refuses (StaleVersionError) when `report.base` is no longer its latest version.
    """
    if report.has_errors:
        raise ImportHasErrors(t("import.publish.has_errors", n=sum(p.severity == ERROR for p in report.problems)))
    return store.publish(
        report.companies,
        base=report.base,
        author=author,
        note=note,
        kind="import",
        source_name=report.filename,
        source_checksum=report.checksum,
    )
