"""The Map's geography as a MapLibre style: communes (choropleth and outlines), cantons, rings, uncertainty circles.

Streamlit draws a MapLibre base map under every deck.gl chart. Giving it the geography as inline
GeoJSON sources (no tiles, no fonts, no request) draws polygons and lines with outlines of constant
pixel width at every zoom, with no deck.gl layer for them: deck.gl's path and polygon layers each
compiled seconds of shaders without a GPU. With `online`, street tiles from CARTO go under it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence

from atlas.map_layers import ring_path

BACKGROUND = "#eef2f4"
ONLINE_TILES = [f"https://{s}.basemaps.cartocdn.com/light_all/{{z}}/{{x}}/{{y}}.png" for s in "abcd"]
ONLINE_ATTRIBUTION = "© OpenStreetMap contributors © CARTO"


def rgba(colour: Sequence[int]) -> str:
    """[r, g, b(, a 0-255)] as a CSS rgba() colour."""
    r, g, b, *a = colour
    return f"rgba({r},{g},{b},{round((a[0] if a else 255) / 255, 3)})"


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _feature(geometry: dict, **properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def choropleth_source(choropleth: Mapping) -> dict:
    """The communes with their name and fill colour only (the tooltips are on the commune count markers)."""
    return _collection(
        [
            _feature(f["geometry"], name=f["properties"]["tt_title"], fill=rgba(f["properties"]["fill"]))
            for f in choropleth["features"]
        ]
    )


def ring_source(rings: Sequence[Mapping]) -> dict:
    """The rings (`atlas.map_layers.ring_rows`) as lines."""
    return _collection([_feature({"type": "LineString", "coordinates": r["path"]}) for r in rings])


def circle_source(circles: Sequence[Mapping]) -> dict:
    """Uncertainty circles (`atlas.map_layers.uncertainty_rows`) as geodesic polygons with their outline colour."""
    features = []
    for c in circles:
        lon, lat = c["position"]
        path = ring_path(lat, lon, c["radius_m"] / 1000, segments=64)
        features.append(_feature({"type": "Polygon", "coordinates": [path]}, line=rgba(c["colour"])))
    return _collection(features)


def map_style(
    choropleth: Mapping, cantons: Mapping, rings: Sequence[Mapping], circles: Sequence[Mapping], online: bool
) -> dict:
    """The style: background (or street tiles), commune shading and outlines, cantons, uncertainty circles, rings."""
    sources: dict[str, dict] = {
        "communes": {"type": "geojson", "data": choropleth_source(choropleth)},
        "cantons": {"type": "geojson", "data": cantons},
        "circles": {"type": "geojson", "data": circle_source(circles)},
        "rings": {"type": "geojson", "data": ring_source(rings)},
    }
    layers: list[dict] = [{"id": "background", "type": "background", "paint": {"background-color": BACKGROUND}}]
    if online:
        sources["streets"] = {
            "type": "raster",
            "tiles": ONLINE_TILES,
            "tileSize": 256,
            "attribution": ONLINE_ATTRIBUTION,
        }
        layers.append({"id": "streets", "type": "raster", "source": "streets"})
    layers += [
        {
            "id": "commune-fill",
            "type": "fill",
            "source": "communes",
            "paint": {"fill-color": ["to-color", ["get", "fill"]]},
        },
        {"id": "circle-fill", "type": "fill", "source": "circles", "paint": {"fill-color": "rgba(0,114,178,0.07)"}},
        {
            "id": "commune-line",
            "type": "line",
            "source": "communes",
            "paint": {"line-color": "rgba(110,120,130,0.63)", "line-width": 0.6},
        },
        {
            "id": "canton-line",
            "type": "line",
            "source": "cantons",
            "paint": {"line-color": "rgba(40,50,60,0.86)", "line-width": 1.8},
        },
        {
            "id": "circle-line",
            "type": "line",
            "source": "circles",
            "paint": {"line-color": ["to-color", ["get", "line"]], "line-width": 1},
        },
        {
            "id": "ring-line",
            "type": "line",
            "source": "rings",
            "paint": {"line-color": "rgba(27,42,51,0.78)", "line-width": 1.6},
        },
    ]
    return {"version": 8, "sources": sources, "layers": layers}


def style_url(style: Mapping) -> str:
    """The style as a base64 data: URL (a third the size of a percent-encoded one; nothing to fetch)."""
    text = json.dumps(style, separators=(",", ":"), ensure_ascii=False)
    return "data:application/json;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
