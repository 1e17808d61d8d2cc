"""The shared company filters: parsing them from URL parameters, writing them back, applying them.

URL parameters: niche, subsector, canton, site (slugs, repeated for several values), q (free
text over name and description) and founded (e.g. 2015-2025). Within one parameter the values
are alternatives (OR); different parameters all apply (AND).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from atlas.strings import t
from atlas.text import fold, slugify
from atlas.vocabulary import LOCATION_PRECISIONS, NICHES, SUBSECTORS, niche_label, subsector_label

MULTI_PARAMS = ("niche", "subsector", "canton", "site")
FILTER_PARAMS = (*MULTI_PARAMS, "q", "founded")
_YEAR_RANGE = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$")


@dataclass(frozen=True)
class FilterOptions:
    """What can be chosen, derived from the data: slug -> label for each multi-value filter."""

    niche: dict[str, str]
    subsector: dict[str, str]
    canton: dict[str, str]
    site: dict[str, str]
    years: tuple[int, int] | None

    def labels(self, param: str) -> dict[str, str]:
        """slug -> label of one multi-value parameter."""
        return getattr(self, param)


@dataclass(frozen=True)
class Filters:
    """One filter state; the empty Filters() shows every company."""

    niche: tuple[str, ...] = ()
    subsector: tuple[str, ...] = ()
    canton: tuple[str, ...] = ()
    site: tuple[str, ...] = ()
    q: str = ""
    founded: tuple[int, int] | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def active(self) -> bool:
        """True when any filter narrows the list."""
        return bool(self.niche or self.subsector or self.canton or self.site or self.q or self.founded)


def filter_options(companies: pd.DataFrame) -> FilterOptions:
    """The choices offered for a dataset: all niches and subsectors (labels in the current language),
    the cantons and sites present (as the data name them)."""
    cantons = sorted({c for c in companies["canton"] if c}, key=fold)
    sites = sorted({s for s in companies["site"] if s}, key=fold)
    years = companies["founded_year"].dropna()
    return FilterOptions(
        niche={slug: niche_label(slug) for slug in NICHES},
        subsector={slug: subsector_label(slug) for slug in SUBSECTORS},
        canton={slugify(c): c for c in cantons},
        site={slugify(s): s for s in sites},
        years=(int(years.min()), int(years.max())) if len(years) else None,
    )


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def parse_filter_params(params: Mapping[str, str | Sequence[str]], options: FilterOptions) -> Filters:
    """Filters from URL parameters; unknown values are dropped and described in `notes`."""
    notes: list[str] = []
    chosen: dict[str, tuple[str, ...]] = {}
    for param in MULTI_PARAMS:
        allowed = options.labels(param)
        values = []
        for value in _as_list(params.get(param)):
            if value not in allowed:
                notes.append(t("url.unknown_value", param=param, value=value))
            elif value not in values:
                values.append(value)
        chosen[param] = tuple(values)

    q = " ".join(_as_list(params.get("q"))).strip()
    founded = None
    for value in _as_list(params.get("founded"))[:1]:
        match = _YEAR_RANGE.match(value)
        if match and int(match[1]) <= int(match[2]):
            founded = (int(match[1]), int(match[2]))
        else:
            notes.append(t("url.bad_founded", value=value))
    return Filters(**chosen, q=q, founded=founded, notes=tuple(notes))


def filter_params(filters: Filters) -> dict[str, list[str] | str]:
    """The URL parameters of a filter state (empty filters are left out)."""
    params: dict[str, list[str] | str] = {p: list(getattr(filters, p)) for p in MULTI_PARAMS if getattr(filters, p)}
    if filters.q:
        params["q"] = filters.q
    if filters.founded:
        params["founded"] = f"{filters.founded[0]}-{filters.founded[1]}"
    return params


def niche_mask(niches: pd.Series, wanted: Sequence[str]) -> pd.Series:
    """True where the semicolon list `niches` contains any of `wanted`."""
    pattern = "|".join(rf"(?:^|;){re.escape(n)}(?:;|$)" for n in wanted)
    return niches.str.contains(pattern, regex=True)


def _slug_isin(column: pd.Series, slugs: Sequence[str]) -> pd.Series:
    """True where the slug of the value is in `slugs` (slugs each distinct value once)."""
    labels = [v for v in column.unique() if v and slugify(v) in slugs]
    return column.isin(labels)


def apply_filters(companies: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The companies matching every active filter, in their original order."""
    mask = pd.Series(True, index=companies.index)
    if filters.niche:
        mask &= niche_mask(companies["niches"], filters.niche)
    if filters.subsector:
        mask &= companies["subsector"].isin(filters.subsector)
    for param in ("canton", "site"):
        if getattr(filters, param):
            mask &= _slug_isin(companies[param], getattr(filters, param))
    if filters.founded:
        years = companies["founded_year"]
        mask &= years.between(*filters.founded).fillna(False).astype(bool)
    if filters.q:
        mask &= companies["search_key"].str.contains(fold(filters.q), regex=False)
    return companies[mask]


def parse_location(value: str | None) -> tuple[str | None, list[str]]:
    """The `location` page parameter (site, commune or unknown); anything else is ignored with a note."""
    if value is None or value in LOCATION_PRECISIONS:
        return value, []
    return None, [t("url.unknown_value", param="location", value=value)]


def by_location(companies: pd.DataFrame, precision: str | None) -> pd.DataFrame:
    """The companies placed with `precision` (all of them when None)."""
    return companies if precision is None else companies[companies["location_precision"] == precision]
