"""Unit tests of the Map page's pure builders (atlas.map_layers, atlas.proximity).

Expectations come from the data files read with plain pandas/json and from an independent
haversine, never from the code under test.
"""

from __future__ import annotations

import html
import itertools
import json
import math
import re

import pandas as pd
import pytest
import shapely.geometry

from atlas import map_layers as ml
from atlas.proximity import within
from tests.conftest import DATA, HOSTILE_NAME

RAW = pd.read_csv(DATA / "companies.csv", dtype=str, keep_default_na=False)
LANDMARKS = pd.read_csv(DATA / "landmarks.csv", dtype={"id": str, "kind": str, "status": str})
COMMUNES_JSON = json.loads((DATA / "communes.geojson").read_text(encoding="utf-8"))
ESCAPED_HOSTILE = "&lt;img src=x onerror=alert(1)&gt;"
EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere, in km: an independent check of pyproj's geodesic."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def tooltip_placeholders() -> set[str]:
    return set(re.findall(r"\{(\w+)\}", ml.TOOLTIP_HTML))


def synthetic_companies(dataset, n: int, site_id: str = "house_of_biohealth", start: int = 0) -> pd.DataFrame:
    """n synthetic site-level companies at `site_id`, shaped like the real companies table."""
    template = dataset.companies[dataset.companies["location_precision"] == "site"].iloc[0]
    site = LANDMARKS.set_index("id").loc[site_id]
    rows = []
    for i in range(start, start + n):
        row = template.to_dict()
        row.update(
            id=f"synthetic-{i}",
            name=f"Synthetic company {i}",
            site_id=site_id,
            site=str(site["name"]),
            lat=float(site["lat"]),
            lon=float(site["lon"]),
            niches=["digital-health", "", "molecular-diagnostics;digital-health"][i % 3],
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=dataset.companies.columns)


# ---------------------------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sites(dataset):
    return {row["id"]: row for row in ml.site_rows(dataset.landmarks)}


def test_one_site_row_per_landmark(sites):
    assert sorted(sites) == sorted(LANDMARKS["id"])


def test_sites_alone_at_their_point_keep_their_sourced_coordinates(sites):
    alone = LANDMARKS.groupby(["lat", "lon"]).filter(lambda g: len(g) == 1)
    assert len(alone) >= 5, "the data has sites with a point of their own"
    for site in alone.itertuples():
        lon, lat = sites[site.id]["position"]
        assert lon == pytest.approx(site.lon, abs=1e-6), site.id
        assert lat == pytest.approx(site.lat, abs=1e-6), site.id


def test_sites_sharing_a_point_are_spread_within_site_spread(sites):
    shared = LANDMARKS.groupby(["lat", "lon"]).filter(lambda g: len(g) > 1)
    assert {"heal_campus", "house_of_biohealth"} <= set(shared["id"]), "HE:AL and HoBH share a point"
    for (lat, lon), group in shared.groupby(["lat", "lon"]):
        positions = [tuple(sites[i]["position"]) for i in group["id"]]
        assert len(set(positions)) == len(positions), f"markers at {lat},{lon} overlap: {positions}"
        for site_id, (plon, plat) in zip(group["id"], positions, strict=True):
            d_m = haversine_km(lat, lon, plat, plon) * 1000
            assert 0 < d_m <= ml.SITE_SPREAD_M * 1.005, (site_id, d_m)


def test_each_kind_has_its_own_colour(sites):
    existing = LANDMARKS[LANDMARKS["status"] == "existing"]
    colour_of_kind: dict[str, set[tuple]] = {}
    for site in existing.itertuples():
        colour_of_kind.setdefault(site.kind, set()).add(tuple(sites[site.id]["fill"][:3]))
    assert len(colour_of_kind) >= 6, colour_of_kind.keys()
    for kind, colours in colour_of_kind.items():
        assert len(colours) == 1, f"{kind} drawn in several colours: {colours}"
    all_colours = [next(iter(c)) for c in colour_of_kind.values()]
    assert len(set(all_colours)) == len(all_colours), colour_of_kind
    # the letter on the marker differs too (shape, not only colour)
    symbols = {sites[s.id]["symbol"] for s in existing.drop_duplicates("kind").itertuples()}
    assert len(symbols) == len(colour_of_kind)


