"""Unit tests of atlas.map_style: the geography as a MapLibre style that loads nothing."""

from __future__ import annotations

import base64
import json

import pytest

from atlas import map_layers as ml
from atlas.map_style import ONLINE_TILES, map_style, rgba, style_url


@pytest.fixture(scope="module")
def parts(dataset):
    base = ml.communes_geojson(dataset.communes)
    choropleth = ml.choropleth_geojson(base, {"Esch-sur-Alzette": 4, "Mertzig": 1})
    heal = dataset.landmarks.set_index("id").loc["heal_campus"]
    rings = ml.ring_rows({"lat": heal["lat"], "lon": heal["lon"]})
    return choropleth, ml.cantons_geojson(dataset.communes), rings, ml.uncertainty_rows(dataset.landmarks)


def test_rgba_from_deck_colours():
    assert rgba([0, 114, 178, 0]) == "rgba(0,114,178,0.0)"
    assert rgba([27, 42, 51]) == "rgba(27,42,51,1.0)"
    assert rgba([255, 255, 255, 51]) == "rgba(255,255,255,0.2)"


def test_the_offline_style_shades_the_communes_with_companies_and_fetches_nothing(parts):
    style = map_style(*parts, online=False)
    communes = style["sources"]["communes"]["data"]["features"]
    shaded = {f["properties"]["name"] for f in communes if not f["properties"]["fill"].endswith(",0.0)")}
    assert shaded == {"Esch-sur-Alzette", "Mertzig"}
    assert len(communes) == len(parts[0]["features"])
    assert "http" not in json.dumps(style)
    ids = [layer["id"] for layer in style["layers"]]
    assert ids[0] == "background" and ids.index("commune-fill") < ids.index("commune-line") < ids.index("ring-line")
    assert {layer["source"] for layer in style["layers"] if "source" in layer} == set(style["sources"])


def test_rings_and_uncertainty_circles_are_closed_geodesic_shapes(parts):
    style = map_style(*parts, online=False)
    rings = style["sources"]["rings"]["data"]["features"]
    assert [f["geometry"]["type"] for f in rings] == ["LineString"] * len(ml.RING_RADII_KM)
    circles = style["sources"]["circles"]["data"]["features"]
    assert circles and all(f["geometry"]["type"] == "Polygon" for f in circles)
    for circle in circles:
        ring = circle["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1] and len(ring) > 60


def test_online_adds_street_tiles_under_the_geography(parts):
    style = map_style(*parts, online=True)
    assert style["sources"]["streets"]["tiles"] == ONLINE_TILES
    ids = [layer["id"] for layer in style["layers"]]
    assert ids.index("streets") < ids.index("commune-fill")


def test_the_style_url_decodes_to_the_style(parts):
    style = map_style(*parts, online=False)
    url = style_url(style)
    assert url.startswith("data:application/json;base64,")
    assert json.loads(base64.b64decode(url.split(",", 1)[1])) == json.loads(json.dumps(style))
