"""AppTest of the Map page: the deck spec (layers, sites, company markers, choropleth, view) follows the URL.

Expected figures come from data/companies.csv and data/landmarks.csv read with plain pandas.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from atlas import map_layers as ml
from atlas.strings import t
from tests.conftest import DATA, REPO
from tests.test_pages import open_page

APP = str(REPO / "app.py")
RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)
LANDMARKS = pd.read_csv(DATA / "landmarks.csv", dtype={"id": str})
KEY_SITES = {"heal_campus", "house_of_biohealth", "sudspidol", "city_of_sciences"}
ALL_LAYERS = {"communes", "companies", "sites", "labels"}  # deck layers; the geography is the map style


def map_page(**params) -> AppTest:
    """The app opened with URL parameters `params`, switched to the Map page."""
    return open_page("pages/map.py", **params)


def deck(at: AppTest) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def layers(at: AppTest) -> dict[str, dict]:
    return {layer["id"]: layer for layer in deck(at)["layers"]}


def choropleth_counts(at: AppTest) -> dict[str, int]:
    """Commune name -> the number drawn on it (communes with companies known only there; none when the layer is off)."""
    rows = layers(at).get("communes", {"data": []})["data"]
    return {r["tt_title"]: r["count"] for r in rows}


def style(at: AppTest) -> dict:
    """The map style (a base64 data: URL) decoded."""
    url = deck(at)["mapStyle"]
    assert url.startswith("data:application/json;base64,"), url[:60]
    return json.loads(base64.b64decode(url.split(",", 1)[1]))


def shaded_communes(at: AppTest) -> set[str]:
    """The communes the style shades (fill alpha above 0)."""
    features = style(at)["sources"]["communes"]["data"]["features"]
    return {f["properties"]["name"] for f in features if not f["properties"]["fill"].endswith(",0.0)")}


def has_niche(niche: str) -> pd.Series:
    return RAW["niches"].str.split(";").map(lambda ns: niche in ns)


def expected_commune_counts(rows: pd.DataFrame) -> dict[str, int]:
    return rows[rows["location_precision"] == "commune"]["commune"].value_counts().to_dict()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def default_map() -> AppTest:
    return map_page()


@pytest.fixture(scope="module")
def digital_health_map() -> AppTest:
    return map_page(niche=["digital-health"])


def test_layer_ids_present(default_map):
    ids = set(layers(default_map))
    assert ids >= ALL_LAYERS, ALL_LAYERS - ids
    for layer in deck(default_map)["layers"]:
        if layer.get("pickable"):
            assert layer["id"] in {"communes", "companies", "sites"}, layer["id"]


def test_sites_layer_holds_every_landmark_with_the_four_key_sites(default_map):
    site_ids = {row["id"] for row in layers(default_map)["sites"]["data"]}
    assert site_ids >= KEY_SITES
    assert site_ids == set(LANDMARKS["id"])
    texts = layers(default_map)["labels"]["data"]
    assert len([r for r in texts if r["kind"] == "key_label"]) == 4
    assert sorted(r["symbol"] for r in layers(default_map)["sites"]["data"]) == sorted(
        ml.KIND_SYMBOLS[k] for k in LANDMARKS["kind"]
    ), "one kind letter per site (drawn on its marker)"
    assert len([r for r in texts if r["kind"] == "ring_label"]) == len(ml.RING_RADII_KM)


def test_every_mark_names_an_icon_of_its_own_layers_atlas(default_map):
    for layer in deck(default_map)["layers"]:
        assert layer["@@type"] == "IconLayer"
        assert layer["iconAtlas"].startswith("data:image/png;base64,")
        rows = layer["data"]
        assert rows and {r["icon"] for r in rows} <= set(layer["iconMapping"]), layer["id"]
        assert all(r["size"] > 0 for r in rows)


def test_the_style_draws_the_geography_offline(default_map):
    drawn = style(default_map)
    assert set(drawn["sources"]) == {"communes", "cantons", "circles", "rings"}
    assert len(drawn["sources"]["rings"]["data"]["features"]) == len(ml.RING_RADII_KM)
    approximate = LANDMARKS[LANDMARKS["precision_m"] > 50].drop_duplicates(["lat", "lon"])
    assert len(drawn["sources"]["circles"]["data"]["features"]) == len(approximate)
    assert "http" not in json.dumps(drawn), "nothing to fetch: no tiles, fonts or sprites"


def test_all_site_level_companies_are_drawn_without_filters(default_map):
    points = layers(default_map)["companies"]["data"]
    expected = RAW[RAW["location_precision"] == "site"]
    assert sorted(p["id"] for p in points) == sorted(expected["id"])
    assert "**52 of 52 companies**" in [m.value for m in default_map.markdown]


def test_company_markers_for_a_niche_deep_link_equal_the_filtered_data(digital_health_map):
    points = layers(digital_health_map)["companies"]["data"]
    expected = RAW[has_niche("digital-health") & (RAW["location_precision"] == "site")]
    assert 0 < len(expected) < (RAW["location_precision"] == "site").sum(), "the filter narrows the markers"
    assert len(points) == len(expected)
    assert sorted(p["id"] for p in points) == sorted(expected["id"])
    n_niche = int(has_niche("digital-health").sum())
    assert f"**{n_niche} of {len(RAW)} companies**" in [m.value for m in digital_health_map.markdown]


def test_choropleth_counts_follow_the_filters(default_map, digital_health_map):
    assert choropleth_counts(default_map) == {
        **dict.fromkeys(choropleth_counts(default_map), 0),
        **expected_commune_counts(RAW),
    }
    filtered = choropleth_counts(digital_health_map)
    expected = expected_commune_counts(RAW[has_niche("digital-health")])
    assert filtered == {**dict.fromkeys(filtered, 0), **expected}
    assert sum(filtered.values()) == sum(expected.values()) < sum(choropleth_counts(default_map).values())
    assert shaded_communes(default_map) == set(expected_commune_counts(RAW))
    assert shaded_communes(digital_health_map) == set(expected)


def test_choropleth_and_markers_follow_a_filter_changed_in_the_panel():
    at = map_page()
    at.multiselect(key="filter_niche").set_value(["neurodegenerative-diseases"]).run()
    assert not at.exception
    rows = RAW[has_niche("neurodegenerative-diseases")]
    counts = choropleth_counts(at)
    assert counts == {**dict.fromkeys(counts, 0), **expected_commune_counts(rows)}
    points = layers(at)["companies"]["data"]
    assert sorted(p["id"] for p in points) == sorted(rows[rows["location_precision"] == "site"]["id"])
    assert at.query_params["niche"] == "neurodegenerative-diseases"


def test_subsector_deep_link_filters_the_choropleth():
    subsector = RAW.loc[RAW["location_precision"] == "commune", "subsector"].value_counts().index[0]
    at = map_page(subsector=[subsector])
    rows = RAW[RAW["subsector"] == subsector]
    counts = choropleth_counts(at)
    assert counts == {**dict.fromkeys(counts, 0), **expected_commune_counts(rows)}


def test_view_south_sets_the_view_state(default_map):
    view = deck(map_page(view="south"))["initialViewState"]
    country = deck(default_map)["initialViewState"]
    heal = LANDMARKS.set_index("id").loc["heal_campus"]
    # South (Esch / Belval): centred within a few km of HE:AL, zoomed in well past the country view
    assert km(view["latitude"], view["longitude"], heal["lat"], heal["lon"]) < 5
    assert view["zoom"] >= 11 > country["zoom"]
    # the whole country: centred in Luxembourg, more than 20 km from Esch
    assert 49.6 < country["latitude"] < 50.0 and 5.9 < country["longitude"] < 6.4
    assert km(country["latitude"], country["longitude"], heal["lat"], heal["lon"]) > 20


def test_view_city_centres_on_luxembourg_city():
    view = deck(map_page(view="city"))["initialViewState"]
    station = LANDMARKS.set_index("id").loc["gare_luxembourg"]
    assert km(view["latitude"], view["longitude"], station["lat"], station["lon"]) < 5
    assert view["zoom"] >= 11


def test_layers_sites_leaves_out_the_companies():
    at = map_page(layers="sites")
    ids = set(layers(at))
    assert "sites" in ids and "labels" in ids
    assert {r["kind"] for r in layers(at)["labels"]["data"]} == {"key_label"}
    assert not {"companies", "communes"} & ids
    assert style(at)["sources"]["rings"]["data"]["features"] == []
    assert shaded_communes(at) == set(), "no commune shading when the layer is off"
    assert at.query_params["layers"] == "sites"


def test_layers_companies_leaves_out_the_sites():
    at = map_page(layers="companies,communes")
    ids = set(layers(at))
    assert {"companies", "communes"} <= ids
    assert not {"sites", "labels"} & ids, "no site text, no ring labels"
    assert style(at)["sources"]["circles"]["data"]["features"] == [], "no uncertainty circles without sites"
    assert sum(choropleth_counts(at).values()) == sum(expected_commune_counts(RAW).values())


def test_invalid_view_gives_a_visible_note_and_no_exception():
    at = map_page(view="moon")
    notes = " ".join(i.value for i in at.info)
    assert "moon" in notes
    assert "view" in notes
    assert not at.exception
    country = deck(at)["initialViewState"]
    assert country["zoom"] < 11, "falls back to the whole country"
    assert "view" not in at.query_params, "the bad value is dropped from the URL"


def test_company_deep_link_opens_its_card():
    viewmind = RAW.set_index("id").loc["viewmind"]
    at = map_page(company="viewmind")
    assert viewmind["name"] in [s.value for s in at.subheader]
    text = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.markdown))  # markdown escapes undone
    assert viewmind["description"] in text
    assert viewmind["site"] and viewmind["site"] in text
    assert at.query_params["company"] == "viewmind"


def test_no_card_without_a_company(default_map):
    names = set(RAW["name"])
    assert not names & {s.value for s in default_map.subheader}


def proximity_rows(at: AppTest) -> list[list[str]]:
    """The distance table's rows as text, its header checked (the table is one html element)."""
    [table] = [h.proto.body for h in at.get("html") if 'class="distance-table"' in h.proto.body]
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
    assert rows[0] == ["Name", "What", "Distance (km)", "Position precision"]
    assert '<th class="num">Distance (km)</th>' in table, "distances right-aligned"
    assert 'tabindex="0"' in table, "the scrolling region is reachable by keyboard"
    return [[html.unescape(cell) for cell in row] for row in rows[1:]]


