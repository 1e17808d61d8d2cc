"""What the company data cover: completeness per field, coverage against the official count."""

from __future__ import annotations

import pandas as pd

from atlas.presentation import is_blank

# Fields reported in the completeness table, in the order shown.
COMPLETENESS_FIELDS: tuple[str, ...] = (
    "website",
    "founded_year",
    "town",
    "commune",
    "street_address",
    "site",
    "subsector",
    "niches",
    "description",
    "lat",
)


def completeness(companies: pd.DataFrame, fields: tuple[str, ...] = COMPLETENESS_FIELDS) -> pd.DataFrame:
    """Per field: how many companies have a value, and the share (0–1) of all companies."""
    total = len(companies)
    known = [int((~companies[f].map(is_blank)).sum()) for f in fields]
    return pd.DataFrame({"field": list(fields), "known": known, "share": [k / total if total else 0.0 for k in known]})


def published_figure(sector_figures: pd.DataFrame, figure_id: str) -> pd.Series:
    """One published figure (value, unit, year_of_data, source_url...) by its id."""
    rows = sector_figures[sector_figures["id"] == figure_id]
    if rows.empty:
        raise KeyError(f"no published figure with id {figure_id!r} in sector_figures.csv")
    return rows.iloc[0]
