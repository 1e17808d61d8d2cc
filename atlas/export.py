"""The current view as tables: the on-screen directory, and CSV and XLSX bytes that carry their
filters and sources, safely.

- XLSX: sheet "Companies" with the rows, sheet "About this export" with the active filters,
  the source note, the coverage, the date and the link to the view.
- Headers, labels (subsector, niches, confidence, precision), sheet names, the about rows and the
  date follow the current language; data text (names, descriptions, notes) stays as sourced.
- CSV (UTF-8 with BOM, for Excel): line 1 is a single quoted cell describing the export
  (filters, sources, date, link); the table with its header starts on line 2
  (`pandas.read_csv(path, skiprows=1)`).
- Text cells starting with =, +, -, @, tab or carriage return get a leading apostrophe in both
  formats, so that spreadsheets show them as text and never run them as formulas.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from atlas import formats
from atlas.aggregation import niche_lists
from atlas.filters import MULTI_PARAMS, FilterOptions, Filters
from atlas.presentation import niche_labels, utc_text, website_url
from atlas.store import DatasetVersion
from atlas.strings import current_language, t
from atlas.text import slugify
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025, confidence_label, precision_label, subsector_label

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FILE_PREFIX = "lux-healthtech"
MAX_NAME_PART = 80

# Exported columns: column (its header is the catalogue's "export.col.<column>") -> how to get it.
_COLUMNS = {
    "name": lambda c: c["name"],
    "website": lambda c: c["website"].map(website_url),
    "founded": lambda c: c["founded_year"],
    "subsector": lambda c: c["subsector"].map(subsector_label),
    "niches": lambda c: c["niches"].map(lambda s: "; ".join(niche_labels(s))),
    "town": lambda c: c["town"],
    "commune": lambda c: c["commune"],
    "canton": lambda c: c["canton"],
    "street_address": lambda c: c["street_address"],
    "site": lambda c: c["site"],
    "location_precision": lambda c: c["location_precision"].map(precision_label),
    "lat": lambda c: c["lat"],
    "lon": lambda c: c["lon"],
    "confidence": lambda c: c["confidence"].map(confidence_label),
    "description": lambda c: c["description"],
    "notes": lambda c: c["notes"],
    "sources": lambda c: c["source_urls"],
    "verified_on": lambda c: c["verified_on"],
    "id": lambda c: c["id"],
}
NUMBER_COLUMNS = ("founded", "lat", "lon")


def directory_table(companies: pd.DataFrame) -> pd.DataFrame:
    """The on-screen directory: one row per company, niches as lists of slugs, blanks as missing."""
    blank_to_na = {"": None}
    return pd.DataFrame(
        {
            "id": companies["id"],
            "name": companies["name"],
            "website": companies["website"].map(website_url).replace(blank_to_na),
            "niches": niche_lists(companies["niches"]),
            "subsector": companies["subsector"].map(subsector_label),
            "founded": companies["founded_year"],
            "town": companies["town"].replace(blank_to_na),
            "canton": companies["canton"].replace(blank_to_na),
            "site": companies["site"],
            "confidence": companies["confidence"].map(confidence_label),
        }
    ).reset_index(drop=True)


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet could run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_table(companies: pd.DataFrame) -> pd.DataFrame:
    """The rows to export, with headers and labels in the current language, every text cell neutralised."""
    table = pd.DataFrame({column: get(companies) for column, get in _COLUMNS.items()}).reset_index(drop=True)
    text_columns = [c for c in table.columns if c not in NUMBER_COLUMNS]
    table[text_columns] = table[text_columns].map(neutralise)
    return table.rename(columns={column: t(f"export.col.{column}") for column in _COLUMNS})


def filter_rows(filters: Filters, options: FilterOptions) -> list[tuple[str, str]]:
    """The active filters as (filter, chosen values) with labels; one row saying 'none' if none."""
    rows = [
        (t(f"filters.{param}"), ", ".join(options.labels(param).get(v, v) for v in getattr(filters, param)))
        for param in MULTI_PARAMS
        if getattr(filters, param)
    ]
    if filters.founded:
        rows.append((t("filters.founded"), f"{filters.founded[0]}–{filters.founded[1]}"))
    if filters.q:
        rows.append((t("filters.search"), filters.q))
    return rows or [(t("export.filters"), t("export.no_filters"))]


def export_filename(filters: Filters, extension: str, today: date | None = None, *, version: int | None = None) -> str:
    """E.g. 'lux-healthtech_niche-digital-health_v3_2026-11-21.csv' ('all' when nothing is filtered; v<n> is
    the dataset version, when known)."""
    parts = [f"{param}-{'+'.join(getattr(filters, param))}" for param in MULTI_PARAMS if getattr(filters, param)]
    if filters.founded:
        parts.append(f"founded-{filters.founded[0]}-{filters.founded[1]}")
    if filters.q:
        parts.append(f"q-{slugify(filters.q)}")
    what = "_".join(parts)[:MAX_NAME_PART].rstrip("-_+") or "all"
    number = f"_v{version}" if version is not None else ""
    return f"{FILE_PREFIX}_{what}{number}_{(today or date.today()).isoformat()}.{extension}"


def about_rows(
    filters: Filters,
    options: FilterOptions,
    shown: int,
    total: int,
    url: str,
    today: date | None = None,
    *,
    version: DatasetVersion | None = None,
) -> list[tuple[str, str]]:
    """What goes with an export: title, dataset version, date, rows, coverage, filters, link and source note."""
    published = (
        [(t("export.version"), t("export.version_value", number=version.number, when=utc_text(version.published_at)))]
        if version
        else []
    )
    return [
        (t("export.about_title"), t("app.title")),
        *published,
        (t("export.date"), formats.day(today or date.today())),
        (t("export.language"), t(f"language.name.{current_language()}")),
        (t("export.rows"), t("count.companies", n=shown, total=total)),
        (t("export.coverage"), t("coverage.short", n=total, official=OFFICIAL_COMPANY_COUNT_2025)),
        *filter_rows(filters, options),
        (t("export.link"), url),
        (t("export.sources"), t("export.source_note")),
    ]


def to_csv(companies: pd.DataFrame, about: list[tuple[str, str]]) -> bytes:
    """CSV bytes: one quoted description cell on line 1, then the table with its header."""
    buffer = io.StringIO()
    description = " | ".join(f"{t('value.label', label=k)} {v}" for k, v in about)
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow([neutralise(description)])
    export_table(companies).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(companies: pd.DataFrame, about: list[tuple[str, str]]) -> bytes:
    """XLSX bytes: the table on sheet 'Companies', filters and sources on 'About this export'."""
    buffer = io.BytesIO()
    table = export_table(companies).map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    about_frame = pd.DataFrame(
        [(neutralise(k), neutralise(v)) for k, v in about], columns=[t("export.col_item"), t("export.col_value")]
    )
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=t("export.sheet_companies"), index=False)
        about_frame.to_excel(writer, sheet_name=t("export.sheet_about"), index=False)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                sheet.column_dimensions[column[0].column_letter].width = 28
    return buffer.getvalue()
