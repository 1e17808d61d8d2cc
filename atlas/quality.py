"""What the company data cover: completeness per field."""

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
