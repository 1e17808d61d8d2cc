"""The one-page brief of a view: an A4 landscape PDF (fpdf2) and the same page as PNG.

The page holds the title, the date, the active filters in words, the key figures, a static map of
the view (geopandas + matplotlib, drawn from the same layer data, colours and symbols as the
interactive map in `atlas.map_layers`), one chart (matplotlib), the coverage sentence, the sources
with their years, the data version and the QR code of the live view. Text from the data is
written as text (fpdf2 cells, no markup), in DejaVu Sans so that Südspidol, Cité and € render.
The PNG is the PDF page rasterised by poppler's pdftoppm (no browser). No Streamlit here.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
from fpdf import FPDF
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, Patch, Rectangle

from atlas import aggregation as agg
from atlas import formats
from atlas import map_layers as ml
from atlas.charts import DATA_COLOUR, PUBLISHED_COLOUR
from atlas.export import filter_rows
from atlas.filters import FilterOptions, Filters, apply_filters
from atlas.fonts import font_file
from atlas.palette import hex_colour
from atlas.qr import qr_png
from atlas.strings import t
from atlas.text import slugify, url_domain
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025

FONT = "DejaVu"
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0  # A4 landscape, mm
MAP_BOX = (MARGIN, 34.0, 172.0, 146.0)
MAP_SHARE = 0.68  # of the map figure's width; the legend takes the rest  # x, y, w, h in mm
SIDE_X = MARGIN + MAP_BOX[2] + 6
SIDE_W = PAGE_W - MARGIN - SIDE_X
QR_MM = 30.0
DPI = 150
MM = 1 / 25.4
INK = (27, 42, 51)
MUTED = (91, 107, 117)
# The interactive map's camera is a centre and a zoom; the brief shows what a map this size in pixels would.
NOMINAL_PX = (760, 640)
LISTED_NAMES = 40  # company names printed on the page (the rest are counted)
PUBLISHED_IDS = ("healthtech-entities-companies-mapped-2025-mapping", "healthtech-sector-employment-2025-mapping")


@dataclass(frozen=True)
class BriefView:
    """What a brief shows: a title, the filters and map settings in force, and the live view's URL."""

    title: str
    filters: Filters
    settings: ml.MapSettings
    url: str
    page: str = "map"


def version_text(version: object | None) -> str:
    """'data version N, published <date> by <author>' of a DatasetVersion, or 'bundled files' for None."""
    if version is None:
        return t("brief.version_bundled")
    published = getattr(version, "published_at", None)
    published = published.date().isoformat() if hasattr(published, "date") else str(published or "")
    return t("brief.version_number", number=version.number, published=published, author=getattr(version, "author", ""))


def brief_filename(view: BriefView, extension: str, today: date | None = None) -> str:
    """E.g. 'lux-healthtech-brief_map_2026-12-01.pdf'."""
    return f"lux-healthtech-brief_{slugify(view.page) or 'view'}_{(today or date.today()).isoformat()}.{extension}"


# ---------------------------------------------------------------------------------------------
# The static map
# ---------------------------------------------------------------------------------------------


def map_extent(settings: ml.MapSettings, communes: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) of the view: the whole country, or the interactive view's window."""
    if settings.view == "country":
        x0, y0, x1, y1 = communes.total_bounds
        pad = 0.02
        return x0 - pad, x1 + pad, y0 - pad, y1 + pad
    camera = ml.VIEWS[settings.view]
    deg_per_px = 360 / (256 * 2 ** camera["zoom"])
    half_lon = NOMINAL_PX[0] / 2 * deg_per_px
    half_lat = NOMINAL_PX[1] / 2 * deg_per_px * math.cos(math.radians(camera["latitude"]))
    return (
        camera["longitude"] - half_lon,
        camera["longitude"] + half_lon,
        camera["latitude"] - half_lat,
        camera["latitude"] + half_lat,
    )


_BASE_CACHE: dict[int, tuple] = {}


