"""The owners' page tables: problems, offending rows, the difference side by side, versions, safe CSV."""

from datetime import UTC, datetime

import pandas as pd

from atlas.diff import diff_companies
from atlas.importing import ImportProblem
from atlas.importing.read import Table
from atlas.review import csv_bytes, diff_tables, offending_rows, problems_table, versions_table
from atlas.store import DatasetVersion


def test_problems_table_lists_errors_first_with_row_column_and_reason():
    problems = [
        ImportProblem(None, "Couleur", "warning", "unknown column"),
        ImportProblem(3, "Nom", "error", "The company name is missing."),
        ImportProblem(1, "Site web", "error", "not a URL"),
    ]
    table = problems_table(problems)
    assert list(table.columns) == ["row", "column", "severity", "reason"]
    assert table["severity"].tolist() == ["error", "error", "warning"]
    assert table["row"].tolist()[:2] == [1, 3]
    assert pd.isna(table["row"].iloc[2])


def test_csv_bytes_neutralises_formulas_and_keeps_html_as_text():
    frame = pd.DataFrame({"name": ['=HYPERLINK("http://x","y")', "<script>alert(1)</script>", "@SUM(A1)"]})
    text = csv_bytes(frame).decode("utf-8-sig")
    assert text.startswith("name\n")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    assert "<script>alert(1)</script>" in text
    assert "\n=" not in text and "\n@" not in text


def test_offending_rows_are_the_file_rows_with_errors_under_their_headers():
    table = Table(
        header=("Nom", "", "Nom"), rows=(("A", "x", "y"), ("", "z"), ("C", "1", "2")), sheet=None, skipped_lines=0
    )
    problems = [ImportProblem(2, "Nom", "error", "missing"), ImportProblem(3, None, "warning", "w")]
    rows = offending_rows(table, problems)
    assert list(rows.columns) == ["row", "Nom", "column 2", "Nom (2)"]
    assert rows.to_dict("records") == [{"row": 2, "Nom": "", "column 2": "z", "Nom (2)": ""}]


def _companies(*rows):
    return pd.DataFrame(
        [{"id": i, "name": n, "town": tw, "website": "", "source_urls": "https://example.org/s"} for i, n, tw in rows]
    )


def test_diff_tables_show_added_removed_and_changed_side_by_side():
    old = _companies(("a", "Alpha", "Esch"), ("b", "Beta", "Luxembourg"))
    new = _companies(("a", "Alpha", "Belval"), ("c", "Gamma", "Mersch"))
    tables = diff_tables(diff_companies(old, new), old, new)
    assert tables["added"][["id", "name"]].values.tolist() == [["c", "Gamma"]]
    assert tables["removed"][["id", "name"]].values.tolist() == [["b", "Beta"]]
    assert tables["changed"].values.tolist() == [["a", "Alpha", "town", "Esch", "Belval"]]


def test_diff_tables_of_no_change_are_empty():
    old = _companies(("a", "Alpha", "Esch"))
    tables = diff_tables(diff_companies(old, old), old, old)
    assert all(t.empty for t in tables.values())


def test_versions_table():
    v = DatasetVersion(
        2,
        datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        "owner@example.org",
        "note",
        "import",
        "mapping.xlsx",
        "ab" * 32,
        3,
        2,
        1,
        1,
    )
    table = versions_table([v])
    assert table.iloc[0].to_dict() == {
        "version": 2,
        "time": "2026-03-01 09:30 UTC",
        "author": "owner@example.org",
        "kind": "import",
        "note": "note",
        "file": "mapping.xlsx",
        "added": 3,
        "changed": 2,
        "removed": 1,
    }