def test_planned_sites_are_outlined_in_their_kind_colour(sites):
    planned = LANDMARKS[LANDMARKS["status"] == "planned"]
    assert {"heal_campus", "sudspidol"} <= set(planned["id"])
    campus_colour = tuple(sites["city_of_sciences"]["fill"][:3])  # an existing campus
    heal = sites["heal_campus"]
    assert tuple(heal["line"][:3]) == campus_colour, "outline in the campus colour"
    assert tuple(heal["fill"][:3]) != campus_colour, "not filled with it"
    assert heal["fill"][:3] == [255, 255, 255]
    assert heal["line_width"] > sites["city_of_sciences"]["line_width"]
    hospital_colour = tuple(sites["chl"]["fill"][:3])
    assert tuple(sites["sudspidol"]["line"][:3]) == hospital_colour
    assert tuple(sites["sudspidol"]["fill"][:3]) != hospital_colour


def test_under_construction_differs_from_existing_and_planned(dataset):
    frame = dataset.landmarks[dataset.landmarks["kind"] == "hospital"].head(1)
    styles = {}
    for status in ("existing", "under construction", "planned"):
        (row,) = ml.site_rows(frame.assign(status=status))
        styles[status] = (tuple(row["fill"]), tuple(row["line"]))
    assert len(set(styles.values())) == 3, styles


def test_key_labels_for_the_four_key_places(sites):
    labels = ml.key_label_rows(list(sites.values()))
    assert len(labels) == 4
    texts = " ".join(r["text"] for r in labels)
    for word in ("HE:AL", "House of BioHealth", "Südspidol", "City of Sciences"):
        assert word in texts
    assert len({tuple(r["offset"]) for r in labels}) == 4, "labels of a shared point go apart"


def test_uncertainty_circles_only_for_approximate_sites(dataset):
    rows = ml.uncertainty_rows(dataset.landmarks)
    approx = LANDMARKS[LANDMARKS["precision_m"] > 50]
    assert len(rows) == len(approx.drop_duplicates(["lat", "lon"]))
    widest = approx.groupby(["lat", "lon"])["precision_m"].max()
    for row in rows:
        lon, lat = row["position"]
        assert row["radius_m"] == widest[(lat, lon)]


# ---------------------------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------------------------


def test_site_level_companies_spread_within_spread_m_of_their_site(dataset):
    data = ml.company_rows(dataset.companies, dataset.landmarks, "niche")
    expected = RAW[RAW["location_precision"] == "site"]
    assert data.located == len(expected) == 10
    assert not data.clustered
    assert sorted(p["id"] for p in data.points) == sorted(expected["id"])
    site_of = {r.id: (float(r.lat), float(r.lon)) for r in expected.itertuples()}
    positions = [tuple(p["position"]) for p in data.points]
    assert len(set(positions)) == len(positions), "no company hides another"
    for point in data.points:
        lat, lon = site_of[point["id"]]
        d_m = haversine_km(lat, lon, point["position"][1], point["position"][0]) * 1000
        assert 0 < d_m <= ml.SPREAD_M * 1.005, (point["id"], d_m)
        assert point["count"] == 1


def test_a_lone_company_stays_on_its_site(dataset):
    one = synthetic_companies(dataset, 1, site_id="chl")
    (point,) = ml.company_rows(one, dataset.landmarks, "niche").points
    site = LANDMARKS.set_index("id").loc["chl"]
    assert point["position"] == pytest.approx([site["lon"], site["lat"]], abs=1e-6)


def test_companies_coloured_by_niche_and_subsector(dataset):
    located = RAW[RAW["location_precision"] == "site"]
    for color_by, key in (("niche", "niches"), ("subsector", "subsector")):
        fill = {
            p["id"]: tuple(p["fill"]) for p in ml.company_rows(dataset.companies, dataset.landmarks, color_by).points
        }
        category = dict(zip(located["id"], located[key], strict=True))
        assert len(set(category.values())) >= 3, f"the data has several {key}"
        for a, b in itertools.combinations(category, 2):
            same_colour = fill[a] == fill[b]
            assert same_colour == (category[a] == category[b]), (color_by, a, category[a], b, category[b])


