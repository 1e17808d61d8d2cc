"""Data for the Map page's layers, with no Streamlit and no pydeck: plain rows and GeoJSON.

Every pickable layer carries the same tooltip fields (TOOLTIP_FIELDS) as plain text: Streamlit's
deck.gl chart HTML-escapes every value it puts into the tooltip template (1.67), so escaping
here as well showed `&lt;`, `&#x27;` and `&amp;` to users. Nothing here invents a
position: companies sharing a site are drawn spread inside that site's uncertainty circle
and say so; companies known only by their commune are counted per commune (choropleth).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import shapely

from atlas.geography import GEOD
from atlas.map_icons import Label, Marker
from atlas.palette import GREY, OKABE_ITO
from atlas.presentation import precision_text
from atlas.strings import t
from atlas.vocabulary import (
    KEY_SITE_IDS,
    LANDMARK_KINDS,
    NICHES,
    SUBSECTORS,
    niche_label,
    status_label,
    subsector_label,
)

CHOROPLETH_RGB = OKABE_ITO[4]

KIND_COLOURS: dict[str, tuple[int, int, int]] = dict(zip(LANDMARK_KINDS, OKABE_ITO, strict=True))
# One letter drawn on each site marker, so kinds differ by shape of the marker, not only by colour.
KIND_SYMBOLS: dict[str, str] = {
    "campus": "C",
    "incubator": "I",
    "hospital": "H",
    "research": "R",
    "university": "U",
    "agency": "A",
    "infrastructure": "D",
    "transport": "T",
}
SEVERAL = "several"
NONE = "none"

TOOLTIP_FIELDS = ("tt_title", "tt_kind", "tt_detail", "tt_where")
TOOLTIP_HTML = "<b>{tt_title}</b><br/>{tt_kind}<br/>{tt_detail}<br/><i>{tt_where}</i>"

RING_RADII_KM = (5, 10, 20)
DEFAULT_NEAR = "heal_campus"
VIEWS: dict[str, dict[str, float]] = {
    "country": {"latitude": 49.815, "longitude": 6.13, "zoom": 8.45},
    "south": {"latitude": 49.507, "longitude": 5.962, "zoom": 12.6},
    "city": {"latitude": 49.612, "longitude": 6.13, "zoom": 11.8},
}
LAYERS = ("sites", "companies", "communes", "rings")
COLOR_BY = ("niche", "subsector")

# Companies sharing a site are spread on a circle around it, this far out (inside ±1 km).
SPREAD_M = 600
SITE_SPREAD_M = 220
# A site with more companies than this gets one marker with a count instead of spread markers;
# above POINT_LIMIT located companies in total, every site does (the payload stays small).
SPREAD_LIMIT = 60
POINT_LIMIT = 2000


def plain(value: object) -> str:
    """A tooltip value as plain text (blank for missing values); the chart escapes it for HTML."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def tooltip_row(title: object, kind: object, detail: object, where: object) -> dict[str, str]:
    """The tooltip fields every pickable layer carries, as plain text (escaped by the chart)."""
    return dict(zip(TOOLTIP_FIELDS, (plain(title), plain(kind), plain(detail), plain(where)), strict=True))


# ---------------------------------------------------------------------------------------------
# Map settings from the URL
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSettings:
    """What the map shows: camera, layers, ring centre and radius, colouring, selected company."""

    view: str = "country"
    layers: tuple[str, ...] = LAYERS
    near: str = DEFAULT_NEAR
    radius: int = 10
    color: str = "niche"
    company: str = ""


