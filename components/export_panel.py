"""Downloads of the current view (CSV and Excel) and the link that reproduces it."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from atlas.export import export_filename, to_csv, to_xlsx
from atlas.filters import Filters
from atlas.strings import t

# (extension, bytes builder, MIME type, icon) of each download; built only when clicked.
FORMATS = (
    ("csv", to_csv, "text/csv", ":material/download:"),
    ("xlsx", to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ":material/table_view:"),
)


def export_panel(
    companies: pd.DataFrame, about: list[tuple[str, str]], filters: Filters, url: str, *, version: int | None = None
) -> None:
    """CSV and XLSX downloads of `companies` (built only when clicked; named with the dataset `version`) and the
    link to this view."""
    st.subheader(t("companies.export_header"), anchor=False)
    for column, (extension, build, mime, icon) in zip(st.columns(2, width=520), FORMATS, strict=True):
        column.download_button(
            t(f"export.{extension}"),
            data=partial(build, companies, about),
            file_name=export_filename(filters, extension, version=version),
            mime=mime,
            help=t(f"export.{extension}_help"),
            icon=icon,
            on_click="ignore",
        )
    st.markdown(f"**{t('companies.copy_link')}**", help=t("companies.copy_link_help"))
    st.code(url, language=None, wrap_lines=True)