def test_up_to_spread_limit_companies_are_drawn_one_by_one(dataset):
    many = synthetic_companies(dataset, ml.SPREAD_LIMIT)
    data = ml.company_rows(many, dataset.landmarks, "niche")
    assert not data.clustered
    assert len(data.points) == ml.SPREAD_LIMIT
    assert all(p["count"] == 1 for p in data.points)


def test_a_crowded_site_gets_one_marker_with_a_count(dataset):
    n = ml.SPREAD_LIMIT + 1
    crowded = pd.concat([synthetic_companies(dataset, n), synthetic_companies(dataset, 2, "chl", start=n)])
    data = ml.company_rows(crowded, dataset.landmarks, "niche")
    assert data.clustered
    assert data.located == n + 2
    clusters = [p for p in data.points if p["count"] > 1]
    assert len(clusters) == 1
    (cluster,) = clusters
    assert cluster["count"] == n
    assert str(n) in cluster["tt_title"]
    assert "Synthetic company 0" in cluster["tt_detail"]
    hobh = LANDMARKS.set_index("id").loc["house_of_biohealth"]
    assert cluster["position"] == pytest.approx([hobh["lon"], hobh["lat"]], abs=1e-6)
    assert len([p for p in data.points if p["count"] == 1]) == 2, "the quiet site is still spread"


def test_above_point_limit_every_site_is_clustered(dataset):
    per_site = ml.POINT_LIMIT // 4 + 1
    frames = [synthetic_companies(dataset, per_site, s, start=i * per_site) for i, s in enumerate(ml.KEY_SITE_IDS)]
    frames.append(synthetic_companies(dataset, 3, "chl", start=10 * per_site))
    big = pd.concat(frames, ignore_index=True)
    assert len(big) > ml.POINT_LIMIT
    data = ml.company_rows(big, dataset.landmarks, "niche")
    assert data.clustered
    assert len(data.points) == 5, "one marker per site, even the site with 3 companies"
    assert sum(p["count"] for p in data.points) == len(big)


# ---------------------------------------------------------------------------------------------
# Tooltips: plain text escaped once (by the chart), the same fields on every pickable layer
# ---------------------------------------------------------------------------------------------


def chart_tooltip_html(row: dict) -> str:
    """The tooltip HTML as Streamlit 1.67's deck.gl chart builds it: each {field} value HTML-escaped.

    (DeckGlJsonChart escapes & < > " ' in every value it interpolates into tooltip["html"];
    tests/test_browser_map.py checks the real thing in chromium.)
    """
    out = ml.TOOLTIP_HTML
    for field in re.findall(r"\{(.*?)\}", ml.TOOLTIP_HTML):
        value = html.escape(str(row[field]), quote=True)
        out = out.replace("{" + field + "}", value, 1)
    return out


def test_tooltip_template_uses_exactly_the_tooltip_fields():
    assert tooltip_placeholders() == set(ml.TOOLTIP_FIELDS)


def test_hostile_company_name_is_kept_as_text_and_escaped_once(dataset):
    hostile = synthetic_companies(dataset, 1).assign(name=HOSTILE_NAME, town="<b>Esch</b> & Co")
    (point,) = ml.company_rows(hostile, dataset.landmarks, "niche").points
    # plain text in the data: pre-escaping here would show "&lt;img" to users (the chart escapes again)
    assert point["tt_title"] == HOSTILE_NAME
    assert point["tt_detail"] == "<b>Esch</b> & Co"
    rendered = chart_tooltip_html(point)
    assert f"<b>{ESCAPED_HOSTILE}</b>" in rendered
    assert "&lt;b&gt;Esch&lt;/b&gt; &amp; Co" in rendered
    assert "<img" not in rendered and "&amp;lt;" not in rendered


def test_hostile_name_in_a_cluster_tooltip(dataset):
    crowded = synthetic_companies(dataset, ml.SPREAD_LIMIT + 1).assign(name=HOSTILE_NAME)
    (cluster,) = ml.company_rows(crowded, dataset.landmarks, "niche").points
    assert HOSTILE_NAME in cluster["tt_detail"]
    rendered = chart_tooltip_html(cluster)
    assert ESCAPED_HOSTILE in rendered
    assert "<img" not in rendered and "&amp;lt;" not in rendered