def _first(params: Mapping[str, Iterable[str] | str], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    values = [value] if isinstance(value, str) else list(value)
    return values[0] if values else None


def parse_map_params(
    params: Mapping[str, Iterable[str] | str], site_ids: Iterable[str], company_ids: Iterable[str]
) -> tuple[MapSettings, list[str]]:
    """Map settings from URL parameters; invalid values fall back to defaults, each with a note."""
    settings, notes = MapSettings(), []
    site_ids, company_ids = set(site_ids), set(company_ids)

    def bad(param: str, value: str) -> None:
        notes.append(t("map.bad_param", param=param, value=value))

    if (view := _first(params, "view")) is not None:
        settings = replace(settings, view=view) if view in VIEWS else (bad("view", view) or settings)
    if (color := _first(params, "color")) is not None:
        settings = replace(settings, color=color) if color in COLOR_BY else (bad("color", color) or settings)
    if (near := _first(params, "near")) is not None:
        settings = replace(settings, near=near) if near in site_ids else (bad("near", near) or settings)
    if (radius := _first(params, "radius")) is not None:
        ok = radius.isdigit() and int(radius) in RING_RADII_KM
        settings = replace(settings, radius=int(radius)) if ok else (bad("radius", radius) or settings)
    if (company := _first(params, "company")) is not None:
        ok = company in company_ids
        settings = replace(settings, company=company) if ok else (bad("company", company) or settings)
    raw = params.get("layers")
    if raw is not None:
        values = [raw] if isinstance(raw, str) else list(raw)
        names = [n for v in values for n in v.split(",") if n]
        for name in names:
            if name not in LAYERS:
                bad("layers", name)
        settings = replace(settings, layers=tuple(n for n in LAYERS if n in names))
    return settings, notes


def map_params(settings: MapSettings) -> dict[str, str]:
    """The URL parameters of map settings; defaults are left out."""
    default = MapSettings()
    out = {}
    for name in ("view", "near", "color", "company"):
        if getattr(settings, name) != getattr(default, name):
            out[name] = getattr(settings, name)
    if settings.radius != default.radius:
        out["radius"] = str(settings.radius)
    if settings.layers != default.layers:
        out["layers"] = ",".join(settings.layers)
    return out


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------


def offset_point(lat: float, lon: float, bearing_deg: float, metres: float) -> tuple[float, float]:
    """The point `metres` away from (lat, lon) along `bearing_deg` (geodesic), as (lat, lon)."""
    lon2, lat2, _ = GEOD.fwd(lon, lat, bearing_deg, metres)
    return float(lat2), float(lon2)


def spread(lat: float, lon: float, n: int, metres: float) -> list[tuple[float, float]]:
    """n display positions around one shared point: the point itself for n == 1, else a circle."""
    if n == 1:
        return [(lat, lon)]
    return [offset_point(lat, lon, 360.0 * i / n, metres) for i in range(n)]


def ring_path(lat: float, lon: float, radius_km: float, segments: int = 96) -> list[list[float]]:
    """A closed geodesic circle of `radius_km` around a point, as [lon, lat] vertices."""
    lons, lats, _ = GEOD.fwd(
        [lon] * segments,
        [lat] * segments,
        [360.0 * i / segments for i in range(segments)],
        [radius_km * 1000] * segments,
    )
    path = [[round(float(x), 6), round(float(y), 6)] for x, y in zip(lons, lats, strict=True)]
    return [*path, path[0]]


# ---------------------------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------------------------


def _status_style(status: str, rgb: tuple[int, int, int]) -> tuple[list[int], list[int], int]:
    """(fill, line, line width px): existing filled, under construction half, planned outlined."""
    if status == "planned":
        return [255, 255, 255, 235], [*rgb, 255], 4
    if status == "under construction":
        return [*rgb, 110], [*rgb, 255], 4
    return [*rgb, 255], [255, 255, 255, 255], 2


def site_rows(landmarks: pd.DataFrame) -> list[dict]:
    """One marker per site: colour and letter per kind, style per status, escaped tooltip.

    Sites that share a coordinate are drawn spread on a small circle around it; the tooltip
    says so and gives the stated uncertainty.
    """
    rows = []
    for (lat, lon), group in landmarks.groupby(["lat", "lon"], sort=False):
        for (dlat, dlon), site in zip(spread(lat, lon, len(group), SITE_SPREAD_M), group.itertuples(), strict=True):
            rgb = KIND_COLOURS.get(site.kind, GREY)
            fill, line, width = _status_style(site.status, rgb)
            where = t("map.tt_site_precision", precision=precision_text(int(site.precision_m)))
            if site.precision_m > 50:
                where = t("map.tt_approximate", precision=precision_text(int(site.precision_m)))
            if len(group) > 1:
                where += " " + t("map.tt_shared_point", n=len(group))
            rows.append(
                {
                    "id": site.id,
                    "position": [round(dlon, 6), round(dlat, 6)],
                    "fill": fill,
                    "line": line,
                    "line_width": width,
                    "symbol": KIND_SYMBOLS.get(site.kind, "?"),
                    "symbol_colour": [*rgb, 255] if site.status == "planned" else [255, 255, 255, 255],
                    "key": site.id in KEY_SITE_IDS,
                    **tooltip_row(
                        site.name,
                        t("map.tt_site_kind", kind=t(f"map.kind.{site.kind}"), status=status_label(site.status)),
                        site.address,
                        where,
                    ),
                }
            )
    return rows


def uncertainty_rows(landmarks: pd.DataFrame) -> list[dict]:
    """Circles of precision_m (metres) around approximate sites (precision above 50 m), one per point."""
    approx = landmarks[landmarks["precision_m"] > 50]
    widest = approx.sort_values("precision_m", ascending=False).drop_duplicates(["lat", "lon"])
    return [
        {"position": [r.lon, r.lat], "radius_m": int(r.precision_m), "colour": [*KIND_COLOURS.get(r.kind, GREY), 150]}
        for r in widest.itertuples()
    ]


# Where the label of each key place sits relative to its marker, in pixels (x right, y down):
# HE:AL and the House of BioHealth share one approximate point, so their labels go apart.
KEY_LABEL_OFFSETS: dict[str, tuple[int, int]] = {
    "heal_campus": (0, -26),
    "house_of_biohealth": (18, 0),
    "sudspidol": (-18, 0),
    "city_of_sciences": (0, 26),
}
KEY_LABEL_ANCHORS: dict[str, str] = {
    "heal_campus": "middle",
    "house_of_biohealth": "start",
    "sudspidol": "end",
    "city_of_sciences": "middle",
}
KEY_LABEL_SIZE = 16
INK = [27, 42, 51, 255]
LABEL_BACKGROUND = [255, 255, 255, 225]
RING_LABEL_BACKGROUND = [238, 242, 244, 230]
NO_BACKGROUND = [0, 0, 0, 0]
LABEL_PADDING = (4, 2)  # background padding of map text, pixels (x, y)
STACK_GAP_PX = 26  # distance between stacked key labels
STACK_MARGIN_PX = 22  # from the westernmost key marker to the stacked labels' right edge
STACK_EXTENT_PX = 60  # key places closer together than this on screen get stacked labels
SITE_RADIUS_PX = 11
MARKER_HALF_PX = 13  # half the size of a site marker (radius 11 and its outline)


def text_row(
    kind: str,
    position: Sequence[float],
    text: str,
    size: int,
    colour: Sequence[int],
    background: Sequence[int] = NO_BACKGROUND,
    offset: Sequence[int] = (0, 0),
    anchor: str = "middle",
) -> dict:
    """One text of the map's single text layer: every text is drawn by one layer (one font atlas)."""
    return {
        "kind": kind,
        "position": list(position),
        "text": text,
        "size": size,
        "colour": list(colour),
        "background": list(background),
        "offset": list(offset),
        "anchor": anchor,
    }


def ring_label_rows(rings: list[dict]) -> list[dict]:
    """'5 km', '10 km', ... north of each ring."""
    return [
        text_row("ring_label", r["label_position"], r["label"], 14, INK, background=RING_LABEL_BACKGROUND)
        for r in rings
    ]


def commune_count_rows(choropleth: Mapping, points: Mapping[str, Sequence[float]]) -> list[dict]:
    """The number of companies known only at commune level, on each commune that has any, with its tooltip.

    `choropleth` is `choropleth_geojson`'s result, `points` a point inside each commune (`commune_points`).
    """
    rows = []
    for feature in choropleth["features"]:
        props = feature["properties"]
        if props["count"]:
            label = text_row("commune_count", points[props["tt_title"]], str(props["count"]), 12, INK, LABEL_BACKGROUND)
            rows.append({**label, "count": props["count"], **{k: props[k] for k in TOOLTIP_FIELDS}})
    return rows


def site_marker(site: Mapping) -> Marker:
    """A site's marker: colour of its kind, style of its status, the kind's letter on it."""
    return Marker(
        diameter=2 * SITE_RADIUS_PX,
        fill=tuple(site["fill"]),
        line=tuple(site["line"]),
        line_width=site["line_width"],
        text=site["symbol"],
        text_colour=tuple(site["symbol_colour"]),
    )


def company_marker(point: Mapping) -> Marker:
    """A company's marker (white outline), or a grouped marker with its number of companies."""
    return Marker(
        diameter=2 * point["radius"],
        fill=tuple(point["fill"]),
        line=(255, 255, 255, 255),
        line_width=1.2,
        text=str(point["count"]) if point["count"] > 1 else "",
    )


def text_label(row: Mapping) -> Label:
    """A text row (`text_row`) as a label image anchored like the row."""
    return Label(
        text=row["text"],
        size=row["size"],
        colour=tuple(row["colour"]),
        background=tuple(row["background"]),
        padding=LABEL_PADDING,
        anchor=row["anchor"],
    )


def screen_xy(position: Sequence[float], zoom: float) -> tuple[float, float]:
    """Web Mercator pixel coordinates of [lon, lat] at `zoom` (deck.gl's 512-pixel world)."""
    lon, lat = position
    scale = 512 * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale
    return x, y


def label_box(row: Mapping, zoom: float) -> tuple[float, float, float, float]:
    """The screen box (left, top, right, bottom) a text row takes at `zoom`, from an estimated text width."""
    x, y = screen_xy(row["position"], zoom)
    x, y = x + row["offset"][0], y + row["offset"][1]
    width = 0.7 * row["size"] * len(row["text"]) + 2 * LABEL_PADDING[0]
    height = 1.2 * row["size"] + 2 * LABEL_PADDING[1]
    left = {"start": x, "middle": x - width / 2, "end": x - width}[row["anchor"]]
    return left, y - height / 2, left + width, y + height / 2


def overlaps(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether two screen boxes (left, top, right, bottom) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def obstacles(sites: Sequence[dict], others: Sequence[dict], zoom: float) -> list[tuple[float, float, float, float]]:
    """Screen boxes labels must not cover at `zoom`: every site marker and the `others` texts."""
    boxes = [label_box(r, zoom) for r in others]
    for site in sites:
        x, y = screen_xy(site["position"], zoom)
        boxes.append((x - MARKER_HALF_PX, y - MARKER_HALF_PX, x + MARKER_HALF_PX, y + MARKER_HALF_PX))
    return boxes


def label_collisions(rows: list[dict], zoom: float, obstacles: Sequence[Sequence[float]] = ()) -> list[tuple]:
    """Pairs of text rows whose boxes overlap at `zoom`, and (row, box) pairs where a label covers an obstacle."""
    boxes = [label_box(r, zoom) for r in rows]
    pairs = [(rows[i]["text"], rows[j]["text"]) for i in range(len(boxes)) for j in range(i + 1, len(boxes))]
    hits = [p for p, (i, j) in zip(pairs, _index_pairs(len(boxes)), strict=True) if overlaps(boxes[i], boxes[j])]
    return hits + [(r["text"], tuple(o)) for r, b in zip(rows, boxes, strict=True) for o in obstacles if overlaps(b, o)]


def _index_pairs(n: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(n) for j in range(i + 1, n)]


def key_label_rows(sites: list[dict], view: str = "country", others: Sequence[dict] = ()) -> list[dict]:
    """Text labels for the four key places, readable at the zoom of `view`.

    Each label sits beside its marker (labels of a shared point go apart). When the places lie within
    STACK_EXTENT_PX of each other at this zoom and those labels would overlap each other, a site
    marker or one of the `others` texts (the ring labels), as in the whole-country view, they are
    stacked north to south west of the group instead, each still anchored at its own marker.
    """
    rows = [
        text_row(
            "key_label",
            site["position"],
            t(f"map.label.{site['id']}"),
            KEY_LABEL_SIZE,
            INK,
            background=LABEL_BACKGROUND,
            offset=KEY_LABEL_OFFSETS[site["id"]],
            anchor=KEY_LABEL_ANCHORS[site["id"]],
        )
        for site in sites
        if site["id"] in KEY_SITE_IDS
    ]
    zoom = VIEWS[view]["zoom"]
    points = [screen_xy(r["position"], zoom) for r in rows]
    extent = max(
        max(x for x, _ in points) - min(x for x, _ in points), max(y for _, y in points) - min(y for _, y in points)
    )
    if extent > STACK_EXTENT_PX or not label_collisions(rows, zoom, obstacles(sites, others, zoom)):
        return rows  # places far enough apart on screen to be labelled each beside its marker
    right = min(x for x, _ in points) - STACK_MARGIN_PX
    bottom = max(y for _, y in points)  # the stack ends level with the southernmost place
    order = sorted(range(len(rows)), key=lambda i: points[i][1])  # north first
    for rank, i in enumerate(order):
        y = bottom - (len(rows) - 1 - rank) * STACK_GAP_PX
        rows[i] |= {"offset": [round(right - points[i][0]), round(y - points[i][1])], "anchor": "end"}
    return rows


# ---------------------------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------------------------


def colour_categories(color_by: str) -> dict[str, tuple[str, tuple[int, int, int]]]:
    """Category -> (label, colour) for colouring companies by niche or subsector."""
    if color_by == "subsector":
        cats = {slug: (subsector_label(slug), OKABE_ITO[i]) for i, slug in enumerate(SUBSECTORS)}
        return {**cats, NONE: (t("value.unknown"), GREY)}
    cats = {slug: (niche_label(slug), OKABE_ITO[i]) for i, slug in enumerate(NICHES)}
    return {**cats, SEVERAL: (t("map.several_niches"), OKABE_ITO[7]), NONE: (t("map.no_niche"), GREY)}


def company_category(company: Mapping, color_by: str) -> str:
    """The colour category of one company: its subsector, or its niche ('several'/'none' otherwise)."""
    if color_by == "subsector":
        return company["subsector"] if company["subsector"] in SUBSECTORS else NONE
    niches = [n for n in (company["niches"] or "").split(";") if n]
    if len(niches) > 1:
        return SEVERAL
    return niches[0] if niches and niches[0] in NICHES else NONE


def _company_kind(company: Mapping) -> str:
    niches = ", ".join(niche_label(n) for n in (company["niches"] or "").split(";") if n) or t("map.no_niche")
    return f"{subsector_label(company['subsector'])} · {niches}"


@dataclass(frozen=True)
class CompanyLayerData:
    """The companies layer: markers (one per company, or one per site with a count) and counts."""

    points: list[dict]
    clustered: bool
    located: int


def company_rows(companies: pd.DataFrame, landmarks: pd.DataFrame, color_by: str) -> CompanyLayerData:
    """Markers for companies with a site-level point, coloured by `color_by`.

    Companies sharing a site are spread around it (SPREAD_M) unless the site has more than
    SPREAD_LIMIT of them or there are more than POINT_LIMIT in all: then the site gets one
    marker with the count, whose tooltip names the first few.
    """
    located = companies[companies["location_precision"] == "site"]
    cats = colour_categories(color_by)
    sites = landmarks.set_index("id")
    clustered_all = len(located) > POINT_LIMIT
    points: list[dict] = []
    clustered = False
    for site_id, group in located.groupby("site_id", sort=False):
        site = sites.loc[site_id] if site_id in sites.index else None
        lat, lon = float(group["lat"].iloc[0]), float(group["lon"].iloc[0])
        precision = int(site["precision_m"]) if site is not None else 0
        site_name = str(site["name"]) if site is not None else str(group["site"].iloc[0])
        where = t("map.tt_company_where", site=site_name, precision=precision_text(precision))
        if clustered_all or len(group) > SPREAD_LIMIT:
            clustered = True
            names = ", ".join(group["name"].head(8))
            more = len(group) - min(len(group), 8)
            detail = names + (" " + t("map.tt_more", n=more) if more else "")
            points.append(
                {
                    "id": "",
                    "position": [lon, lat],
                    "fill": [*CHOROPLETH_RGB, 230],
                    "count": len(group),
                    "radius": min(40, 10 + 4 * math.log10(len(group)) * 3),
                    **tooltip_row(
                        t("map.tt_cluster", n=len(group), site=site_name), t("map.tt_companies"), detail, where
                    ),
                }
            )
            continue
        spread_where = where + (" " + t("map.tt_spread", n=len(group)) if len(group) > 1 else "")
        for (dlat, dlon), row in zip(spread(lat, lon, len(group), SPREAD_M), group.to_dict("records"), strict=True):
            _, rgb = cats[company_category(row, color_by)]
            points.append(
                {
                    "id": row["id"],
                    "position": [round(dlon, 6), round(dlat, 6)],
                    "fill": [*rgb, 255],
                    "count": 1,
                    "radius": 7,
                    **tooltip_row(row["name"], _company_kind(row), row["town"] or row["commune"], spread_where),
                }
            )
    return CompanyLayerData(points=points, clustered=clustered, located=len(located))


# ---------------------------------------------------------------------------------------------
# Communes and cantons
# ---------------------------------------------------------------------------------------------


def commune_counts(companies: pd.DataFrame, communes: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Communes with `count`: companies known only at commune level in each (attribute join).

    These companies have no point, so the join is on the commune name, not spatial. (A spatial
    join of site points would be wrong here too: the ZARE sites lie on a commune tripoint.)
    """
    only_commune = companies[companies["location_precision"] == "commune"]
    counts = only_commune.groupby("commune").size().rename("count")
    out = communes[["COMMUNE", "CANTON", "LAU2", "geometry"]].merge(
        counts, how="left", left_on="COMMUNE", right_index=True
    )
    out["count"] = out["count"].fillna(0).astype(int)
    return out


def choropleth_geojson(base: Mapping, counts: Mapping[str, int]) -> dict:
    """The communes FeatureCollection `base` with fill colour and tooltip fields from `counts`.

    `base` is the communes' GeoJSON (properties COMMUNE and CANTON), computed once; counts are
    per commune name. Fill opacity grows with the count; communes with none stay clear.
    """
    top = max(counts.values(), default=0) or 1
    features = []
    for feature in base["features"]:
        props = feature["properties"]
        n = int(counts.get(props["COMMUNE"], 0))
        alpha = 0 if n == 0 else int(50 + 170 * n / top)
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "fill": [*CHOROPLETH_RGB, alpha],
                    "count": n,
                    **tooltip_row(
                        props["COMMUNE"],
                        t("map.tt_commune_kind", canton=props["CANTON"]),
                        t("map.tt_commune_count", n=n),
                        t("map.tt_commune_where"),
                    ),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def communes_geojson(communes: gpd.GeoDataFrame, decimals: int = 5) -> dict:
    """Commune boundaries as a compact GeoJSON dict with COMMUNE and CANTON properties."""
    return _geojson(communes[["COMMUNE", "CANTON", "geometry"]], decimals)


def commune_points(communes: gpd.GeoDataFrame) -> dict[str, list[float]]:
    """A point inside each commune ([lon, lat], where its count is drawn), by commune name."""
    inside = communes.geometry.representative_point()
    return {name: [round(p.x, 5), round(p.y, 5)] for name, p in zip(communes["COMMUNE"], inside, strict=True)}


def cantons_geojson(communes: gpd.GeoDataFrame, decimals: int = 5) -> dict:
    """Cantons dissolved from the communes, the simplified file's slivers closed, as GeoJSON."""
    cantons = communes[["CANTON", "geometry"]].dissolve(by="CANTON", as_index=False)
    metric = cantons.to_crs(2169)  # LUREF, metres
    metric["geometry"] = metric.buffer(60).buffer(-60).simplify(20)
    return _geojson(metric.to_crs(4326), decimals)


def _geojson(gdf: gpd.GeoDataFrame, decimals: int) -> dict:
    """A GeoDataFrame as a GeoJSON dict, coordinates snapped to `decimals` (smaller payload)."""
    out = gdf.copy()
    out["geometry"] = shapely.set_precision(out.geometry.values, 10**-decimals)
    return out.to_geo_dict(drop_id=True)


# ---------------------------------------------------------------------------------------------
# Rings and legend
# ---------------------------------------------------------------------------------------------


def ring_rows(site: Mapping, radii_km: Iterable[float] = RING_RADII_KM) -> list[dict]:
    """Geodesic rings around a site, with the label position (north of each ring)."""
    rows = []
    for r in radii_km:
        lat, lon = offset_point(site["lat"], site["lon"], 0, r * 1000)
        rows.append(
            {
                "path": ring_path(site["lat"], site["lon"], r),
                "radius_km": r,
                "label": t("map.ring_label", km=r),
                "label_position": [round(lon, 6), round(lat, 6)],
            }
        )
    return rows


def legend_entries(color_by: str, companies: pd.DataFrame) -> list[tuple[str, tuple[int, int, int], int]]:
    """(label, colour, number of located companies) for each company colour in use."""
    located = companies[companies["location_precision"] == "site"]
    used = pd.Series([company_category(r, color_by) for r in located.to_dict("records")], dtype="str").value_counts()
    return [(label, rgb, int(used.get(cat, 0))) for cat, (label, rgb) in colour_categories(color_by).items()]