def _base_layers(communes: gpd.GeoDataFrame) -> tuple[dict, gpd.GeoDataFrame]:
    """The communes' GeoJSON and the dissolved cantons of one communes table, computed once per table."""
    cached = _BASE_CACHE.get(id(communes))
    if cached is None or cached[0] is not communes:
        cantons = gpd.GeoDataFrame.from_features(ml.cantons_geojson(communes)["features"], crs="EPSG:4326")
        cached = (communes, ml.communes_geojson(communes), cantons)
        _BASE_CACHE.clear()
        _BASE_CACHE[id(communes)] = cached
    return cached[1], cached[2]


def fit_extent(extent: tuple[float, float, float, float], width: float, height: float) -> tuple[float, ...]:
    """`extent` widened in one direction so that it fills a width x height box without distortion."""
    x0, x1, y0, y1 = extent
    k = 1 / math.cos(math.radians((y0 + y1) / 2))  # degrees of latitude drawn k times taller than longitude
    cx, cy, dx, dy = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    if dy * k / dx < height / width:
        dy = dx * height / width / k
    else:
        dx = dy * k * width / height
    return cx - dx / 2, cx + dx / 2, cy - dy / 2, cy + dy / 2


def _rgba(values) -> tuple[float, ...]:
    rgba = list(values) + [255] * (4 - len(values))
    return tuple(v / 255 for v in rgba[:4])


def map_figure(dataset, shown: pd.DataFrame, settings: ml.MapSettings, size_mm: tuple[float, float]) -> Figure:
    """The static map of the view with its legend, from the interactive map's layer data."""
    fig = Figure(figsize=(size_mm[0] * MM, size_mm[1] * MM), dpi=DPI)
    ax = fig.add_axes((0.0, 0.0, MAP_SHARE, 1.0))
    legend_ax = fig.add_axes((MAP_SHARE + 0.015, 0.0, 1 - MAP_SHARE - 0.015, 1.0))
    legend_ax.axis("off")
    on = set(settings.layers)
    counts = shown[shown["location_precision"] == "commune"].groupby("commune").size().to_dict()
    base, cantons = _base_layers(dataset.communes)
    choropleth = ml.choropleth_geojson(base, counts if "communes" in on else {})
    communes = gpd.GeoDataFrame.from_features(choropleth["features"], crs="EPSG:4326")
    communes.plot(
        ax=ax,
        color=[_rgba(f) for f in communes["fill"]],
        edgecolor=(110 / 255, 120 / 255, 130 / 255, 0.6),
        linewidth=0.3,
    )
    cantons.boundary.plot(ax=ax, color=(40 / 255, 50 / 255, 60 / 255, 0.86), linewidth=0.8)
    ax.add_patch(Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor="#eef2f4", zorder=-1))
    near = dataset.landmarks.set_index("id").loc[settings.near]
    x0, x1, y0, y1 = fit_extent(map_extent(settings, dataset.communes), size_mm[0] * MAP_SHARE, size_mm[1])
    in_view = lambda lon, lat: x0 <= lon <= x1 and y0 <= lat <= y1  # noqa: E731
    if "rings" in on:
        for ring in ml.ring_rows({"lat": near["lat"], "lon": near["lon"]}):
            xs, ys = zip(*ring["path"], strict=True)
            ax.plot(xs, ys, color=_rgba([27, 42, 51, 200]), linewidth=0.9)
            if in_view(*ring["label_position"]):
                ax.text(
                    *ring["label_position"],
                    ring["label"],
                    fontsize=5.5,
                    ha="center",
                    va="center",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "#eef2f4", "ec": "none", "alpha": 0.9},
                )
    sites = ml.site_rows(dataset.landmarks)
    if "sites" in on:
        for row in ml.uncertainty_rows(dataset.landmarks):
            lon, lat = row["position"]
            ax.add_patch(
                Ellipse(
                    (lon, lat),
                    2 * row["radius_m"] / (111_320 * math.cos(math.radians(lat))),
                    2 * row["radius_m"] / 110_540,
                    facecolor=_rgba([0, 114, 178, 18]),
                    edgecolor=_rgba(row["colour"]),
                    linewidth=0.4,
                )
            )
    companies = ml.company_rows(shown, dataset.landmarks, settings.color)
    if "companies" in on and companies.points:
        points = companies.points
        ax.scatter(
            [p["position"][0] for p in points],
            [p["position"][1] for p in points],
            s=[(p["radius"] * 0.55) ** 2 for p in points],
            color=[_rgba(p["fill"]) for p in points],
            edgecolors="white",
            linewidths=0.4,
            zorder=3,
        )
        for point in points:
            if point["count"] > 1:
                ax.text(
                    *point["position"],
                    str(point["count"]),
                    fontsize=5,
                    color="white",
                    ha="center",
                    va="center",
                    fontweight="bold",
                    zorder=4,
                )
    if "sites" in on:
        ax.scatter(
            [site["position"][0] for site in sites],
            [site["position"][1] for site in sites],
            s=34,
            color=[_rgba(site["fill"]) for site in sites],
            edgecolors=[_rgba(site["line"]) for site in sites],
            linewidths=[site["line_width"] * 0.35 for site in sites],
            zorder=5,
        )
        for site in sites:
            ax.text(
                *site["position"],
                site["symbol"],
                fontsize=4.6,
                fontweight="bold",
                ha="center",
                va="center",
                color=_rgba(site["symbol_colour"]),
                zorder=6,
            )
        for label in ml.key_label_rows(sites):
            if in_view(*label["position"]):
                dx, dy = label["offset"]
                ax.annotate(
                    label["text"],
                    label["position"],
                    xytext=(dx * 0.45, -dy * 0.45),
                    textcoords="offset points",
                    ha={"start": "left", "end": "right"}.get(label["anchor"], "center"),
                    va="center",
                    fontsize=5.8,
                    fontweight="bold",
                    color=_rgba([27, 42, 51, 255]),
                    zorder=7,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.88},
                )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
    ax.set_axis_off()
    _legend(legend_ax, settings, shown, companies.clustered, max(counts.values(), default=0), str(near["name"]))
    return fig