def test_hostile_site_and_commune_names_are_kept_as_text(dataset):
    landmarks = dataset.landmarks.copy()
    landmarks.loc[landmarks["id"] == "chl", ["name", "address"]] = [HOSTILE_NAME, "\"quoted\" & 'single' <b>"]
    row = next(r for r in ml.site_rows(landmarks) if r["id"] == "chl")
    assert row["tt_title"] == HOSTILE_NAME
    assert row["tt_detail"] == "\"quoted\" & 'single' <b>"
    assert "&quot;quoted&quot; &amp; &#x27;single&#x27; &lt;b&gt;" in chart_tooltip_html(row)
    base = {"type": "FeatureCollection", "features": [dict(COMMUNES_JSON["features"][0])]}
    base["features"][0] = {**base["features"][0], "properties": {"COMMUNE": HOSTILE_NAME, "CANTON": "<i>c</i>"}}
    (feature,) = ml.choropleth_geojson(base, {HOSTILE_NAME: 2})["features"]
    assert feature["properties"]["tt_title"] == HOSTILE_NAME
    assert "Commune, canton &lt;i&gt;c&lt;/i&gt;" in chart_tooltip_html(feature["properties"])
    assert feature["properties"]["count"] == 2


def test_real_tooltips_hold_no_html_entities(dataset):
    """Addresses like "ZARE 'A Sommet'" must not reach users as "ZARE &#x27;A Sommet&#x27;"."""
    rows = ml.site_rows(dataset.landmarks) + ml.company_rows(dataset.companies, dataset.landmarks, "niche").points
    for row in rows:
        for field in ml.TOOLTIP_FIELDS:
            assert not re.search(r"&(#x?[0-9a-f]+|[a-z]+);", row[field], re.I), (row.get("id"), row[field])
    heal = next(r for r in rows if r.get("id") == "heal_campus")
    address = LANDMARKS.set_index("id").loc["heal_campus", "address"]
    assert heal["tt_detail"] == address


def test_every_pickable_layer_has_exactly_the_tooltip_fields(dataset):
    fields = set(ml.TOOLTIP_FIELDS)

    def tooltip_keys(row: dict) -> set[str]:
        return {k for k in row if k.startswith("tt_")}

    sites = ml.site_rows(dataset.landmarks)
    spread = ml.company_rows(dataset.companies, dataset.landmarks, "niche").points
    clustered = ml.company_rows(synthetic_companies(dataset, ml.SPREAD_LIMIT + 1), dataset.landmarks, "niche").points
    communes = ml.choropleth_geojson(ml.communes_geojson(dataset.communes), {"Luxembourg": 3})["features"]
    layers = {
        "sites": sites,
        "companies": spread,
        "clusters": clustered,
        "communes": [f["properties"] for f in communes],
    }
    for name, rows in layers.items():
        assert rows, name
        for row in rows:
            assert tooltip_keys(row) == fields, (name, row)
            assert all(isinstance(row[f], str) for f in fields), (name, row)
            assert row["tt_title"], (name, row)


# ---------------------------------------------------------------------------------------------
# Communes and cantons
# ---------------------------------------------------------------------------------------------


def expected_commune_counts() -> dict[str, int]:
    only_commune = RAW[RAW["location_precision"] == "commune"]
    return only_commune["commune"].value_counts().to_dict()


def test_commune_counts_match_the_commune_level_companies(dataset):
    expected = expected_commune_counts()
    assert sum(expected.values()) == 19
    out = ml.commune_counts(dataset.companies, dataset.communes)
    got = dict(zip(out["COMMUNE"], out["count"], strict=True))
    assert len(got) == len(COMMUNES_JSON["features"])
    for name in got:
        assert got[name] == expected.get(name, 0), name
    assert set(expected) <= set(got), "every commune of a company is on the map"
    assert int(out["count"].sum()) == 19


