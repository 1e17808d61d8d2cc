"""The one-page brief: read back with pypdf (one page, title, filters, coverage, sources, version), PNG, map data."""

from __future__ import annotations

import io
import math
import shutil
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from matplotlib.colors import to_hex
from pypdf import PdfReader

from atlas import brief
from atlas import map_layers as ml
from atlas.filters import Filters, filter_options
from atlas.loading import load_files
from tests.conftest import HOSTILE_NAME

TODAY = date(2026, 12, 1)
URL = "https://atlas.example.lu/map?view=south&niche=digital-health"


TITLE = "Luxembourg HealthTech Atlas: map of the current view"


def view(filters: Filters | None = None, settings: ml.MapSettings | None = None) -> brief.BriefView:
    return brief.BriefView(TITLE, filters or Filters(), settings or ml.MapSettings(), URL, "map")


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


@dataclass
class FakeVersion:
    """Stands in for the store's DatasetVersion (another module adds dataset.version)."""

    number: int
    published_at: datetime
    author: str


@pytest.fixture(scope="module")
def digital_health_pdf(dataset):
    filters = Filters(niche=("digital-health",), q="Südspidol Cité €")
    settings = ml.MapSettings(view="south")
    return brief.brief_pdf(view(filters, settings), dataset, filter_options(dataset.companies), None, TODAY)


def test_brief_is_one_page_with_title_date_filters_and_coverage(digital_health_pdf, dataset):
    pages, text = pdf_text(digital_health_pdf)
    assert pages == 1
    assert "Luxembourg HealthTech Atlas: map of the current view" in text
    assert "Made on 1 December 2026" in text
    assert "Niche: Digital health" in text
    assert "Search: Südspidol Cité €" in text  # accents and the euro sign are text
    assert f"The Atlas lists {len(dataset.companies)} of about 130 companies" in text
    assert "Key figures" in text and "2,500 jobs (2025)" in text


def test_brief_lists_sources_with_years_and_the_data_version(digital_health_pdf, dataset):
    _, text = pdf_text(digital_health_pdf)
    assert "Sources:" in text
    for title in dataset.sources["title"]:
        assert " ".join(title.split()) in text
    assert "130 companies (2025), luxinnovation.lu" in text
    assert "Data: bundled files." in text


def test_brief_is_a4_landscape(digital_health_pdf):
    page = PdfReader(io.BytesIO(digital_health_pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_brief_prints_the_data_version(dataset):
    version = FakeVersion(7, datetime(2026, 11, 30, 9, 15), "editor@example.lu")
    data = brief.brief_pdf(view(), dataset, filter_options(dataset.companies), version, TODAY)
    _, text = pdf_text(data)
    assert "data version 7, published 2026-11-30 by editor@example.lu" in text
    assert "No filter (all companies)".lower() in text.lower()


def test_hostile_company_name_is_literal_text(hostile_data_dir):
    hostile = load_files(hostile_data_dir)
    data = brief.brief_pdf(view(), hostile, filter_options(hostile.companies), None, TODAY)
    pages, text = pdf_text(data)
    assert pages == 1
    assert HOSTILE_NAME in text
    assert '=HYPERLINK("http://x","y")' in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_png_is_the_page_rasterised(dataset):
    png = brief.brief_png(view(), dataset, filter_options(dataset.companies), None, TODAY)
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1754, 1241)


def test_version_text():
    assert brief.version_text(None) == "bundled files"
    assert (
        brief.version_text(FakeVersion(3, datetime(2026, 1, 2), "ana")) == "data version 3, published 2026-01-02 by ana"
    )


def test_map_extent_fits_the_box_without_distortion(dataset):
    x0, x1, y0, y1 = brief.fit_extent(brief.map_extent(ml.MapSettings(view="south"), dataset.communes), 120, 140)
    k = 1 / math.cos(math.radians((y0 + y1) / 2))
    assert (y1 - y0) * k / (x1 - x0) == pytest.approx(140 / 120)
    camera = ml.VIEWS["south"]
    assert x0 < camera["longitude"] < x1 and y0 < camera["latitude"] < y1


def test_static_map_uses_the_interactive_maps_symbols_and_colours(dataset):
    fig = brief.map_figure(dataset, dataset.companies, ml.MapSettings(), (170, 140))
    legend_texts = {text.get_text() for legend in fig.axes[1].artists for text in legend.get_texts()}
    for kind, symbol in ml.KIND_SYMBOLS.items():
        assert any(t.startswith(symbol) and kind[:4].lower() in t.lower() for t in legend_texts), kind
    handles = [h for legend in fig.axes[1].artists for h in legend.legend_handles]
    colours = {to_hex(h.get_color() if hasattr(h, "get_color") else h.get_facecolor()) for h in handles}
    assert "#e69f00" in colours  # the campus colour, OKABE_ITO[0], as on the interactive map


def test_brief_filename():
    assert brief.brief_filename(view(), "pdf", TODAY) == "lux-healthtech-brief_map_2026-12-01.pdf"