def _legend(ax, settings: ml.MapSettings, shown: pd.DataFrame, clustered: bool, top: int, near: str) -> None:
    """The map's legend: the same entries as the text legend beside the interactive map."""
    on = set(settings.layers)
    sections: list[tuple[str, list]] = []
    if "sites" in on:
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=5,
                color=hex_colour(rgb),
                markeredgecolor="white",
                label=f"{ml.KIND_SYMBOLS[kind]}  {t(f'map.kind.{kind}')}",
            )
            for kind, rgb in ml.KIND_COLOURS.items()
        ]
        sections.append((t("brief.legend_sites"), handles))
    if "companies" in on:
        if clustered:
            sections.append((t("brief.legend_clustered"), []))
        else:
            handles = [
                Line2D([], [], marker="o", linestyle="", markersize=5, color=hex_colour(rgb), label=f"{label} ({n})")
                for label, rgb, n in ml.legend_entries(settings.color, shown)
            ]
            sections.append((t("brief.legend_companies", what=t(f"map.color.{settings.color}").lower()), handles))
    if "communes" in on:
        sections.append(
            (t("brief.legend_communes", top=top), [Patch(color=_rgba([*ml.CHOROPLETH_RGB, 200]), label=" ")])
        )
    if "rings" in on:
        sections.append((t("brief.legend_rings", site=near), []))
    y = 1.0
    for title, handles in sections:
        ax.text(0.0, y, _wrap(title, 36), fontsize=5.6, fontweight="bold", va="top", transform=ax.transAxes)
        y -= 0.035 * (1 + _wrap(title, 36).count("\n"))
        if handles:
            legend = ax.legend(
                handles=handles,
                loc="upper left",
                bbox_to_anchor=(0.0, y),
                fontsize=5.4,
                frameon=False,
                handletextpad=0.3,
                borderaxespad=0,
                labelspacing=0.35,
            )
            ax.add_artist(legend)
            y -= 0.027 * len(handles) + 0.03


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


# ---------------------------------------------------------------------------------------------
# The chart
# ---------------------------------------------------------------------------------------------


