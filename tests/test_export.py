"""Exports: content, file names, filters that go with the file, and formula neutralisation."""

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from atlas.export import about_rows, export_filename, export_table, neutralise, to_csv, to_xlsx
from atlas.filters import Filters, apply_filters, filter_options
from atlas.loading import load_files
from tests.conftest import FORMULA_NAME, HOSTILE_NAME

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def hostile(hostile_data_dir):
    return load_files(hostile_data_dir)


def about(dataset, filters, shown):
    return about_rows(
        filters, filter_options(dataset.companies), len(shown), len(dataset.companies), "/companies", TODAY
    )


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", FORMULA_NAME])
def test_neutralise_formula_starts(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Doctena", "", "3-D", None, 2013])
def test_neutralise_leaves_ordinary_values(value):
    assert neutralise(value) == value


def test_file_names_say_what_and_when():
    assert (
        export_filename(Filters(niche=("digital-health",)), "csv", TODAY)
        == "lux-healthtech_niche-digital-health_2026-11-21.csv"
    )
    assert export_filename(Filters(), "xlsx", TODAY) == "lux-healthtech_all_2026-11-21.xlsx"
    named = export_filename(Filters(q="<script>/../x", founded=(2010, 2020)), "csv", TODAY)
    assert "/" not in named and "<" not in named and "founded-2010-2020" in named


def test_csv_has_the_filtered_rows_and_the_filters(dataset):
    filters = Filters(niche=("neurodegenerative-diseases",))
    shown = apply_filters(dataset.companies, filters)
    data = to_csv(shown, about(dataset, filters, shown))
    text = data.decode("utf-8-sig")
    first_line = text.splitlines()[0]
    assert "Neurodegenerative diseases" in first_line and "4 of 52 companies" in first_line
    table = pd.read_csv(io.BytesIO(data), skiprows=1, encoding="utf-8-sig", dtype=str)
    assert sorted(table["Name"]) == ["AxoGlia Therapeutics", "Myelin-H", "OrganoTherapeutics", "ViewMind"]
    assert table["Sources"].str.startswith("http").all()


def test_exports_neutralise_formulas_in_both_formats(hostile):
    shown = hostile.companies[hostile.companies["id"].str.startswith("synthetic")]
    rows = about(hostile, Filters(), shown)
    table = pd.read_csv(io.BytesIO(to_csv(shown, rows)), skiprows=1, encoding="utf-8-sig", dtype=str)
    assert "'" + FORMULA_NAME in set(table["Name"]) and HOSTILE_NAME in set(table["Name"])
    assert "'+cmd|' /C calc'!A0" in set(table["Description"])
    sheet = load_workbook(io.BytesIO(to_xlsx(shown, rows))).worksheets[0]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'" + FORMULA_NAME in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_xlsx_second_sheet_carries_filters_and_sources(dataset):
    filters = Filters(subsector=("clinical-laboratory",), founded=(1950, 2010))
    shown = apply_filters(dataset.companies, filters)
    workbook = load_workbook(io.BytesIO(to_xlsx(shown, about(dataset, filters, shown))))
    companies, about_sheet = workbook.worksheets
    assert companies.max_row - 1 == len(shown)
    about_text = " ".join(str(c.value) for row in about_sheet.iter_rows() for c in row)
    assert "Clinical laboratory" in about_text and "1950–2010" in about_text and "21 November 2026" in about_text


def test_export_table_labels(dataset):
    table = export_table(dataset.companies[dataset.companies["id"] == "viewmind"])
    row = table.iloc[0]
    assert row["Niches"] == "Digital health; Neurodegenerative diseases"
    assert row["Subsector"] == "Software & digital health"
    assert row["Website"] == "https://viewmind.com"


def test_exports_carry_the_version_and_the_check_dates(dataset):
    version = dataset.version
    rows = about_rows(Filters(), filter_options(dataset.companies), 52, 52, "/companies", TODAY, version=version)
    assert ("Dataset version", f"{version.number} (published {version.published_at:%Y-%m-%d %H:%M} UTC)") in rows
    checked = dataset.companies.assign(verified_on=["2026-10-01", *[""] * 51])
    text = to_csv(checked, rows).decode("utf-8-sig")
    assert f"Dataset version: {version.number} (published" in text.splitlines()[0]
    table = pd.read_csv(io.StringIO(text), skiprows=1, dtype=str, keep_default_na=False)
    assert table["Verified on"].tolist() == ["2026-10-01", *[""] * 51]
    assert table["Latitude"].ne("").sum() == dataset.companies["lat"].notna().sum()
    about_sheet = load_workbook(io.BytesIO(to_xlsx(checked, rows))).worksheets[1]
    about_values = {item.value: value.value for item, value in about_sheet.iter_rows(min_row=2)}
    assert about_values["Dataset version"].startswith(f"{version.number} (published")
    assert export_filename(Filters(), "csv", TODAY, version=7) == "lux-healthtech_all_v7_2026-11-21.csv"