def test_commune_counts_follow_a_filtered_frame(dataset):
    lux_only = dataset.companies[dataset.companies["commune"] == "Luxembourg"]
    out = ml.commune_counts(lux_only, dataset.communes)
    nonzero = out[out["count"] > 0]
    assert list(nonzero["COMMUNE"]) == ["Luxembourg"]
    assert int(nonzero["count"].iloc[0]) == expected_commune_counts()["Luxembourg"]


def test_choropleth_counts_and_shading(dataset):
    expected = expected_commune_counts()
    geo = ml.choropleth_geojson(ml.communes_geojson(dataset.communes), expected)
    props = {f["properties"]["tt_title"]: f["properties"] for f in geo["features"]}
    assert len(props) == len(COMMUNES_JSON["features"])
    top = max(expected.values())
    for name, p in props.items():
        n = expected.get(name, 0)
        assert p["count"] == n, name
        assert str(n) in p["tt_detail"]
        alpha = p["fill"][3]
        assert (alpha == 0) == (n == 0), (name, alpha)
    darkest = max(expected, key=expected.get)
    assert props[darkest]["fill"][3] == max(p["fill"][3] for p in props.values())
    assert props[darkest]["count"] == top


def test_cantons_are_the_twelve_cantons_dissolved_from_the_communes(dataset):
    cantons = ml.cantons_geojson(dataset.communes)
    names = [f["properties"]["CANTON"] for f in cantons["features"]]
    expected = {f["properties"]["CANTON"] for f in COMMUNES_JSON["features"]}
    assert len(names) == 12
    assert set(names) == expected
    communes_area = sum(shapely.geometry.shape(f["geometry"]).area for f in COMMUNES_JSON["features"])
    cantons_area = sum(shapely.geometry.shape(f["geometry"]).area for f in cantons["features"])
    assert cantons_area == pytest.approx(communes_area, rel=0.02)


# ---------------------------------------------------------------------------------------------
# Rings and distances
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("radius_km", [5, 10, 20])
def test_ring_vertices_are_at_the_radius(radius_km):
    heal = LANDMARKS.set_index("id").loc["heal_campus"]
    path = ml.ring_path(heal["lat"], heal["lon"], radius_km)
    assert path[0] == path[-1], "closed"
    assert len(path) >= 33
    for lon, lat in path:
        d = haversine_km(heal["lat"], heal["lon"], lat, lon)
        assert d == pytest.approx(radius_km, rel=0.005), (lon, lat, d)
    lons, lats = [p[0] for p in path], [p[1] for p in path]
    assert min(lons) < heal["lon"] < max(lons) and min(lats) < heal["lat"] < max(lats), "around the centre"


def test_ring_rows_label_north_of_the_centre():
    heal = LANDMARKS.set_index("id").loc["heal_campus"]
    rows = ml.ring_rows({"lat": heal["lat"], "lon": heal["lon"]})
    assert [r["radius_km"] for r in rows] == list(ml.RING_RADII_KM)
    for r in rows:
        lon, lat = r["label_position"]
        assert lon == pytest.approx(heal["lon"], abs=1e-6)
        assert lat > heal["lat"]
        assert haversine_km(heal["lat"], heal["lon"], lat, lon) == pytest.approx(r["radius_km"], rel=0.005)


def _site(site_id: str) -> dict:
    row = LANDMARKS.set_index("id").loc[site_id]
    return {"id": site_id, "lat": float(row["lat"]), "lon": float(row["lon"])}


def test_distance_house_of_biohealth_to_belval_universite_station(dataset):
    hobh, station = _site("house_of_biohealth"), _site("gare_belval_universite")
    rows = within(hobh, dataset.landmarks, dataset.companies, 5)
    got = rows.loc[rows["id"] == "gare_belval_universite", "distance_km"]
    assert len(got) == 1
    expected = haversine_km(hobh["lat"], hobh["lon"], station["lat"], station["lon"])
    assert 2.1 < expected < 2.4  # known value: about 2.2 km as the crow flies
    assert float(got.iloc[0]) == pytest.approx(expected, rel=0.005)