def chart_figure(shown: pd.DataFrame, sector_figures: pd.DataFrame, size_mm: tuple[float, float]) -> Figure:
    """Companies per subsector in view (share of those with a known subsector) beside the official 2025 shares."""
    shares = agg.subsector_shares(shown, sector_figures).iloc[::-1]
    fig = Figure(figsize=(size_mm[0] * MM, size_mm[1] * MM), dpi=DPI)
    ax = fig.add_axes((0.36, 0.34, 0.6, 0.64))
    ys = range(len(shares))
    ax.barh([y + 0.2 for y in ys], shares["data_share"], height=0.38, color=DATA_COLOUR, label=t("brief.chart_data"))
    ax.barh(
        [y - 0.2 for y in ys],
        shares["official_share"].fillna(0),
        height=0.38,
        color=PUBLISHED_COLOUR,
        label=t("brief.chart_official"),
    )
    ax.set_yticks(list(ys), shares["label"], fontsize=6)
    ax.tick_params(axis="x", labelsize=6)
    ax.set_xlabel(t("brief.axis_share"), fontsize=6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=5.5, frameon=False, loc="upper left", bbox_to_anchor=(-0.55, -0.3))
    return fig


def _png(fig: Figure) -> io.BytesIO:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    buffer.seek(0)
    return buffer


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


def key_figures(
    shown: pd.DataFrame, total: int, sector_figures: pd.DataFrame, today: date | None = None
) -> list[tuple[str, str]]:
    """(label, value) of the key figures: computed from the view, then published with their year."""
    kpis = agg.kpis(shown, today)
    share = lambda s: (  # noqa: E731
        t("brief.share_of", share=formats.percent(s.share), count=s.count, known=s.known)
        if s.share is not None
        else t("value.unknown")
    )
    rows = [
        (t("brief.in_view"), t("count.companies", n=len(shown), total=total)),
        (t("brief.known_year"), share(kpis.known_year)),
        (t("brief.young", since=kpis.young_since, year=(today or date.today()).year), share(kpis.young)),
        (t("brief.niches"), f"{kpis.niches_covered} / {kpis.niches_total}"),
    ]
    for figure in agg.published_figures(sector_figures, PUBLISHED_IDS):
        rows.append((f"{figure.figure}", f"{figure.text} ({figure.year})"))
    return rows


def source_lines(dataset) -> list[str]:
    """The sources of the page: every data file with its edition and date, and the published figures used."""
    lines = [
        t("brief.source_file", title=row["title"], edition=row["edition"], copied=row["copied"])
        for row in dataset.sources.to_dict("records")
    ]
    for figure in agg.published_figures(
        dataset.sector_figures, (*PUBLISHED_IDS, agg.OFFICIAL_SHARE_IDS["medical-devices"])
    ):
        lines.append(
            t(
                "brief.source_figure",
                figure=figure.figure,
                value=figure.text,
                year=figure.year,
                url=url_domain(figure.source_url),
            )
        )
    return lines


