"""What the company data cover: completeness per field, and how recently records were checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True)
class Verification:
    """How many companies were checked on or after `since`, and how many have no check date."""

    since: date
    recent: int
    unrecorded: int


def verified_since(companies: pd.DataFrame, today: date | None = None, years: int = 1) -> Verification:
    """Companies whose `verified_on` (ISO date) is within `years` of `today`; blanks counted apart."""
    today = today or date.today()
    since = today.replace(year=today.year - years, day=28 if (today.month, today.day) == (2, 29) else today.day)
    checked = companies["verified_on"].fillna("").str.strip()
    return Verification(
        since=since, recent=int((checked >= since.isoformat()).sum()), unrecorded=int((checked == "").sum())
    )
