"""AppTest of every page in English, French and German; the language from URL, session, browser and picker."""

from contextvars import copy_context

import pytest

from atlas.strings import LANGUAGES, catalogue, set_language
from tests.test_pages import PAGES, RAW, app
from tests.test_pages import open_page as run_page

PAGE_KEYS = {page: page.removeprefix("pages/").removesuffix(".py") for page in PAGES}
FRAMED = [p for p in PAGES if p != "pages/present.py"]  # the slides show the story's titles, not the page frame
WITH_FOOTER = [p for p in FRAMED if p != "pages/manage.py"]


def tr(language: str, key: str, **values) -> str:
    """The catalogue's text for `key` in `language`, without touching the current language."""
    text = catalogue()[key][language]
    return text.format(**values) if values else text


def speaking(language: str, body):
    """Run `body` with `language` current in the test's thread too: AppTest calls widgets' format_func there."""

    def run():
        set_language(language)
        return body()

    return copy_context().run(run)


def everything(at) -> str:
    """All text of markdown, captions, titles, headers and subheaders of a run."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader") for e in getattr(at, kind)]
    return "\n".join(parts)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", FRAMED)
def test_every_page_in_every_language(page, language):
    at = run_page(page, lang=language)
    key = PAGE_KEYS[page]
    assert at.title[0].value == tr(language, f"page.{key}.title")
    text = everything(at)
    assert tr(language, f"page.{key}.purpose") in text
    if page in WITH_FOOTER:
        assert tr(language, "footer.sources") in text
    assert at.query_params["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_presenter_controls_in_every_language(language):
    at = run_page("pages/present.py", lang=language)
    labels = {b.label for b in at.button}
    assert {tr(language, "present.previous"), tr(language, "present.next")} <= labels, labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_companies_page_counts_filters_and_labels_in_language(language):
    at = run_page("pages/companies.py", lang=language, niche=["neurodegenerative-diseases"])
    expected = RAW["niches"].str.contains("neurodegenerative-diseases").sum()
    assert tr(language, "count.companies", n=expected, total=len(RAW)) in everything(at)
    labels = [m.label for m in at.sidebar.multiselect]
    assert labels[:2] == [tr(language, "filters.niche"), tr(language, "filters.subsector")]
    niche = at.sidebar.multiselect[0]
    assert niche.format_func("molecular-diagnostics") == tr(language, "niche.molecular-diagnostics")
    assert at.query_params["niche"] == "neurodegenerative-diseases", "URL values never change with the language"


def test_french_overview_formats_numbers_and_quotes_sources():
    at = run_page("pages/overview.py", lang="fr")
    values = {m.value for m in at.metric}
    assert "≈1\u202f600" in values and "2\u202f500" in values, values
    assert "36\xa0%" in values
    assert any(tr("fr", "figure.quote") in c.value for c in at.caption)


def test_german_insights_chart_labels():
    at = run_page("pages/insights.py", lang="de")
    assert tr("de", "insights.young_header") in everything(at)
    assert "Gegründet" in " ".join(m.label for m in at.metric)


def test_language_survives_page_switches():
    def body():
        at = app(lang="de")
        at.run()
        del at.query_params["lang"]
        at.switch_page("pages/map.py").run()
        assert at.title[0].value == "Karte"
        at.switch_page("pages/about.py").run()
        assert at.title[0].value == "Über die Daten"

    speaking("de", body)


@pytest.mark.parametrize(
    ("locale", "title"), [("fr-LU", "Vue d'ensemble"), ("de-DE", "Überblick"), ("lb-LU", "Overview")]
)
def test_browser_language_decides_without_parameter(locale, title):
    at = app()
    at.context = {"locale": locale}
    at.run()
    assert at.title[0].value == title


def test_url_language_wins_over_browser_and_bad_value_falls_back():
    at = app(lang="de")
    at.context = {"locale": "fr-LU"}
    at.run()
    assert at.title[0].value == "Überblick"
    at = app(lang="xx")
    at.run()
    assert at.title[0].value == "Overview" and at.query_params["lang"] == "en"
    assert not at.info, "lang is a known parameter: no 'ignored' note"


def test_picker_switches_language_and_keeps_filters():
    at = run_page("pages/companies.py", subsector=["clinical-laboratory"])
    picker = at.segmented_control(key="language_picker")
    assert picker.value == "en" and picker.options == ["English", "Français", "Deutsch"]
    speaking("fr", picker.set_value("fr").run)
    assert at.title[0].value == "Entreprises"
    assert at.query_params["lang"] == "fr"
    expected = (RAW["subsector"] == "clinical-laboratory").sum()
    assert tr("fr", "count.companies", n=expected, total=len(RAW)) in everything(at)
