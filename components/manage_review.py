"""Pieces the owners' page shows for any prepared change: the validation report and the difference."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.diff import CompanyDiff
from atlas.importing import ImportReport
from atlas.review import MAX_ROWS_SHOWN, csv_bytes, diff_tables, problems_table
from atlas.strings import t


def _problem_columns() -> dict:
    return {
        "row": st.column_config.NumberColumn(t("manage.col_row"), format="%d", width="small"),
        "column": st.column_config.TextColumn(t("manage.col_column")),
        "severity": st.column_config.TextColumn(t("manage.col_severity"), width="small"),
        "reason": st.column_config.TextColumn(t("manage.col_reason"), width="large"),
    }


def _diff_columns() -> dict:
    return {c: t(f"manage.col_{c}") for c in ("id", "name", "town", "website", "source_urls", "field", "old", "new")}


def problems_report(report: ImportReport, key: str) -> None:
    """Counts, then every error and warning (row, column, severity, reason) with a safe CSV download."""
    errors = sum(p.severity == "error" for p in report.problems)
    warnings = len(report.problems) - errors
    with st.container(horizontal=True):
        st.metric(t("manage.rows"), report.rows, border=True)
        st.metric(t("manage.valid_rows"), report.valid_rows, border=True)
        st.metric(t("manage.errors"), errors, border=True)
        st.metric(t("manage.warnings"), warnings, border=True)
    if not report.problems:
        st.success(t("manage.no_problems"), icon=":material/check_circle:")
        return
    if errors:
        st.error(t("manage.has_errors", n=errors), icon=":material/error:")
    table = problems_table(report.problems)
    st.dataframe(table, hide_index=True, column_config=_problem_columns(), key=f"{key}_problems")
    st.download_button(
        t("manage.download_report"),
        csv_bytes(table),
        file_name=f"report-{report.checksum[:12]}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"{key}_download",
        on_click="ignore",
    )


def _capped(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) > MAX_ROWS_SHOWN:
        st.caption(t("manage.cut", n=MAX_ROWS_SHOWN, total=len(frame)))
        return frame.head(MAX_ROWS_SHOWN)
    return frame


def difference(diff: CompanyDiff, old: pd.DataFrame, new: pd.DataFrame, key: str) -> None:
    """Counts of added, changed and removed companies, and their tables (old and new values side by side)."""
    counts = diff.counts()
    with st.container(horizontal=True):
        for what in ("added", "changed", "removed"):
            st.metric(t(f"manage.count_{what}"), counts[what], border=True)
    if diff.empty:
        st.info(t("manage.no_difference"), icon=":material/info:")
        return
    tables = diff_tables(diff, old, new)
    for what in ("added", "removed", "changed"):
        if tables[what].empty:
            continue
        with st.expander(t(f"manage.table_{what}", n=len(tables[what])), expanded=True):
            st.dataframe(_capped(tables[what]), hide_index=True, column_config=_diff_columns(), key=f"{key}_{what}")
