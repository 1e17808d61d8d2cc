"""Downloads of the current view (CSV and Excel), the link that reproduces it, its QR code and brief."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from atlas.brief import BriefView
from atlas.export import export_filename, to_csv, to_xlsx
from atlas.filters import Filters
from atlas.strings import current_language, in_language, t
from components.share import share_panel

# (extension, bytes builder, MIME type, icon) of each download; built only when clicked.
FORMATS = (
    ("csv", to_csv, "text/csv", ":material/download:"),
    ("xlsx", to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ":material/table_view:"),
)


def export_panel(
    companies: pd.DataFrame,
    about: list[tuple[str, str]],
    filters: Filters,
    brief: BriefView,
    *,
    version: int | None = None,
) -> None:
    """CSV and XLSX downloads of `companies` (built only when clicked; named with the dataset `version`) in a row
    with the share button (the link to this view, its QR code and the view's one-page brief)."""
    st.subheader(t("companies.export_header"), anchor=False)
    with st.container(horizontal=True):
        for extension, build, mime, icon in FORMATS:
            st.download_button(
                t(f"export.{extension}"),
                data=partial(in_language, current_language(), build, companies, about),
                file_name=export_filename(filters, extension, version=version),
                mime=mime,
                help=t(f"export.{extension}_help"),
                icon=icon,
                on_click="ignore",
            )
        share_panel(brief)
