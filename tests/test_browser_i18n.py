"""In chromium: languages from the URL and the picker, the <html lang> attribute, and an axe-core
WCAG 2.1 A/AA audit of every page in every language (one server, one browser, one tab)."""

import pytest

from atlas.strings import LANGUAGES
from tests.e2e import REPO, PageProblems, open_app, wait_done
from tests.test_i18n_pages import tr

pytestmark = pytest.mark.browser

AXE_JS = REPO / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# (path, a catalogue key whose text shows once the page has rendered)
PAGES = [
    ("", "page.overview.purpose"),
    ("map", "page.map.purpose"),
    ("companies", "page.companies.purpose"),
    ("insights", "page.insights.purpose"),
    ("sites", "page.sites.purpose"),
    ("about", "page.about.purpose"),
    ("present", "present.next"),
    ("present?story=sector&slide=3", "present.next"),  # a map slide, with its scrolling side column
    ("manage", "page.manage.purpose"),
]
SLOW_MS = 120_000  # the shared 2-core machine can be slow; a page normally needs a few seconds
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}; ` +
        v.nodes.slice(0, 5).map(n => `${n.target.join(" ")} -> ${n.failureSummary.replace(/\\s+/g, " ")}`).join(" | "));
}"""


@pytest.fixture(scope="module", autouse=True)
def entrypoint_ran(server, browser):
    """Load / once. Streamlit runs a process in its legacy pages/-folder mode, where a deep link runs
    the page file without app.py (no language, no navigation), until app.py's st.navigation has run once."""
    context = browser.new_context()
    open_app(context.new_page(), f"{server.url}/", tr("en", "page.overview.purpose"), SLOW_MS)
    context.close()


def wait_lang(page, language: str) -> None:
    """Wait until <html lang> is `language` (the page sets it with a small script as it renders)."""
    page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=language, timeout=SLOW_MS)


def assert_navigation(page, titles: list[str]) -> None:
    """Each page title is a visible navigation link."""
    for title in titles:
        assert page.get_by_role("link", name=title).first.is_visible(), title


def test_french_link_opens_in_french(server, page):
    open_app(page, f"{server.url}/?lang=fr", tr("fr", "page.overview.purpose"), SLOW_MS)
    wait_lang(page, "fr")
    assert page.locator("h1").first.inner_text().strip() == "Vue d'ensemble"
    assert_navigation(page, ["Carte", "Entreprises", "Analyses", "À propos des données"])
    assert "lang=fr" in page.url
    page.problems.assert_clean()


def test_german_map_link_opens_in_german(server, page):
    open_app(page, f"{server.url}/map?lang=de", tr("de", "page.map.purpose"), SLOW_MS)
    wait_lang(page, "de")
    assert_navigation(page, ["Überblick", "Karte", "Unternehmen", "Standorte", "Über die Daten"])
    assert page.url.split("?")[0].endswith("/map"), "paths never change with the language"
    page.problems.assert_clean()


def test_picker_switches_language_and_keeps_filters(server, page):
    open_app(page, f"{server.url}/companies?niche=neurodegenerative-diseases", "4 of 52 companies", SLOW_MS)
    wait_lang(page, "en")
    page.get_by_role("radio", name="Deutsch").click()
    page.get_by_text("4 von 52 Unternehmen").wait_for(timeout=SLOW_MS)
    wait_done(page, SLOW_MS)
    wait_lang(page, "de")
    assert "lang=de" in page.url and "niche=neurodegenerative-diseases" in page.url
    page.get_by_role("link", name="Analysen").first.click()
    page.get_by_text(tr("de", "page.insights.purpose")).wait_for(timeout=SLOW_MS)
    page.get_by_text("4 von 52 Unternehmen").wait_for(timeout=SLOW_MS)
    assert "lang=de" in page.url and "niche=neurodegenerative-diseases" in page.url
    page.problems.assert_clean()


FOCUSED = """() => { const e = document.activeElement; const s = getComputedStyle(e);
    return {role: e.getAttribute("role"), text: e.innerText.trim(),
            visible: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"}; }"""


def test_language_picker_works_with_the_keyboard_and_shows_focus(server, page):
    open_app(page, f"{server.url}/about?lang=en", tr("en", "page.about.purpose"), SLOW_MS)
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["role"] == "radio":
            break
    assert focused["role"] == "radio" and focused["text"] == "English", focused
    assert focused["visible"], "the focused control has a visible focus ring"
    page.keyboard.press("ArrowRight")  # moves the focus to Français
    assert page.evaluate(FOCUSED)["text"] == "Français"
    page.keyboard.press("Space")
    page.get_by_text(tr("fr", "page.about.purpose")).wait_for(timeout=SLOW_MS)
    wait_lang(page, "fr")
    page.problems.assert_clean()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make test` (npm ci in tests/axe)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def audit_tab(browser):
    """One tab for the whole audit; each test loads its page afresh."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.problems = PageProblems()
    tab.problems.watch(tab)
    yield tab
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("path", "key"), PAGES)
def test_axe_finds_no_wcag_violation(server, audit_tab, axe_source, path, key, language):
    problems = audit_tab.problems
    for seen in (problems.console_errors, problems.page_errors, problems.failed_requests):
        seen.clear()
    separator = "&" if "?" in path else "?"
    open_app(audit_tab, f"{server.url}/{path}{separator}lang={language}", tr(language, key), SLOW_MS)
    audit_tab.wait_for_timeout(500)  # let charts and the map draw
    wait_lang(audit_tab, language)
    audit_tab.evaluate(axe_source)
    violations = audit_tab.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, "\n".join(violations)
    audit_tab.problems.assert_clean()
