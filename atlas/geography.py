"""Where companies are: commune and canton from the town, a point from a named site.

Rules (the only place they live):
- A town that is a commune is its own commune. A locality that is not a commune goes
  through LOCALITY_COMMUNES, each entry with the reason.
- With no town, a company at a known site takes the commune of the site's town.
- A company at a site with a sourced landmark point gets that point (precision 'site',
  as approximate as the landmark's precision_m). Otherwise it is placed at commune level
  (no point of its own, never a made-up one), or its location is 'unknown'.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod

# Locality -> (commune, catalogue key of the reason shown on About the data). Communes as in the
# ACT 2023 boundaries (100 communes).
LOCALITY_COMMUNES: dict[str, tuple[str, str]] = {
    "Belval": ("Esch-sur-Alzette", "locality.belval"),
    "Foetz": ("Mondercange", "locality.foetz"),
    "Niederkorn": ("Differdange", "locality.niederkorn"),
    "Wasserbillig": ("Mertert", "locality.wasserbillig"),
    "Findel": ("Sandweiler", "locality.findel"),
    "Beiler": ("Weiswampach", "locality.beiler"),
    "Hosingen": ("Parc Hosingen", "locality.hosingen"),
}

# Company `site` text -> landmark id, for sites whose landmark point is the site itself.
# "Technoport Foetz" has no landmark of its own (the technoport row is the Belval building),
# so companies there are placed at commune level.
SITE_LANDMARKS: dict[str, str] = {
    "House of BioHealth": "house_of_biohealth",
}

GEOD = Geod(ellps="WGS84")  # the one ellipsoid every distance and offset uses


def commune_for_town(town: str, communes: set[str]) -> str:
    """The commune of a town or locality, or '' when it is unknown."""
    town = (town or "").strip()
    if town in communes:
        return town
    if town in LOCALITY_COMMUNES:
        return LOCALITY_COMMUNES[town][0]
    return ""


def canton_of_commune(communes: gpd.GeoDataFrame) -> dict[str, str]:
    """Commune name -> canton name, from the boundaries file."""
    return dict(zip(communes["COMMUNE"], communes["CANTON"], strict=True))


def place_companies(companies: pd.DataFrame, landmarks: pd.DataFrame, communes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Add commune, canton, site_id, lat, lon and location_precision to raw company rows."""
    cantons = canton_of_commune(communes)
    names = set(cantons)
    by_id = landmarks.set_index("id")
    out = companies.copy()
    placed = []
    for row in out.itertuples(index=False):
        site_id = SITE_LANDMARKS.get(row.site, "")
        commune = commune_for_town(row.town, names)
        if not commune and site_id:
            commune = commune_for_town(by_id.at[site_id, "town"], names)
        if site_id:
            lat, lon, precision = by_id.at[site_id, "lat"], by_id.at[site_id, "lon"], "site"
        else:
            lat, lon, precision = None, None, "commune" if commune else "unknown"
        placed.append(
            {
                "commune": commune,
                "canton": cantons.get(commune, ""),
                "site_id": site_id,
                "lat": lat,
                "lon": lon,
                "location_precision": precision,
            }
        )
    return out.assign(**pd.DataFrame(placed, index=out.index))


def distances_km(lat: float, lon: float, lats: pd.Series, lons: pd.Series) -> np.ndarray:
    """Geodesic distances (WGS84) from one point to many, in kilometres."""
    n = len(lats)
    if n == 0:
        return np.zeros(0)
    _, _, metres = GEOD.inv(np.full(n, lon), np.full(n, lat), lons.to_numpy(float), lats.to_numpy(float))
    return np.asarray(metres) / 1000.0
