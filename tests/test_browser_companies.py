"""Companies and Insights in headless chromium: row selection, deep-linked card, grid click, CSV export, hostile names."""

import re
from pathlib import Path

import pandas as pd
import pytest

from atlas.strings import t
from tests.conftest import DATA, FORMULA_NAME, HOSTILE_NAME
from tests.e2e import open_app, wait_done

pytestmark = pytest.mark.browser

HEADER_PX = 36  # height of the grid's header row
ROW_PX = 35  # height of one grid row
CHECKBOX_X = 15  # the row-selection checkbox column, from the grid's left edge
TIMEOUT_MS = 30_000


def read_companies(data_dir: Path = DATA) -> pd.DataFrame:
    """companies.csv as plain strings (blank cells stay empty strings)."""
    return pd.read_csv(data_dir / "companies.csv", dtype=str, keep_default_na=False)


def has_niche(companies: pd.DataFrame, niche: str) -> pd.Series:
    return companies["niches"].str.split(";").map(lambda niches: niche in niches)


def count_text(shown: int, total: int) -> str:
    return f"{shown} of {total} companies"


def start(page, url: str, path: str, expect_text: str) -> None:
    """Open the app's root first, as a visitor coming from the overview, then `path` (a deep link as a new process's
    first session is tested in test_browser_pages.py)."""
    open_app(page, f"{url}/", t("page.overview.title"))
    page.wait_for_load_state("networkidle")  # leaving with requests in flight aborts them (failed requests)
    open_app(page, f"{url}{path}", expect_text)


def stable_box(page, locator, tries: int = 40) -> dict:
    """The locator's bounding box once two reads 250 ms apart agree (plotly may lay a chart out again
    after its first draw)."""
    box = locator.bounding_box()
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    raise AssertionError(f"the element kept moving: {box}")


def click_row(page, row: int) -> None:
    """Tick the row-selection checkbox of the directory's `row`-th visible row (0 = first)."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + CHECKBOX_X, box["y"] + HEADER_PX + row * ROW_PX + ROW_PX / 2)


def card(page, company_id: str):
    """The bordered container of a company's card."""
    return page.locator(f".st-key-card_{company_id}")


def assert_card(page, company_id: str, name: str) -> None:
    """The card of `company_id` is open, titled `name` exactly, with its link to the map."""
    box = card(page, company_id)
    box.wait_for(timeout=TIMEOUT_MS)
    heading = box.get_by_role("heading").first
    assert heading.inner_text().strip() == name
    box.get_by_role("link", name=t("card.link_map")).wait_for()


