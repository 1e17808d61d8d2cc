"""What lies within X km of a site: sites and located companies, by geodesic distance (pyproj)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from atlas.geography import distances_km
from atlas.presentation import precision_text
from atlas.strings import t

PROXIMITY_COLUMNS = ("name", "what", "distance_km", "precision", "id")


def within(site: Mapping, landmarks: pd.DataFrame, companies: pd.DataFrame, radius_km: float) -> pd.DataFrame:
    """Sites and site-located companies within `radius_km` of `site`, nearest first.

    Companies known only at commune level have no point and are not listed; distances of
    approximate places are as approximate as their precision, which each row states.
    """
    others = landmarks[landmarks["id"] != site["id"]]
    sites = pd.DataFrame(
        {
            "name": others["name"],
            "what": [t(f"map.kind.{k}") for k in others["kind"]],
            "distance_km": distances_km(site["lat"], site["lon"], others["lat"], others["lon"]),
            "precision": [precision_text(int(p)) for p in others["precision_m"]],
            "id": others["id"],
        }
    )
    located = companies[companies["location_precision"] == "site"]
    precision_of = dict(zip(landmarks["id"], landmarks["precision_m"], strict=True))
    firms = pd.DataFrame(
        {
            "name": located["name"],
            "what": t("map.what_company"),
            "distance_km": distances_km(site["lat"], site["lon"], located["lat"], located["lon"]),
            "precision": [precision_text(int(precision_of.get(s, 0))) for s in located["site_id"]],
            "id": located["id"],
        }
    )
    rows = pd.concat([sites, firms], ignore_index=True)
    rows = rows[rows["distance_km"] <= radius_km]
    return rows.sort_values(["distance_km", "name"], kind="stable", ignore_index=True)[list(PROXIMITY_COLUMNS)]
