"""KPI tiles: large numbers computed from the dataset, each saying what it counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from atlas import formats
from atlas.aggregation import Kpis
from atlas.strings import t
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025


def _percent(share: float | None) -> str:
    return formats.percent(share) if share is not None else t("value.unknown")


# The tiles' names, in order (stories name the tiles a slide shows).
TILE_NAMES = ("companies", "known_year", "young", "niches", "hobh")


def kpi_tiles(kpis: Kpis, only: Sequence[str] | None = None) -> None:
    """The five headline tiles of the Overview in one responsive row, or those named in `only`."""
    young_label = t("overview.kpi_young", since=kpis.young_since, year=date.today().year)
    tiles = [
        (
            t("overview.kpi_companies"),
            f"{kpis.companies} / {OFFICIAL_COMPANY_COUNT_2025}",
            t("overview.kpi_companies_help", official=OFFICIAL_COMPANY_COUNT_2025),
        ),
        (
            t("overview.kpi_known_year"),
            _percent(kpis.known_year.share),
            t("overview.kpi_known_year_help", count=kpis.known_year.count, total=kpis.known_year.known),
        ),
        (
            young_label,
            _percent(kpis.young.share),
            t("overview.kpi_young_help", count=kpis.young.count, known=kpis.young.known),
        ),
        (
            t("overview.kpi_niches"),
            f"{kpis.niches_covered} / {kpis.niches_total}",
            t("overview.kpi_niches_help"),
        ),
        (t("overview.kpi_hobh"), str(kpis.at_house_of_biohealth), t("overview.kpi_hobh_help")),
    ]
    if only is not None:
        tiles = [tile for name, tile in zip(TILE_NAMES, tiles, strict=True) if name in only]
    with st.container(horizontal=True):
        for label, value, help_text in tiles:
            st.metric(label, value, help=help_text, border=True)
    st.caption(" · ".join(f"**{t('value.label', label=label)}** {help_text}" for label, _, help_text in tiles))