@pytest.mark.parametrize(("site_id", "radius_km"), [("heal_campus", 5), ("heal_campus", 20), ("chl", 10)])
def test_within_is_sorted_respects_the_radius_and_misses_nothing(dataset, site_id, radius_km):
    centre = _site(site_id)
    rows = within(centre, dataset.landmarks, dataset.companies, radius_km)
    assert list(rows["distance_km"]) == sorted(rows["distance_km"])
    assert (rows["distance_km"] <= radius_km).all()
    assert site_id not in set(rows["id"]), "the centre is not listed"
    # independent: every other site and site-level company by haversine, clear of the boundary
    candidates = [(r.id, float(r.lat), float(r.lon)) for r in LANDMARKS.itertuples() if r.id != site_id] + [
        (r.id, float(r.lat), float(r.lon)) for r in RAW[RAW["location_precision"] == "site"].itertuples()
    ]
    listed = set(rows["id"])
    for cid, lat, lon in candidates:
        d = haversine_km(centre["lat"], centre["lon"], lat, lon)
        if d < radius_km * 0.99:
            assert cid in listed, (cid, d)
        elif d > radius_km * 1.01:
            assert cid not in listed, (cid, d)
    commune_only = set(RAW.loc[RAW["location_precision"] != "site", "id"])
    assert not listed & commune_only, "companies without a point are not listed"
    for r in rows.itertuples():
        lat, lon = next((la, lo) for c, la, lo in candidates if c == r.id)
        assert r.distance_km == pytest.approx(haversine_km(centre["lat"], centre["lon"], lat, lon), rel=0.005, abs=1e-3)


def test_within_lists_the_house_of_biohealth_companies_near_heal(dataset):
    rows = within(_site("heal_campus"), dataset.landmarks, dataset.companies, 5)
    at_hobh = set(RAW.loc[RAW["site_id"] == "house_of_biohealth", "id"])
    assert at_hobh <= set(rows["id"])
    assert rows.iloc[0]["distance_km"] == pytest.approx(0, abs=1e-6), "HoBH shares HE:AL's point"


# ---------------------------------------------------------------------------------------------
# URL parameters
# ---------------------------------------------------------------------------------------------

SITE_IDS = list(LANDMARKS["id"])
COMPANY_IDS = list(RAW["id"])


def parse(params: dict):
    return ml.parse_map_params(params, SITE_IDS, COMPANY_IDS)


def test_no_parameters_give_the_defaults():
    settings, notes = parse({})
    assert settings == ml.MapSettings()
    assert notes == []
    assert ml.map_params(settings) == {}
    assert settings.view == "country" and settings.near == "heal_campus" and settings.radius == 10


@pytest.mark.parametrize(
    "settings",
    [
        ml.MapSettings(view="south"),
        ml.MapSettings(view="city", color="subsector", radius=5, near="sudspidol"),
        ml.MapSettings(layers=("sites",), company="viewmind"),
        ml.MapSettings(layers=("companies", "rings"), radius=20, near="city_of_sciences"),
        ml.MapSettings(layers=()),
    ],
)
def test_map_params_round_trip(settings):
    params = ml.map_params(settings)
    assert all(isinstance(v, str) for v in params.values())
    assert parse(params) == (settings, [])
    assert parse({k: [v] for k, v in params.items()}) == (settings, []), "list values, as from the URL"


def test_round_trip_over_every_view_colour_and_radius():
    for view, color, radius in itertools.product(ml.VIEWS, ml.COLOR_BY, ml.RING_RADII_KM):
        s = ml.MapSettings(view=view, color=color, radius=radius)
        assert parse(ml.map_params(s)) == (s, [])


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("view", "moon"),
        ("color", "rainbow"),
        ("near", "atlantis"),
        ("radius", "7"),
        ("radius", "ten"),
        ("radius", "-5"),
        ("company", "no-such-company"),
    ],
)
def test_bad_values_give_a_note_and_fall_back(param, value):
    settings, notes = parse({param: [value]})
    assert settings == ml.MapSettings()
    assert len(notes) == 1
    assert param in notes[0] and value in notes[0]


def test_bad_values_do_not_spoil_good_ones():
    settings, notes = parse({"view": ["south"], "radius": ["99"], "layers": ["sites,lasers,rings"]})
    assert settings.view == "south"
    assert settings.radius == 10
    assert settings.layers == ("sites", "rings")
    assert len(notes) == 2
    assert any("lasers" in n for n in notes) and any("99" in n for n in notes)


