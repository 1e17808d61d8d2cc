"""The Map page in headless chromium: the canvas draws the map, key sites have tooltips, hostile names stay text.

Marker positions are found by projecting their lon/lat with the deck's view state (Web Mercator,
512 px world at zoom 0), then by hovering a small spiral around that point until the tooltip
names the expected place.
"""

from __future__ import annotations

import io
import math
from collections import Counter

import pandas as pd
import pytest
from PIL import Image

from atlas import map_layers as ml
from atlas.loading import load_files
from atlas.strings import t
from tests.conftest import DATA, HOSTILE_NAME
from tests.e2e import open_app

pytestmark = pytest.mark.browser
PlaywrightTimeout = pytest.importorskip("playwright.sync_api").TimeoutError

CHART = '[data-testid="stDeckGlJsonChart"]'
TOOLTIP = ".deck-tooltip"
BACKGROUND = (0xEE, 0xF2, 0xF4)  # the offline style's background colour
LANDMARKS = pd.read_csv(DATA / "landmarks.csv", dtype=str, keep_default_na=False)


def open_map(page, base_url: str, query: str = "") -> None:
    """Open '/' first, as a visitor coming from the overview, then the map (a deep link as a new process's first
    session is tested in test_browser_pages.py)."""
    open_app(page, f"{base_url}/", t("page.overview.title"))
    open_app(page, f"{base_url}/map{query}", t("page.map.purpose"))
    page.locator(f"{CHART} canvas").first.wait_for(state="visible")
    page.wait_for_timeout(800)  # let deck.gl draw its first frames


def project(lon: float, lat: float, view: dict, box: dict) -> tuple[float, float]:
    """Screen position of (lon, lat) in a deck.gl WebMercator viewport filling `box`."""
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def world(lo: float, la: float) -> tuple[float, float]:
        return scale * (math.radians(lo) + math.pi), scale * (
            math.pi - math.log(math.tan(math.pi / 4 + math.radians(la) / 2))
        )

    x, y = world(lon, lat)
    cx, cy = world(view["longitude"], view["latitude"])
    return box["x"] + box["width"] / 2 + (x - cx), box["y"] + box["height"] / 2 + (y - cy)


def spiral(x: float, y: float, reach: int = 24, step: int = 4):
    """(x, y) first, then points on growing squares around it."""
    yield x, y
    for r in range(step, reach + 1, step):
        for dx in range(-r, r + 1, step):
            for dy in (-r, r):
                yield x + dx, y + dy
        for dy in range(-r + step, r, step):
            for dx in (-r, r):
                yield x + dx, y + dy


def hover_until(page, x: float, y: float, wanted: str) -> str:
    """Hover around (x, y) until the deck tooltip contains `wanted`; return the tooltip's text.

    The projected point gets a few seconds (picking is slow on a busy machine), the others a moment.
    """
    box = page.locator(CHART).bounding_box()
    seen = []
    for i, (px, py) in enumerate(spiral(x, y)):
        if not (box["x"] < px < box["x"] + box["width"] and box["y"] < py < box["y"] + box["height"]):
            continue
        page.mouse.move(px, py)
        try:
            page.wait_for_function(
                """w => { const t = document.querySelector('.deck-tooltip');
                          return t && t.style.display !== 'none' && t.textContent.includes(w); }""",
                arg=wanted,
                timeout=3000 if i == 0 else 250,
            )
            return page.locator(TOOLTIP).first.text_content() or ""
        except PlaywrightTimeout:
            tip = page.locator(TOOLTIP)
            if tip.count():
                seen.append((tip.first.text_content() or "")[:60])
    raise AssertionError(f"no tooltip with {wanted!r} around ({x:.0f}, {y:.0f}); saw {sorted(set(seen))}")


def marker_screen_position(page, position: list[float], view_name: str) -> tuple[float, float]:
    box = page.locator(CHART).bounding_box()
    return project(position[0], position[1], ml.VIEWS[view_name], box)


def test_map_canvas_draws_the_map(server, page):
    open_map(page, server.url)
    png = page.locator(CHART).screenshot()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    total = image.width * image.height
    colours = Counter({colour: n for n, colour in image.getcolors(maxcolors=total)})
    common, n = colours.most_common(1)[0]
    assert n / total < 0.9, f"{common} covers {n / total:.0%} of the map: the canvas is one colour"
    assert colours[BACKGROUND] > 0.02 * total, "the offline background #eef2f4 shows around the country"
    assert len(colours) > 50, "communes, cantons, sites and labels are drawn"
    page.problems.assert_clean()


def test_hovering_heal_campus_shows_its_tooltip(server, page, dataset):
    open_map(page, server.url, "?view=south")
    heal = next(r for r in ml.site_rows(dataset.landmarks) if r["id"] == "heal_campus")
    x, y = marker_screen_position(page, heal["position"], "south")
    text = hover_until(page, x, y, "HE:AL")
    assert "Campus" in text
    assert "planned" in text
    # data text appears as written: "ZARE 'A Sommet' ..." (not "&#x27;A Sommet&#x27;")
    assert LANDMARKS.set_index("id").loc["heal_campus", "address"] in text
    page.problems.assert_clean()


def test_map_page_makes_no_failed_request_and_no_console_error(server, page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_map(page, server.url, "?view=city&color=subsector")
    page.wait_for_timeout(500)
    page.problems.assert_clean()
    external = [u for u in requests if not u.startswith((server.url, "data:", f"blob:{server.url}"))]
    assert not external, f"the map must work offline: {external}"


def test_hostile_company_name_shows_as_text(hostile_server, hostile_data_dir, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_map(page, hostile_server.url, "?view=south&layers=companies")
    hostile = load_files(hostile_data_dir)
    points = ml.company_rows(hostile.companies, hostile.landmarks, "niche").points
    marker = next(p for p in points if p["id"] == "synthetic-hostile-html")
    x, y = marker_screen_position(page, marker["position"], "south")
    text = hover_until(page, x, y, HOSTILE_NAME)
    assert HOSTILE_NAME in text
    tooltip = page.locator(TOOLTIP).first
    assert tooltip.locator("img").count() == 0, tooltip.inner_html()
    assert "&lt;img" in tooltip.inner_html()
    assert page.locator('img[src="x"]').count() == 0, "no markup injected anywhere in the page"
    distance_table = page.locator(".distance-table table").first
    assert distance_table.get_by_role("cell", name=HOSTILE_NAME, exact=True).count() == 1, "the name as text"
    page.wait_for_timeout(300)
    assert dialogs == [], dialogs
    page.problems.assert_clean()


def test_phone_layout_wraps_the_layer_pills_and_fits_the_map(server, page):
    """At phone width the page's narrow-screen styles apply: layer pills wrap, the map leaves room around it."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_map(page, server.url)
    toolbar = page.locator('[data-testid="stButtonGroup"] [role="toolbar"]').first
    assert toolbar.evaluate("el => getComputedStyle(el).flexWrap") == "wrap"
    height = page.locator(CHART).first.evaluate("el => el.getBoundingClientRect().height")
    assert height <= 0.7 * 844 + 1
    page.problems.assert_clean()
