"""Counts and shares of the companies in view, and the published sector figures they are compared with.

Pure pandas, no Streamlit: every function takes the (filtered) companies table and returns small
frames or values that the pages chart and print. Published figures are read from
sector_figures.csv by id, so each keeps its year and source.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from datetime import date

import pandas as pd

from atlas import formats
from atlas.filters import Filters, niche_mask
from atlas.presentation import or_unknown
from atlas.strings import t
from atlas.vocabulary import NICHES, SUBSECTORS, subsector_label

HOUSE_OF_BIOHEALTH_ID = "house_of_biohealth"
YOUNG_WINDOW_YEARS = 10

# Official 2025 subsector shares (sector_figures.csv ids) for the subsectors the mapping names.
OFFICIAL_SHARE_IDS: dict[str, str] = {
    "medical-devices": "share-of-healthtech-companies-medical-devices-2025-mapping",
    "software-digital-health": "share-of-healthtech-companies-software-2025-mapping",
    "distributor": "share-of-healthtech-companies-distributors-2025-mapping",
    "bio-pharma": "share-of-healthtech-companies-bio-pharma-2025-mapping",
    "in-vitro-diagnostics": "share-of-healthtech-companies-in-vitro-diagnostics-2025-mapping",
    "clinical-laboratory": "share-of-healthtech-companies-clinical-laboratories-2025-mapping",
}

# Published shares of young companies, compared with the share computed from the data.
YOUNG_SHARE_IDS: tuple[str, ...] = (
    "share-of-healthtech-companies-less-than-10-years-old-2020-mapping-update",
    "share-of-healthtech-companies-incorporated-within-the-last-10-years-2025-mapping",
)

# The published figures of the Overview, by theme, oldest first.
OVERVIEW_FIGURE_IDS: dict[str, tuple[str, ...]] = {
    "companies": (
        "healthtech-companies-first-mapping-2018-2019",
        "healthtech-companies-2020-mapping-update",
        "healthtech-entities-companies-mapped-2025-mapping",
    ),
    "employment": (
        "healthtech-employment-first-mapping",
        "healthtech-employment-2020-mapping-update",
        "healthtech-sector-employment-2025-mapping",
    ),
    "added_value": ("healthtech-sector-added-value-first-mapping", "healthtech-sector-added-value"),
    "young_small": (
        *YOUNG_SHARE_IDS,
        "share-of-healthtech-companies-with-fewer-than-10-employees-2025-mapping",
    ),
}


_QUALIFIER = re.compile(r"\s*\((nearly|around|about|approx\.|close to|more than|up to)\)")
# Units of sector_figures.csv with a translated label (catalogue key "unit.<unit>"); others are shown as written.
TRANSLATED_UNITS: tuple[str, ...] = ("companies", "jobs", "employees", "million EUR", "share", "% of GDP")
_QUALIFIER_SIGNS = {
    "nearly": "≈",
    "around": "≈",
    "about": "≈",
    "approx.": "≈",
    "close to": "≈",
    "more than": ">",
    "up to": "≤",
}


@dataclass(frozen=True)
class PublishedFigure:
    """One row of sector_figures.csv: a published value with its year and source."""

    id: str
    figure: str
    value: str
    unit: str
    year: str
    source_url: str

    @property
    def qualifier(self) -> str:
        """'≈', '>' or '≤' when the unit says (nearly), (more than) or (up to); '' otherwise."""
        match = _QUALIFIER.search(self.unit)
        return _QUALIFIER_SIGNS[match[1]] if match else ""

    @property
    def unit_base(self) -> str:
        """The unit without its qualifier: 'employees (nearly)' -> 'employees'."""
        return _QUALIFIER.sub("", self.unit).strip()

    @property
    def unit_label(self) -> str:
        """The unit in the current language ('employees' / 'salariés' / 'Beschäftigte'), as written if unknown."""
        return t(f"unit.{self.unit_base}") if self.unit_base in TRANSLATED_UNITS else self.unit_base

    @property
    def short(self) -> str:
        """The value for a large tile in the current language: '≈1,600', '36%' ('36 %' in French), 'one third'."""
        number = self.number
        if number is None:
            value = self.value
        elif self.unit_base == "%":
            value = formats.percent(number / 100, 2)
        else:
            value = formats.number(number)
        return f"{self.qualifier}{value}"

    @property
    def text(self) -> str:
        """The value with its unit: '36%', '≈1,600 employees', 'almost 140 companies'."""
        return self.short if self.unit_base == "%" else f"{self.short} {self.unit_label}".strip()

    @property
    def number(self) -> float | None:
        """The value as a number, None when it is words ('one third')."""
        try:
            return float(self.value)
        except ValueError:
            return None


@dataclass(frozen=True)
class Share:
    """`count` of `known` companies (those for which the fact is known), out of `total` in view."""

    count: int
    known: int
    total: int

    @property
    def share(self) -> float | None:
        """count / known, None when nothing is known."""
        return self.count / self.known if self.known else None


@dataclass(frozen=True)
class Kpis:
    """The headline values of the companies in view."""

    companies: int
    known_year: Share
    young: Share
    young_since: int
    niches_covered: int
    niches_total: int
    at_house_of_biohealth: int


def published_figure(sector_figures: pd.DataFrame, figure_id: str) -> PublishedFigure:
    """The published figure with id `figure_id`; KeyError naming it when the data lack it."""
    figure = _published_index(sector_figures).get(figure_id)
    if figure is None:
        raise KeyError(f"sector_figures.csv has no figure with id {figure_id!r}")
    return figure


# Every run of several pages looks up published figures (2 ms each through a pandas mask): the figures of a
# sector_figures frame are indexed once, for as long as that frame lives.
_PUBLISHED: dict[int, tuple[weakref.ref, dict[str, PublishedFigure]]] = {}


def _published_index(sector_figures: pd.DataFrame) -> dict[str, PublishedFigure]:
    key = id(sector_figures)
    entry = _PUBLISHED.get(key)
    if entry is None or entry[0]() is not sector_figures:
        index = {
            row.id: PublishedFigure(row.id, row.figure, row.value, row.unit, row.year_of_data, row.source_url)
            for row in sector_figures.drop_duplicates("id").itertuples(index=False)
        }
        entry = (weakref.ref(sector_figures, lambda _ref: _PUBLISHED.pop(key, None)), index)
        _PUBLISHED[key] = entry
    return entry[1]


def published_figures(sector_figures: pd.DataFrame, ids: tuple[str, ...]) -> list[PublishedFigure]:
    """Several published figures, in the order of `ids`."""
    return [published_figure(sector_figures, i) for i in ids]


def niche_lists(niches: pd.Series) -> pd.Series:
    """Each company's niche slugs as a list (empty when untagged)."""
    return niches.fillna("").map(lambda s: [n for n in s.split(";") if n])