def brief_pdf(
    view: BriefView, dataset, options: FilterOptions, version: object | None = None, today: date | None = None
) -> bytes:
    """The brief of `view` as a one-page A4 landscape PDF."""
    today = today or date.today()
    shown = apply_filters(dataset.companies, view.filters)
    total = len(dataset.companies)
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
    pdf.set_title(view.title)
    pdf.set_creator(t("app.title"))
    pdf.add_page()
    pdf.set_text_color(*INK)

    pdf.set_font(FONT, "B", 17)
    pdf.set_xy(MARGIN, MARGIN)
    pdf.cell(PAGE_W - 2 * MARGIN - 45, 8, view.title)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(45, 8, t("brief.date", date=formats.day(today)), align="R")
    pdf.set_xy(MARGIN, MARGIN + 9)
    words = (
        "; ".join(f"{k}: {v}" for k, v in filter_rows(view.filters, options))
        if view.filters.active
        else t("brief.no_filters")
    )
    pdf.set_text_color(*INK)
    pdf.multi_cell(PAGE_W - 2 * MARGIN, 5, t("brief.filters", filters=words))
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_xy(MARGIN, MARGIN + 19)
    pdf.multi_cell(
        PAGE_W - 2 * MARGIN, 5, t("brief.coverage", shown=len(shown), n=total, official=OFFICIAL_COMPANY_COUNT_2025)
    )

    x, y, w, h = MAP_BOX
    pdf.set_font(FONT, "B", 9)
    pdf.set_xy(x, y)
    pdf.cell(w, 5, t("brief.map_title", view=t(f"map.view.{view.settings.view}")))
    map_fig = map_figure(dataset, shown, view.settings, (w, h - 6))
    pdf.image(_png(map_fig), x=x, y=y + 6, w=w, h=h - 6)
    pdf.set_draw_color(200, 210, 215)
    pdf.rect(x, y + 6, w * MAP_SHARE, h - 6)

    pdf.set_xy(SIDE_X, y)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(SIDE_W, 5, t("brief.key_figures"))
    pdf.set_y(y + 6)
    for label, value in key_figures(shown, total, dataset.sector_figures, today):
        pdf.set_x(SIDE_X)
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(SIDE_W, 3.6, label)
        pdf.set_x(SIDE_X)
        pdf.set_font(FONT, "B", 9)
        pdf.set_text_color(*INK)
        pdf.multi_cell(SIDE_W, 4.4, value)
    chart_y = pdf.get_y() + 2
    pdf.set_xy(SIDE_X, chart_y)
    pdf.set_font(FONT, "B", 8)
    pdf.multi_cell(SIDE_W, 4, t("brief.chart_title"))
    chart_top = pdf.get_y()
    chart_h = max(30.0, y + h - QR_MM - 4 - chart_top)
    pdf.image(
        _png(chart_figure(shown, dataset.sector_figures, (SIDE_W, chart_h))), x=SIDE_X, y=chart_top, w=SIDE_W, h=chart_h
    )

    qr_y = y + h - QR_MM
    pdf.image(io.BytesIO(qr_png(view.url, scale=6)), x=SIDE_X, y=qr_y, w=QR_MM, h=QR_MM)
    pdf.set_xy(SIDE_X + QR_MM + 2, qr_y + 4)
    pdf.set_font(FONT, "B", 8)
    pdf.multi_cell(SIDE_W - QR_MM - 2, 4, t("brief.qr"))
    pdf.set_x(SIDE_X + QR_MM + 2)
    pdf.set_font(FONT, "", 6.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(SIDE_W - QR_MM - 2, 3, view.url, wrapmode="CHAR")

    pdf.set_xy(MARGIN, y + h + 2)
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "B", 7)
    pdf.cell(18, 3.4, t("brief.companies") + ":")
    pdf.set_font(FONT, "", 6.3)
    names = sorted(shown["name"], key=str.casefold)
    listed = ", ".join(names[:LISTED_NAMES]) + (
        " " + t("brief.more", n=len(names) - LISTED_NAMES) if len(names) > LISTED_NAMES else ""
    )
    pdf.multi_cell(PAGE_W - 2 * MARGIN - 18, 3.1, listed or t("value.none"))
    pdf.set_x(MARGIN)
    pdf.set_font(FONT, "B", 7)
    pdf.cell(18, 3.4, t("brief.sources") + ":")
    pdf.set_font(FONT, "", 6.3)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(PAGE_W - 2 * MARGIN - 18, 3.1, " · ".join(source_lines(dataset)))
    pdf.set_x(MARGIN)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*INK)
    pdf.multi_cell(PAGE_W - 2 * MARGIN, 3.4, t("brief.version", version=version_text(version)))
    return bytes(pdf.output())


def pdf_to_png(pdf: bytes, dpi: int = 150) -> bytes:
    """The first page of a PDF as PNG, rasterised by poppler's pdftoppm."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise FileNotFoundError(t("brief.png_missing"))
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "brief.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [tool, "-png", "-r", str(dpi), "-singlefile", str(source), str(Path(directory) / "brief")],
            check=True,
            capture_output=True,
            timeout=30,
        )
        return (Path(directory) / "brief.png").read_bytes()


def brief_png(
    view: BriefView, dataset, options: FilterOptions, version: object | None = None, today: date | None = None
) -> bytes:
    """The brief of `view` as a PNG of the PDF page (150 dpi)."""
    return pdf_to_png(brief_pdf(view, dataset, options, version, today))
