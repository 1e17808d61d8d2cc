"""Downloads of the current view (CSV and Excel) and the link that reproduces it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.export import export_filename, to_csv, to_xlsx
from atlas.filters import Filters
from atlas.strings import t


def export_panel(companies: pd.DataFrame, about: list[tuple[str, str]], filters: Filters, url: str) -> None:
    """CSV and XLSX downloads of `companies` (built only when clicked) and the link to this view."""
    st.subheader(t("companies.export_header"), anchor=False)
    csv_col, xlsx_col = st.columns(2, width=520)
    csv_col.download_button(
        t("export.csv"),
        data=lambda: to_csv(companies, about),
        file_name=export_filename(filters, "csv"),
        mime="text/csv",
        help=t("export.csv_help"),
        icon=":material/download:",
        on_click="ignore",
    )
    xlsx_col.download_button(
        t("export.xlsx"),
        data=lambda: to_xlsx(companies, about),
        file_name=export_filename(filters, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help=t("export.xlsx_help"),
        icon=":material/table_view:",
        on_click="ignore",
    )
    st.markdown(f"**{t('companies.copy_link')}**", help=t("companies.copy_link_help"))
    st.code(url, language=None, wrap_lines=True)