def test_layers_are_kept_in_canonical_order_from_repeated_or_comma_values():
    assert parse({"layers": ["rings", "sites"]})[0].layers == ("sites", "rings")
    assert parse({"layers": "rings,companies"})[0].layers == ("companies", "rings")


@pytest.mark.parametrize("view", list(ml.VIEWS))
def test_key_labels_stay_readable_in_every_preset_view(dataset, view):
    sites = ml.site_rows(dataset.landmarks)
    heal = dataset.landmarks.set_index("id").loc["heal_campus"]
    rings = ml.ring_label_rows(ml.ring_rows({"lat": heal["lat"], "lon": heal["lon"]}))
    labels = ml.key_label_rows(sites, view, rings)
    zoom = ml.VIEWS[view]["zoom"]
    assert len(labels) == 4
    assert ml.label_collisions(labels, zoom, [ml.label_box(r, zoom) for r in rings]) == [], "labels overlap"
    if view == "country":  # the four places lie within a few pixels: the labels are stacked, clear of every marker
        assert ml.label_collisions(labels, zoom, ml.obstacles(sites, rings, zoom)) == []
        assert {r["anchor"] for r in labels} == {"end"}


def test_key_labels_side_by_side_overlap_in_the_country_view(dataset):
    """Without stacking (labels beside their markers), the country view's labels hit markers and ring labels."""
    sites = ml.site_rows(dataset.landmarks)
    heal = dataset.landmarks.set_index("id").loc["heal_campus"]
    rings = ml.ring_label_rows(ml.ring_rows({"lat": heal["lat"], "lon": heal["lon"]}))
    beside = ml.key_label_rows(sites, "south", rings)  # the side-by-side layout, drawn at the country zoom
    zoom = ml.VIEWS["country"]["zoom"]
    assert ml.label_collisions(beside, zoom, ml.obstacles(sites, rings, zoom)), "the check would not catch an overlap"


def test_one_text_row_shape_for_every_text(dataset):
    sites = ml.site_rows(dataset.landmarks)
    rings = ml.ring_rows({"lat": 49.5, "lon": 5.95})
    choropleth = ml.choropleth_geojson(ml.communes_geojson(dataset.communes), {"Esch-sur-Alzette": 3})
    counts = ml.commune_count_rows(choropleth, ml.commune_points(dataset.communes))
    shape = set(ml.text_row("x", [0, 0], "", 1, [0, 0, 0]))
    assert {tuple(sorted(r)) for r in [*ml.key_label_rows(sites), *ml.ring_label_rows(rings)]} == {tuple(sorted(shape))}
    assert all(shape <= set(r) for r in counts)


def test_commune_counts_sit_inside_their_commune_with_its_tooltip(dataset):
    choropleth = ml.choropleth_geojson(ml.communes_geojson(dataset.communes), {"Esch-sur-Alzette": 3, "Mertzig": 1})
    rows = ml.commune_count_rows(choropleth, ml.commune_points(dataset.communes))
    assert {(r["tt_title"], r["text"], r["count"]) for r in rows} == {("Esch-sur-Alzette", "3", 3), ("Mertzig", "1", 1)}
    shapes = dataset.communes.set_index("COMMUNE").geometry
    for row in rows:
        assert shapes[row["tt_title"]].contains(shapely.Point(row["position"]))
        assert set(ml.TOOLTIP_FIELDS) <= set(row)


def test_markers_and_labels_carry_what_the_layers_drew(dataset):
    site = next(s for s in ml.site_rows(dataset.landmarks) if s["id"] == "heal_campus")
    marker = ml.site_marker(site)
    assert (marker.text, marker.fill, marker.line) == (site["symbol"], tuple(site["fill"]), tuple(site["line"]))
    cluster = ml.company_marker({"radius": 20, "fill": [1, 2, 3, 255], "count": 75})
    assert cluster.text == "75" and cluster.diameter == 40
    assert ml.company_marker({"radius": 7, "fill": [1, 2, 3, 255], "count": 1}).text == ""
    row = ml.key_label_rows(ml.site_rows(dataset.landmarks))[0]
    label = ml.text_label(row)
    assert (label.text, label.anchor, label.size) == (row["text"], row["anchor"], row["size"])
