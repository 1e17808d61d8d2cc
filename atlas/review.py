"""What the owners' page shows before and after a change: problem tables, the offending rows of a file,
the difference as tables (old and new values side by side), the version list, and safe CSV downloads.

Pure functions on the import report and the store's frames; every cell stays plain text (the page shows
them in data tables, the CSV neutralises formulas with `atlas.export.neutralise`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import pandas as pd

from atlas.diff import CompanyDiff, as_text
from atlas.export import neutralise
from atlas.importing import ImportProblem
from atlas.importing.read import Table

PROBLEM_COLUMNS = ["row", "column", "severity", "reason"]
SUMMARY_COLUMNS = ["id", "name", "town", "website", "source_urls"]  # what identifies an added or removed company
CHANGE_COLUMNS = ["id", "name", "field", "old", "new"]
VERSION_COLUMNS = ["version", "time", "author", "kind", "note", "file", "added", "changed", "removed"]
MAX_ROWS_SHOWN = 500  # offending rows and diff tables are cut here on screen; the downloads are complete


def problems_table(problems: Iterable[ImportProblem]) -> pd.DataFrame:
    """One line per problem: row (blank for the whole file), column, severity, reason; errors first."""
    frame = pd.DataFrame(
        [(p.row, p.column or "", p.severity, p.message) for p in problems],
        columns=PROBLEM_COLUMNS,
    )
    frame["row"] = frame["row"].astype("Int64")
    order = frame["severity"].ne("error")
    return frame.assign(_order=order).sort_values(["_order", "row"], kind="stable").drop(columns="_order")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM, for Excel) with every text cell that a spreadsheet could run made inert."""
    buffer = io.StringIO()
    safe = frame.map(lambda v: neutralise(as_text(v)))
    safe.columns = [neutralise(str(c)) for c in frame.columns]
    safe.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8-sig")


def offending_rows(table: Table, problems: Iterable[ImportProblem], limit: int = MAX_ROWS_SHOWN) -> pd.DataFrame:
    """The file's rows that have an error, as text under the file's own headers, with their row number."""
    numbers = sorted({p.row for p in problems if p.row is not None and p.severity == "error"})[:limit]
    headers = _unique_headers(table.header)
    width = len(headers)
    records = []
    for number in numbers:
        if 1 <= number <= len(table.rows):
            cells = [as_text(c) for c in table.rows[number - 1]][:width]
            records.append([number, *cells, *[""] * (width - len(cells))])
    return pd.DataFrame(records, columns=["row", *headers])


def _unique_headers(header: Sequence[str]) -> list[str]:
    """Headers usable as column names: blanks become 'column N', repeats get ' (2)'."""
    seen: dict[str, int] = {}
    names = []
    for i, h in enumerate(header):
        name = h or f"column {i + 1}"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return [n if n != "row" else "row (file)" for n in names]


def _summary(companies: pd.DataFrame, ids: Sequence[str]) -> pd.DataFrame:
    by_id = companies.set_index("id", drop=False)
    rows = by_id.loc[list(ids), SUMMARY_COLUMNS] if len(ids) else by_id.iloc[0:0][SUMMARY_COLUMNS]
    return rows.map(as_text).reset_index(drop=True)


def diff_tables(diff: CompanyDiff, old: pd.DataFrame, new: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """'added' and 'removed' (id, name, town, website, sources) and 'changed' (id, name, field, old, new)."""
    names = dict(zip(new["id"].astype(str), new["name"].astype(str), strict=True))
    changed = pd.DataFrame(
        [(c.id, names.get(c.id, ""), c.column, c.old, c.new) for c in diff.changes], columns=CHANGE_COLUMNS
    )
    return {"added": _summary(new, diff.added), "removed": _summary(old, diff.removed), "changed": changed}


def versions_table(versions: Iterable) -> pd.DataFrame:
    """The store's versions (newest first) for people: number, time, author, kind, note, file, counts."""
    return pd.DataFrame(
        [
            (
                v.number,
                v.published_at.strftime("%Y-%m-%d %H:%M UTC"),
                v.author,
                v.kind,
                v.note,
                v.source_name,
                v.added,
                v.changed,
                v.removed,
            )
            for v in versions
        ],
        columns=VERSION_COLUMNS,
    )