def niche_subsector_matrix(companies: pd.DataFrame) -> pd.DataFrame:
    """Companies per niche (rows, every niche) and subsector (columns, every subsector), as counts.

    A company tagged with two niches counts once in each; untagged companies and those with an
    unknown subsector are not in the matrix (see `matrix_left_out`).
    """
    pairs = companies.assign(niche=niche_lists(companies["niches"])).explode("niche")
    pairs = pairs[pairs["niche"].notna() & (pairs["subsector"] != "")]
    counts = pd.crosstab(pairs["niche"], pairs["subsector"])
    return counts.reindex(index=list(NICHES), columns=list(SUBSECTORS), fill_value=0).astype(int)


def matrix_left_out(companies: pd.DataFrame) -> int:
    """How many companies the niche x subsector matrix cannot show (no niche or no subsector)."""
    return int(((companies["niches"] == "") | (companies["subsector"] == "")).sum())


def founding_timeline(companies: pd.DataFrame) -> pd.DataFrame:
    """Companies founded per year and cumulatively, every year from the first to the last known one."""
    years = companies["founded_year"].dropna().astype(int)
    if years.empty:
        return pd.DataFrame({"year": [], "founded": [], "cumulative": []}, dtype=int)
    per_year = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0).sort_index()
    return pd.DataFrame(
        {"year": per_year.index.astype(int), "founded": per_year.to_numpy(), "cumulative": per_year.cumsum().to_numpy()}
    )


def young_since(today: date | None = None, window: int = YOUNG_WINDOW_YEARS) -> int:
    """First founding year counted as 'in the last `window` years' (2017 in 2026: 2017-2026)."""
    return (today or date.today()).year - window + 1


def known_year_share(companies: pd.DataFrame) -> Share:
    """Companies with a known founding year, out of all in view."""
    known = int(companies["founded_year"].notna().sum())
    return Share(count=known, known=len(companies), total=len(companies))


def young_share(companies: pd.DataFrame, today: date | None = None) -> Share:
    """Companies founded in the last 10 years, among those with a known founding year."""
    years = companies["founded_year"].dropna()
    young = int((years >= young_since(today)).sum())
    return Share(count=young, known=len(years), total=len(companies))


def counts_by(companies: pd.DataFrame, column: str) -> pd.DataFrame:
    """Companies per value of `column` ('Unknown', translated, for blanks), largest first, ties by name."""
    labels = companies[column].map(or_unknown)
    counts = labels.value_counts().rename_axis(column).reset_index(name="companies")
    return counts.sort_values(["companies", column], ascending=[False, True], ignore_index=True)


def subsector_shares(companies: pd.DataFrame, sector_figures: pd.DataFrame) -> pd.DataFrame:
    """Per subsector: companies in the data, their share (of those with a known subsector) and the
    official 2025 share with its source (blank for subsectors the mapping does not name)."""
    known = companies[companies["subsector"] != ""]
    counts = known["subsector"].value_counts().reindex(list(SUBSECTORS), fill_value=0)
    official = {slug: published_figure(sector_figures, fid) for slug, fid in OFFICIAL_SHARE_IDS.items()}
    return pd.DataFrame(
        {
            "subsector": list(SUBSECTORS),
            "label": [subsector_label(s) for s in SUBSECTORS],
            "companies": counts.to_numpy().astype(int),
            "data_share": counts.to_numpy() / len(known) * 100 if len(known) else 0.0,
            "official_share": [official[s].number if s in official else None for s in SUBSECTORS],
            "official_source": [official[s].source_url if s in official else "" for s in SUBSECTORS],
        }
    )


def kpis(companies: pd.DataFrame, today: date | None = None) -> Kpis:
    """The Overview's headline values for the companies in view."""
    tagged = {n for lst in niche_lists(companies["niches"]) for n in lst}
    return Kpis(
        companies=len(companies),
        known_year=known_year_share(companies),
        young=young_share(companies, today),
        young_since=young_since(today),
        niches_covered=len(tagged & set(NICHES)),
        niches_total=len(NICHES),
        at_house_of_biohealth=int((companies["site_id"] == HOUSE_OF_BIOHEALTH_ID).sum()),
    )


def empty_filter_values(companies: pd.DataFrame, filters: Filters) -> list[tuple[str, str]]:
    """The chosen niches and subsectors that no company of the whole dataset has, as (param, slug)."""
    empty = [("niche", n) for n in filters.niche if not niche_mask(companies["niches"], [n]).any()]
    empty += [("subsector", s) for s in filters.subsector if not (companies["subsector"] == s).any()]
    return empty