def test_proximity_table_lists_the_house_of_biohealth_companies(default_map):
    rows = proximity_rows(default_map)
    at_hobh = RAW[RAW["site_id"] == "house_of_biohealth"]["name"]
    assert set(at_hobh) <= {row[0] for row in rows}
    distances = [float(row[2]) for row in rows]  # formatted in English: "4.2"
    assert distances == sorted(distances)


def test_unknown_location_note_links_to_exactly_those_companies():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["niche"] = ["digital-health"]
    at.run()
    at.switch_page("pages/map.py").run()
    [link] = [link for link in at.get("page_link") if link.proto.page == "companies"]
    assert link.proto.query_string == "niche=digital-health&location=unknown"


def legend_text(at: AppTest) -> str:
    """The legend beside the map as plain text (its one html element, tags dropped)."""
    [legend] = [h.proto.body for h in at.get("html") if "<b>Legend</b>" in h.proto.body]
    return re.sub(r"<[^>]+>", " ", legend)


def test_legend_names_every_site_kind_and_counts_the_drawn_companies(default_map):
    text = legend_text(default_map)
    for kind, symbol in ml.KIND_SYMBOLS.items():
        assert re.search(rf"\b{symbol}\s+{re.escape(t('map.kind.' + kind))}", text), kind
    counts = [int(n) for n in re.findall(r"\((\d+)\)", text.split("Companies", 1)[1].split("Communes", 1)[0])]
    assert sum(counts) == len(layers(default_map)["companies"]["data"]), "every drawn company counted once"
    assert "Rings" in text and "HE:AL Campus" in text