def download_csv(page, tmp_path: Path) -> tuple[str, pd.DataFrame]:
    """Click 'Download CSV'; the file name and its table (line 1 is the description cell)."""
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name=t("export.csv")).click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    table = pd.read_csv(path, skiprows=1, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return download.suggested_filename, table


def test_selecting_a_row_opens_the_card(server, page):
    companies = read_companies()
    by_name = companies.iloc[sorted(range(len(companies)), key=lambda i: companies["name"][i].casefold())]
    target = by_name.iloc[2]  # the table is sorted by name; the third row
    start(page, server.url, "/companies", count_text(len(companies), len(companies)))
    assert "company=" not in page.url
    assert not page.locator('[class*="st-key-card_"]').count()

    click_row(page, 2)
    page.wait_for_url(re.compile(rf"[?&]company={re.escape(target['id'])}(&|$)"), timeout=TIMEOUT_MS)
    wait_done(page)
    assert_card(page, target["id"], target["name"])
    assert page.locator('[class*="st-key-card_"]').count() == 1
    page.problems.assert_clean()


def test_deep_link_opens_doctena_card(server, page):
    companies = read_companies()
    doctena = companies[companies["id"] == "doctena"].iloc[0]
    start(page, server.url, "/companies?company=doctena", count_text(len(companies), len(companies)))
    assert_card(page, "doctena", doctena["name"])
    assert "company=doctena" in page.url
    page.problems.assert_clean()


def test_matrix_square_applies_niche_and_subsector(server, page):
    companies = read_companies()
    expected = int(
        (has_niche(companies, "digital-health") & (companies["subsector"] == "software-digital-health")).sum()
    )
    assert 0 < expected < len(companies)
    start(page, server.url, "/insights", count_text(len(companies), len(companies)))

    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.scroll_into_view_if_needed()
    squares = chart.locator(".scatterlayer .point")
    squares.first.wait_for(timeout=TIMEOUT_MS)
    wait_done(page)  # the page's run has ended: nothing above the chart moves any more
    cells = chart.evaluate("el => el.querySelector('.js-plotly-plot').data[0].customdata")
    assert squares.count() == len(cells)
    index = cells.index(["digital-health", "software-digital-health"])
    square = squares.nth(index)
    stable_box(page, square)
    # plotly clicks the point it hovers: its hover label first, or a quick click can land on nothing. The
    # square lies under plotly's drag layer (force: no hit-target check); each action measures it afresh.
    square.hover(force=True)
    chart.locator(".hoverlayer .hovertext").first.wait_for(timeout=TIMEOUT_MS)
    square.click(force=True)

    page.wait_for_url(re.compile(r"niche=digital-health"), timeout=TIMEOUT_MS)
    page.get_by_text(count_text(expected, len(companies))).first.wait_for(timeout=TIMEOUT_MS)
    wait_done(page)
    assert "subsector=software-digital-health" in page.url
    assert not page.get_by_text(count_text(len(companies), len(companies))).count()
    page.get_by_role("button", name="Remove Digital health").wait_for()
    page.get_by_role("button", name="Remove Software & digital health").wait_for()
    page.problems.assert_clean()


def test_csv_download_has_the_filtered_rows(server, page, tmp_path):
    companies = read_companies()
    expected = sorted(companies.loc[has_niche(companies, "neurodegenerative-diseases"), "name"])
    assert len(expected) == 4
    start(
        page,
        server.url,
        "/companies?niche=neurodegenerative-diseases",
        count_text(len(expected), len(companies)),
    )
    name, table = download_csv(page, tmp_path)
    assert name.startswith("lux-healthtech_niche-neurodegenerative-diseases_") and name.endswith(".csv")
    assert sorted(table["Name"]) == expected
    assert sorted(table["Atlas id"]) == sorted(companies.loc[has_niche(companies, "neurodegenerative-diseases"), "id"])
    page.problems.assert_clean()


def test_hostile_names_stay_text(hostile_server, hostile_data_dir, page, tmp_path):
    companies = read_companies(hostile_data_dir)
    hostile = companies[companies["name"] == HOSTILE_NAME].iloc[0]
    order = sorted(companies["name"], key=str.casefold)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    start(page, hostile_server.url, "/companies", count_text(len(companies), len(companies)))

    click_row(page, order.index(HOSTILE_NAME))
    page.wait_for_url(re.compile(rf"[?&]company={re.escape(hostile['id'])}(&|$)"), timeout=TIMEOUT_MS)
    wait_done(page)
    assert_card(page, hostile["id"], HOSTILE_NAME)
    assert card(page, hostile["id"]).get_by_text(f"<b>bold</b> {HOSTILE_NAME}", exact=True).count() == 1
    page.wait_for_timeout(500)  # give an injected onerror handler time to fire

    injected = page.evaluate(
        """() => [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length
                 + [...document.querySelectorAll('b')].filter(b => b.textContent === 'bold').length"""
    )
    assert injected == 0
    assert dialogs == []
    page.problems.assert_clean()


def test_hostile_csv_export_neutralises_formulas(hostile_server, hostile_data_dir, page, tmp_path):
    companies = read_companies(hostile_data_dir)
    start(page, hostile_server.url, "/companies", count_text(len(companies), len(companies)))
    _, table = download_csv(page, tmp_path)
    assert len(table) == len(companies)
    rows = table.set_index("Atlas id")
    formula_id = companies.loc[companies["name"] == FORMULA_NAME, "id"].iloc[0]
    assert rows.loc[formula_id, "Name"] == "'" + FORMULA_NAME
    assert rows.loc[formula_id, "Description"].startswith("'+")
    assert not table["Name"].str.startswith(("=", "+", "-", "@")).any()
    html_id = companies.loc[companies["name"] == HOSTILE_NAME, "id"].iloc[0]
    assert rows.loc[html_id, "Name"] == HOSTILE_NAME
    page.problems.assert_clean()


@pytest.mark.parametrize("path", ["companies", "insights", "map"])
def test_filter_change_redraws_only_the_filtered_view(server, page, path):
    """A niche change reruns the page's filtered view alone: the count and URL follow, and the page's
    title, purpose and sidebar are not sent again; Reset clears every filter."""
    companies = read_companies()
    neuro = int(has_niche(companies, "neurodegenerative-diseases").sum())
    frames: list[bytes] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda f: frames.append(f)))
    start(page, server.url, f"/{path}?niche=neurodegenerative-diseases", count_text(neuro, len(companies)))
    frames.clear()
    page.get_by_role("button", name="Remove Neurodegenerative diseases").click()
    page.get_by_text(count_text(len(companies), len(companies)), exact=True).wait_for(timeout=TIMEOUT_MS)
    wait_done(page)
    received = b"".join(f if isinstance(f, bytes) else f.encode() for f in frames)
    assert count_text(len(companies), len(companies)).encode() in received
    assert t(f"page.{path}.purpose").encode() not in received
    assert t("filters.search_help").encode() not in received
    assert "niche=" not in page.url
    page.get_by_role("textbox", name=t("filters.search"), exact=True).fill("Doctena")
    page.keyboard.press("Enter")
    page.get_by_text(count_text(1, len(companies)), exact=True).wait_for(timeout=TIMEOUT_MS)
    wait_done(page)
    assert "q=Doctena" in page.url
    page.get_by_role("button", name=t("filters.reset")).click()
    page.get_by_text(count_text(len(companies), len(companies)), exact=True).wait_for(timeout=TIMEOUT_MS)
    wait_done(page)
    assert "q=" not in page.url
    assert page.get_by_role("textbox", name=t("filters.search"), exact=True).input_value() == ""
    page.problems.assert_clean()
