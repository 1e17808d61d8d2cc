"""Presenter mode, briefs and phones in headless chromium.

Clicker keys move between slides and the URL follows; a slide opened by URL shows that slide; the
Map page's share button opens its QR code and the PDF and PNG brief downloads; screenshots at
1920x1080, 1280x720 and 390x844 have no horizontal overflow of the main block; on a phone the map
fits the screen and the filters can be opened. Every page: zero console errors and failed requests. Screenshots go to $ATLAS_SCREENSHOTS
(e.g. docs/screenshots/present) when set, else to the test's temporary directory.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from atlas import stories
from atlas.strings import t
from tests.e2e import PageProblems, open_app, wait_done

pytestmark = pytest.mark.browser
TIMEOUT_MS = 180_000  # the machine running the suite may be shared and slow
STORY = stories.load_story(stories.DEFAULT_STORY)
SIZES = [(1920, 1080), (1280, 720)]
PHONE = (390, 844)
PHONE_PATHS = ["", "map", "companies", "companies?company=atera", "present?story=sector&slide=3"]
OVERFLOW_JS = """() => { const m = document.querySelector('[data-testid="stMain"]');
    const d = document.documentElement;
    return {main: [m.scrollWidth, m.clientWidth], page: [d.scrollWidth, d.clientWidth]}; }"""


def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("ATLAS_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def slide_title(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text().strip()


def wait_for_slide(page, number: int) -> None:
    page.wait_for_url(re.compile(rf"[?&]slide={number}(&|$)"), timeout=TIMEOUT_MS)
    page.get_by_text(t("present.counter", n=number, total=len(STORY.slides)), exact=True).wait_for(timeout=TIMEOUT_MS)
    wait_done(page, TIMEOUT_MS)
    assert slide_title(page) == STORY.slides[number - 1].title


def assert_no_horizontal_overflow(page, label: str) -> None:
    sizes = page.evaluate(OVERFLOW_JS)
    assert sizes["main"][0] <= sizes["main"][1], (label, sizes)
    assert sizes["page"][0] <= sizes["page"][1], (label, sizes)


def test_clicker_keys_move_between_slides_and_the_url_follows(server, page):
    page.set_default_timeout(TIMEOUT_MS)
    open_app(page, f"{server.url}/present?story=sector&slide=1", STORY.slides[0].title, TIMEOUT_MS)
    for key, number in (("PageDown", 2), ("ArrowRight", 3), ("PageUp", 2), ("ArrowLeft", 1)):
        # as a presenter would: press once the buttons show (their code loads after the slide's text,
        # and a key pressed before that has no button to go to)
        page.locator(".st-key-present_next button").wait_for(state="visible")
        page.keyboard.press(key)
        wait_for_slide(page, number)
    page.problems.assert_clean()


def test_a_slide_opened_by_url_shows_that_slide(server, page):
    page.set_default_timeout(TIMEOUT_MS)
    number = len(STORY.slides) - 1
    open_app(page, f"{server.url}/present?story=sector&slide={number}", STORY.slides[number - 1].title, TIMEOUT_MS)
    wait_for_slide(page, number)
    # no Streamlit chrome on a slide (the page's style sheet hides it once its element has loaded)
    page.locator('[data-testid="stHeader"]').wait_for(state="hidden", timeout=30_000)
    qr = page.locator('[data-testid="stImage"] img').first
    qr.wait_for(timeout=TIMEOUT_MS)
    assert qr.get_attribute("src").startswith("data:image/svg+xml")  # drawn on the server, no request
    page.problems.assert_clean()


@pytest.mark.timeout(900)
def test_share_button_shows_the_qr_code_and_downloads_the_briefs_from_the_map_page(server, page, tmp_path):
    page.set_default_timeout(TIMEOUT_MS)
    open_app(page, f"{server.url}/", t("page.overview.title"), TIMEOUT_MS)
    open_app(page, f"{server.url}/map?view=south&niche=digital-health", t("page.map.purpose"), TIMEOUT_MS)
    qr = page.locator('[data-testid="stPopoverBody"] [data-testid="stImage"] img')
    assert qr.count() == 0, "the share popover's content is drawn only when it opens"
    page.get_by_role("button", name=t("share.button")).click(timeout=TIMEOUT_MS)
    qr.wait_for(timeout=TIMEOUT_MS)
    assert qr.get_attribute("src").startswith("data:image/svg+xml")  # drawn on the server, no request
    link = page.locator('[data-testid="stPopoverBody"] a', has_text="/map?")
    assert "niche=digital-health" in link.get_attribute("href")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name=t("brief.pdf")).click(timeout=TIMEOUT_MS)
    pdf = Path(info.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert "Niche: Digital health" in text and "of about 130 companies" in text
    assert info.value.suggested_filename.endswith(".pdf")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name=t("brief.png")).click(timeout=TIMEOUT_MS)
    assert Path(info.value.path()).read_bytes().startswith(b"\x89PNG")
    assert info.value.suggested_filename.endswith(".png")
    page.problems.assert_clean()


@pytest.fixture
def sized_page(browser, request):
    """A page of the given (width, height), with its problems collected in `page.problems`."""
    width, height = request.param
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=width < 600, has_touch=width < 600
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.problems = PageProblems()
    page.problems.watch(page)
    yield page
    context.close()


@pytest.mark.parametrize("number", range(1, len(STORY.slides) + 1))
@pytest.mark.parametrize("sized_page", SIZES, indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
def test_slides_fit_projector_screens(server, sized_page, number, tmp_path):
    page = sized_page
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    open_app(page, f"{server.url}/present?story=sector&slide={number}", "Slide", TIMEOUT_MS)
    wait_for_slide(page, number)
    page.wait_for_timeout(1500)  # charts and the map canvas settle
    page.screenshot(path=str(shots_dir(tmp_path) / f"present-{number}-{width}x{height}.png"), timeout=TIMEOUT_MS)
    assert_no_horizontal_overflow(page, f"slide {number}")
    box = page.get_by_role("button", name=re.compile(t("present.next"))).bounding_box()
    assert box and box["y"] + box["height"] <= height, "the Next button is on screen without scrolling"
    h1_px = float(page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"))
    assert h1_px >= height / 25, f"slide titles readable from the back of the room ({h1_px}px)"
    page.problems.assert_clean()


@pytest.mark.parametrize("path", PHONE_PATHS)
@pytest.mark.parametrize("sized_page", [PHONE], indirect=True, ids=["390x844"])
def test_phone_pages_fit_the_screen(server, sized_page, path, tmp_path):
    """The pages a QR code opens, opened directly by their link on a phone."""
    page = sized_page
    open_app(page, f"{server.url}/{path}", "", TIMEOUT_MS)
    page.wait_for_timeout(1500)
    name = re.sub(r"[^a-z0-9]+", "-", path or "overview").strip("-")
    page.screenshot(path=str(shots_dir(tmp_path) / f"phone-{name}.png"), timeout=TIMEOUT_MS)
    assert_no_horizontal_overflow(page, path)
    if path == "map":
        chart = page.locator('[data-testid="stDeckGlJsonChart"]').first.bounding_box()
        assert chart["width"] <= PHONE[0] and chart["height"] <= PHONE[1], chart
    if path in ("map", "companies"):
        page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_text(t("filters.niche"), exact=True).first.wait_for(timeout=TIMEOUT_MS)
    page.problems.assert_clean()
