"""The Map page's pieces: settings bound to the URL, the pydeck map, its text legend, site card, proximity table."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from atlas import formats
from atlas import map_layers as ml
from atlas.filters import Filters
from atlas.loading import Dataset, data_dir
from atlas.map_icons import icon_atlas, with_icons
from atlas.map_style import map_style, style_url
from atlas.palette import hex_colour
from atlas.presentation import source_links
from atlas.proximity import within
from atlas.sites import location_quality
from atlas.strings import t
from atlas.text import escape_markdown as md
from atlas.text import html_table, markdown_link
from atlas.vocabulary import status_label
from components.cache import shared
from components.filter_panel import url_params

CHART_KEY = "map_chart"
MAP_HEIGHT = 640
PROXIMITY_ROWS = 200
# The distance table scrolls (by keyboard too: it is a focusable region) under a header that stays in view.
DISTANCE_TABLE_CSS = """<style>
.distance-table { max-height: 460px; overflow: auto; border: 1px solid rgba(49, 51, 63, 0.15); border-radius: 0.5rem; }
.distance-table:focus-visible { outline: 2px solid #0f6e78; outline-offset: 2px; }
.distance-table table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
.distance-table th, .distance-table td { padding: 0.4rem 0.75rem; text-align: left; border-bottom: 1px solid rgba(49, 51, 63, 0.1); }
.distance-table th { position: sticky; top: 0; background: #f3f6f7; font-weight: 600; }
.distance-table .num { text-align: right; font-variant-numeric: tabular-nums; }
</style>"""
_W = {name: f"map_{name}" for name in ("view", "layers", "near", "radius", "color")}
_COMPANY, _SITE, _NOTES, _ONLINE = "map_company", "map_site", "map_notes", "map_online"


# ---------------------------------------------------------------------------------------------
# Settings <-> URL
# ---------------------------------------------------------------------------------------------


def _settings_from_widgets() -> ml.MapSettings:
    state = st.session_state
    return ml.MapSettings(
        view=state[_W["view"]],
        layers=tuple(n for n in ml.LAYERS if n in state[_W["layers"]]),
        near=state[_W["near"]],
        radius=state[_W["radius"]],
        color=state[_W["color"]],
        company=state[_COMPANY],
    )


def _write_url(settings: ml.MapSettings) -> None:
    wanted = ml.map_params(settings)
    for param in ("view", "layers", "near", "radius", "color", "company"):
        if param in wanted:
            if st.query_params.get(param) != wanted[param]:
                st.query_params[param] = wanted[param]
        elif param in st.query_params:
            del st.query_params[param]


def _on_change() -> None:
    st.session_state[_NOTES] = []
    _write_url(_settings_from_widgets())


def map_settings(dataset: Dataset) -> ml.MapSettings:
    """The map settings in force: read from the URL when the page opens, then from the controls."""
    state = st.session_state
    if _W["view"] not in state:  # first run of this page visit: widget state is dropped between pages
        settings, notes = ml.parse_map_params(url_params(), dataset.landmarks["id"], dataset.companies["id"])
        for name in _W:
            state[_W[name]] = list(settings.layers) if name == "layers" else getattr(settings, name)
        state[_COMPANY], state[_SITE], state[_NOTES] = settings.company, "", notes
        _write_url(settings)
    for note in state.get(_NOTES, []):
        st.info(md(note), icon=":material/link_off:")
    return _settings_from_widgets()


def top_controls() -> bool:
    """View, colouring, layer toggles and the online basemap switch; returns whether tiles are on."""
    cols = st.columns([3, 2], vertical_alignment="bottom")
    cols[0].radio(
        t("map.view"),
        list(ml.VIEWS),
        format_func=lambda v: t(f"map.view.{v}"),
        key=_W["view"],
        horizontal=True,
        on_change=_on_change,
    )
    cols[1].radio(
        t("map.color"),
        ml.COLOR_BY,
        format_func=lambda v: t(f"map.color.{v}"),
        key=_W["color"],
        horizontal=True,
        on_change=_on_change,
    )
    cols += st.columns([3, 2], vertical_alignment="bottom")
    cols[2].pills(
        t("map.layers"),
        ml.LAYERS,
        selection_mode="multi",
        format_func=lambda v: t(f"map.layer.{v}"),
        key=_W["layers"],
        on_change=_on_change,
    )
    return cols[3].toggle(t("map.online"), key=_ONLINE, help=t("map.online_help"))


def proximity_controls(landmarks: pd.DataFrame) -> None:
    """The site the rings and the distance table are centred on, and the table's radius."""
    names = dict(zip(landmarks["id"], landmarks["name"], strict=True))
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.selectbox(t("map.near"), list(names), format_func=names.__getitem__, key=_W["near"], on_change=_on_change)
    right.radio(t("map.radius"), ml.RING_RADII_KM, key=_W["radius"], horizontal=True, on_change=_on_change)


# ---------------------------------------------------------------------------------------------
# The map
# ---------------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False)
def _base_geojson(_communes, directory: str) -> tuple[dict, dict, dict]:
    """Commune and canton GeoJSON (4 decimals: about 10 m, under a pixel in every preset view) and a point in each commune."""
    return ml.communes_geojson(_communes, 4), ml.cantons_geojson(_communes, 4), ml.commune_points(_communes)


def _on_select() -> None:
    objects = (st.session_state[CHART_KEY].selection or {}).get("objects", {})
    company = next((o.get("id") for o in objects.get("companies", []) if o.get("id")), "")
    site = next((o.get("id") for o in objects.get("sites", []) if o.get("id")), "")
    st.session_state[_COMPANY], st.session_state[_SITE] = company, site
    _write_url(_settings_from_widgets())


class CompactDeck(pdk.Deck):
    """A Deck serialised without indentation: pydeck's indent=2 makes the spec about 4x larger."""

    def to_json(self) -> str:
        """The deck spec as compact JSON."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


class SpecDeck:
    """A deck serialised before (and cached), with what st.pydeck_chart reads of a pydeck.Deck: its spec
    (`to_json`), tooltip and layers. Not a pydeck.Deck: its constructor probes for Jupyter widgets by
    importing them, which fails and costs a module import on every call."""

    layers = ()  # already in the spec

    def __init__(self, spec: str, tooltip: dict):
        self._spec = spec
        self._tooltip = tooltip

    def to_json(self) -> str:
        """The stored spec."""
        return self._spec


def cached_deck(
    dataset: Dataset, filters: Filters, shown: pd.DataFrame, settings: ml.MapSettings, online: bool
) -> tuple[SpecDeck, dict]:
    """build_deck's result, computed once per process for the data version, filters and map settings."""

    def build() -> tuple[str, dict, dict]:
        deck, figures = build_deck(dataset, shown, settings, online)
        return deck.to_json(), deck._tooltip, figures | {"legend": ml.legend_entries(settings.color, shown)}

    view = replace(settings, company="")  # the selected company does not change the map
    spec, tooltip, figures = shared("map_deck", dataset, filters, build, extra=(view, online))
    return SpecDeck(spec, tooltip), figures


def _icon_layer(layer_id: str, rows: list[dict], icons: list, pickable: bool = False) -> pdk.Layer:
    """Rows drawn as images from their own icon atlas (one deck.gl layer type for every mark and text)."""
    atlas = icon_atlas(icons)
    return pdk.Layer(
        "IconLayer",
        id=layer_id,
        data=with_icons(rows, icons),
        icon_atlas=pdk.types.String(atlas.data_url),
        icon_mapping=atlas.mapping,
        get_icon="icon",
        get_position="position",
        get_size="size",
        size_units=pdk.types.String("pixels"),
        get_pixel_offset="offset" if rows and "offset" in rows[0] else [0, 0],
        pickable=pickable,
        auto_highlight=pickable,
        highlight_color=[0, 0, 0, 40],
    )


def build_deck(dataset: Dataset, shown: pd.DataFrame, settings: ml.MapSettings, online: bool) -> tuple[pdk.Deck, dict]:
    """The pydeck map of the filtered companies, and the figures its legend and alt text need.

    The geography (commune shading and outlines, cantons, rings, uncertainty circles) is the map
    style; sites, companies, commune counts and labels are icon layers.
    """
    communes_base, cantons, commune_points = _base_geojson(dataset.communes, str(data_dir()))
    counts = shown[shown["location_precision"] == "commune"].groupby("commune").size().to_dict()
    on = set(settings.layers)
    choropleth = ml.choropleth_geojson(communes_base, counts if "communes" in on else {})
    near = dataset.landmarks.set_index("id").loc[settings.near]
    rings = ml.ring_rows({"lat": near["lat"], "lon": near["lon"]}) if "rings" in on else []
    uncertainty = ml.uncertainty_rows(dataset.landmarks) if "sites" in on else []
    sites = ml.site_rows(dataset.landmarks)
    companies = ml.company_rows(shown, dataset.landmarks, settings.color)
    layers = []
    if "communes" in on:
        count_rows = ml.commune_count_rows(choropleth, commune_points)
        layers.append(_icon_layer("communes", count_rows, [ml.text_label(r) for r in count_rows], pickable=True))
    if "companies" in on:
        points = companies.points
        layers.append(_icon_layer("companies", points, [ml.company_marker(p) for p in points], pickable=True))
    if "sites" in on:
        layers.append(_icon_layer("sites", sites, [ml.site_marker(s) for s in sites], pickable=True))
    texts = ml.ring_label_rows(rings)
    if "sites" in on:
        texts += ml.key_label_rows(sites, settings.view, texts)
    if texts:
        layers.append(_icon_layer("labels", texts, [ml.text_label(r) for r in texts]))
    style = map_style(choropleth, cantons, rings, uncertainty, online)
    deck = CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(**ml.VIEWS[settings.view], pitch=0, bearing=0),
        map_style=style_url(style),
        map_provider=None,
        tooltip={
            "html": ml.TOOLTIP_HTML,
            "style": {"fontSize": "15px", "maxWidth": "340px", "backgroundColor": "#1b2a33", "color": "#ffffff"},
        },
    )
    figures = {
        "sites": len(sites),
        "located": companies.located,
        "clustered": companies.clustered,
        "communes": int(sum(counts.values())),
        "top": max(counts.values(), default=0),
        "near": str(near["name"]),
    }
    return deck, figures


def show_map(deck: SpecDeck, figures: Mapping) -> None:
    """The chart itself: click selection reruns the page; alt text for screen readers."""
    st.pydeck_chart(
        deck,
        on_select=_on_select,
        selection_mode="single-object",
        key=CHART_KEY,
        height=MAP_HEIGHT,
        alt=t("map.alt", sites=figures["sites"], located=figures["located"], communes=figures["communes"]),
    )


def _swatch(rgb, outline: bool = False) -> str:
    colour = hex_colour(rgb)
    fill = "#ffffff" if outline else colour
    return (
        f'<span style="display:inline-block;width:0.9em;height:0.9em;border-radius:50%;background:{fill};'
        f'border:2px solid {colour};vertical-align:middle;margin-right:0.35em"></span>'
    )


def legend(settings: ml.MapSettings, figures: Mapping) -> None:
    """The legend in text beside the map: site kinds and statuses, company colours (`figures` of
    `cached_deck`), shading, rings."""
    on = set(settings.layers)
    lines = [f"<b>{html.escape(t('map.legend'))}</b>"]
    if "sites" in on:
        lines.append(t("map.legend_sites"))
        lines += [
            f"{_swatch(rgb)}<b>{ml.KIND_SYMBOLS[k]}</b> {html.escape(t(f'map.kind.{k}'))}"
            for k, rgb in ml.KIND_COLOURS.items()
        ]
        lines.append(t("map.legend_uncertainty"))
    if "companies" in on:
        if figures["clustered"]:
            lines.append(t("map.legend_cluster"))
        else:
            lines.append(t("map.legend_companies", what=t(f"map.legend_by.{settings.color}")))
            lines += [f"{_swatch(rgb)}{html.escape(label)} ({n})" for label, rgb, n in figures["legend"]]
    if "communes" in on:
        lines.append(t("map.legend_communes", top=figures["top"]))
    if "rings" in on:
        lines.append(t("map.legend_rings", site=figures["near"]))
    # st.html, not markdown with HTML: that loads and runs an HTML parser in the browser on first render
    st.html("<div style='font-size:0.95rem;line-height:1.55'>" + "<br/>".join(_md_bold(x) for x in lines) + "</div>")


def _md_bold(line: str) -> str:
    """'**x** rest' from the strings file as HTML (the legend block is HTML; data text is escaped)."""
    if line.startswith("**"):
        head, _, rest = line[2:].partition("**")
        return f"<b>{html.escape(head)}</b>{html.escape(rest)}"
    return line


# ---------------------------------------------------------------------------------------------
# Under the map: notes, selection, proximity
# ---------------------------------------------------------------------------------------------


def location_notes(shown: pd.DataFrame, companies_link_params: Mapping) -> None:
    """How many companies are shaded by commune only, and how many have no known location."""
    by_precision = shown["location_precision"].value_counts()
    if n := int(by_precision.get("commune", 0)):
        st.caption(t("map.commune_note", n=n))
    if n := int(by_precision.get("unknown", 0)):
        st.markdown(t("map.unknown_note", n=n))
        st.page_link(
            "pages/companies.py",
            label=t("map.unknown_link"),
            icon=":material/table:",
            query_params={**companies_link_params, "location": "unknown"},
        )


def selected_company(companies: pd.DataFrame) -> Mapping | None:
    """The company chosen by a click or the URL, if any."""
    company_id = st.session_state.get(_COMPANY, "")
    rows = companies[companies["id"] == company_id]
    return rows.iloc[0].to_dict() if company_id and len(rows) else None


def selected_site(landmarks: pd.DataFrame) -> Mapping | None:
    """The site chosen by a click, if any."""
    site_id = st.session_state.get(_SITE, "")
    rows = landmarks[landmarks["id"] == site_id]
    return rows.iloc[0].to_dict() if site_id and len(rows) else None


def site_card(site: Mapping) -> None:
    """A site's card: name, kind, status, address, how precise its position is, description and sources."""
    with st.container(border=True, key=f"site_card_{site['id']}"):
        st.subheader(md(site["name"]), anchor=False)
        st.markdown(md(site["description"]))
        facts = {
            t("map.site_kind"): t(f"map.kind.{site['kind']}"),
            t("map.site_status"): status_label(site["status"]),
            t("map.site_address"): f"{site['address']}, {site['town']}",
            t("map.site_precision"): location_quality(site["precision_m"]),
        }
        st.markdown("\n".join(f"- **{t('value.label', label=k)}** {md(str(v))}" for k, v in facts.items()))
        links = source_links(site["source_urls"])
        st.markdown(f"**{t('map.site_sources', n=len(links))}**")
        st.markdown("\n".join(f"{i}. {markdown_link(u, u)}" for i, u in enumerate(links, start=1)))


def proximity_table(dataset: Dataset, filters: Filters, shown: pd.DataFrame, settings: ml.MapSettings) -> None:
    """'Within X km of <site>': sites and located companies, nearest first (geodesic)."""
    site = dataset.landmarks.set_index("id").loc[settings.near]
    title = t("map.proximity_title", km=settings.radius, site=site["name"])
    st.subheader(title, anchor=False)
    st.caption(t("map.proximity_caption"))

    def build() -> tuple[int, str]:
        rows = within(
            {"id": settings.near, "lat": site["lat"], "lon": site["lon"]}, dataset.landmarks, shown, settings.radius
        )
        listed = rows.head(PROXIMITY_ROWS)
        header = [t(f"map.col_{k}") for k in ("name", "what", "distance", "precision")]
        distances = [formats.number(km, 1) for km in listed["distance_km"]]
        cells = zip(listed["name"], listed["what"], distances, listed["precision"], strict=True)
        return len(rows), html_table(header, cells, right={2})

    found, table = shared("proximity", dataset, filters, build, extra=(settings.near, settings.radius))
    if not found:
        st.info(t("map.proximity_empty"))
        return
    if found > PROXIMITY_ROWS:
        st.caption(t("map.proximity_capped", shown=PROXIMITY_ROWS, n=found))
    # plain HTML, nearest first: st.table renders each cell as markdown of its own (a third of a second of
    # the map's first render for 100 cells); the interactive grid's code took about a second
    label = html.escape(title, quote=True)
    st.html(
        f'{DISTANCE_TABLE_CSS}<div class="distance-table" role="region" tabindex="0" aria-label="{label}">{table}</div>'
    )
