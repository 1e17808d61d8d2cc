"""One slide of a presenter story, drawn from the pieces the pages use: KPI tiles, published figures,
the map with its legend, a chart, a company list, site cards; with its source line and QR code."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from atlas import aggregation as agg
from atlas import charts, formats
from atlas import stories as stories_
from atlas.filters import apply_filters
from atlas.loading import Dataset
from atlas.presentation import niche_labels
from atlas.proximity import within
from atlas.sites import summary_sentence
from atlas.strings import t
from atlas.text import escape_markdown, markdown_link, url_domain
from components import map_view
from components.figures import CHART_CONFIG, published_metric
from components.kpi import kpi_tiles
from components.language import language_picker
from components.share import brief_buttons, qr_image

SLIDE_FONT = {"size": 18}
LIST_ROWS = 12


def slide_chart(name: str, shown: pd.DataFrame, dataset: Dataset) -> go.Figure:
    """The named chart of `shown`, as on the Insights page."""
    source = t("insights.source_dataset", n=len(shown), total=len(dataset.companies))
    if name == "subsector_shares":
        known = int((shown["subsector"] != "").sum())
        fig = charts.subsector_shares_figure(
            agg.subsector_shares(shown, dataset.sector_figures), t("insights.source_shares", known=known)
        )
    elif name == "niche_matrix":
        fig = charts.matrix_figure(agg.niche_subsector_matrix(shown), source)
    elif name == "timeline":
        fig = charts.timeline_figure(agg.founding_timeline(shown), source)
    else:
        column = "canton" if name == "cantons" else "site"
        fig = charts.counts_figure(
            agg.counts_by(shown, column), column, t(f"insights.{column}_title"), t(f"insights.axis_{column}"), source
        )
    return fig.update_layout(font=SLIDE_FONT)


def _tiles(slide: stories_.Slide, shown: pd.DataFrame, dataset: Dataset) -> None:
    if slide.kpis:
        kpi_tiles(agg.kpis(shown), only=slide.kpis)
    if slide.figures:
        with st.container(horizontal=True):
            for figure in agg.published_figures(dataset.sector_figures, slide.figures):
                published_metric(figure)


def _company_list(slide: stories_.Slide, shown: pd.DataFrame, dataset: Dataset) -> None:
    if slide.listing == "nearby":
        settings = stories_.slide_map_settings(slide, dataset)
        site = dataset.landmarks.set_index("id").loc[settings.near]
        rows = within(
            {"id": settings.near, "lat": site["lat"], "lon": site["lon"]}, dataset.landmarks, shown, settings.radius
        )
        rows = rows[rows["id"].isin(shown["id"])]
        if rows.empty:
            st.info(t("present.nearby_none", km=settings.radius, site=site["name"]))
            return
        st.markdown(
            f"**{escape_markdown(t('present.nearby_header', n=len(rows), km=settings.radius, site=site['name']))}**"
        )
        lines = [
            f"{escape_markdown(r.name)} · {formats.number(r.distance_km, 1)} km"
            for r in rows.head(LIST_ROWS).itertuples()
        ]
    else:
        st.markdown(f"**{t('present.companies_header', n=len(shown))}**")
        lines = [
            f"{escape_markdown(r['name'])}"
            + (f" · *{escape_markdown(', '.join(niche_labels(r['niches'])))}*" if r["niches"] else "")
            for r in shown.sort_values("name").head(LIST_ROWS).to_dict("records")
        ]
        rows = shown
    st.markdown("\n".join(f"- {line}" for line in lines))
    if len(rows) > LIST_ROWS:
        st.caption(t("present.more_companies", n=len(rows) - LIST_ROWS))


def _places(slide: stories_.Slide, dataset: Dataset) -> None:
    landmarks = dataset.landmarks.set_index("id")
    with st.container(horizontal=True):
        for site_id in slide.places:
            site = landmarks.loc[site_id]
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(site['name'])}**")
                st.markdown(escape_markdown(summary_sentence(site["description"])))
                links = site["source_urls"].split()
                # plain markdown: links inside a caption are faded below the 4.5:1 contrast WCAG AA asks for
                st.markdown(" · ".join(markdown_link(url_domain(u), u) for u in links[:3]))


def _map(slide: stories_.Slide, shown: pd.DataFrame, dataset: Dataset, number: int) -> None:
    settings = stories_.slide_map_settings(slide, dataset)
    filters = stories_.slide_filters(slide, dataset.companies)
    deck, figures = map_view.cached_deck(dataset, filters, shown, settings, online=False)
    with st.container(key="slide_map_box"):
        st.pydeck_chart(
            deck,
            height="stretch",
            key=f"slide_map_{number}",
            alt=t("map.alt", sites=figures["sites"], located=figures["located"], communes=figures["communes"]),
        )
    return settings, figures


def _chart(slide: stories_.Slide, shown: pd.DataFrame, dataset: Dataset, number: int) -> None:
    box = "slide_chart_under" if slide.kpis or slide.figures or slide.places else "slide_chart_full"
    with st.container(key=box):
        fig = slide_chart(slide.chart, shown, dataset).update_layout(height=None)
        st.plotly_chart(fig, height="stretch", key=f"slide_chart_{number}", config=CHART_CONFIG)


def slide_body(slide: stories_.Slide, number: int, dataset: Dataset) -> pd.DataFrame:
    """Everything the slide shows between its title and its source line; returns the companies in view."""
    shown = apply_filters(dataset.companies, stories_.slide_filters(slide, dataset.companies))
    if slide.text:
        with st.container(key="slide_text"):
            st.markdown(escape_markdown(slide.text))
    if slide.map is not None:
        map_col, side_col = st.columns([5, 2], gap="large")
        with map_col:
            settings, figures = _map(slide, shown, dataset, number)
        with side_col, st.container(key="slide_side"):
            _tiles(slide, shown, dataset)
            if slide.listing:
                _company_list(slide, shown, dataset)
            map_view.legend(settings, figures)
        return shown
    _tiles(slide, shown, dataset)
    if slide.places:
        _places(slide, dataset)
    if slide.chart and slide.listing:
        chart_col, list_col = st.columns([3, 2], gap="large")
        with chart_col:
            _chart(slide, shown, dataset, number)
        with list_col, st.container(key="slide_side"):
            _company_list(slide, shown, dataset)
    elif slide.chart:
        _chart(slide, shown, dataset, number)
    elif slide.listing:
        _company_list(slide, shown, dataset)
    return shown


def slide_sources_line(sources: list[str]) -> None:
    """The slide's source line: every published figure with its year and site, the data and its version."""
    st.caption(f"**{t('stories.sources')}:** " + escape_markdown("; ".join(sources)))


def slide_rail(story: stories_.Story, number: int, live_url: str, brief_view, presenter_view: bool) -> None:
    """The right-hand rail: counter and buttons, the QR code of the live view, the brief, the presenter view,
    the language."""
    slide_navigation(number, len(story.slides))
    qr_image(live_url, caption=t("present.scan"), width=190)
    brief_buttons(brief_view, key="slide")
    st.page_link(
        "pages/present.py",
        label=t("present.notes_toggle"),
        icon=":material/speaker_notes_off:" if presenter_view else ":material/speaker_notes:",
        query_params={**stories_.slide_query(story.id, number), **({} if presenter_view else {"notes": "1"})},
    )
    language_picker(compact=True)


# The presenter page: no Streamlit chrome, type that scales with the screen (same look at 1920x1080
# and 1280x720), the arrow-key twins of the buttons hidden. Captions drawn grey instead of faded (a
# faded link is 3:1) and the key badge of the primary button in white: both at least 4.5:1. Applies to /present only (st.html on it).
PRESENT_CSS = """<style>
html { font-size: clamp(15px, min(1.2vw, 2.15vh), 34px); }
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 2.2rem 1rem !important; max-width: none !important; }
[data-testid="stMain"] h1 { font-size: 2.2rem; padding: 0.1rem 0 0.3rem; }
.st-key-slide_text p { font-size: 1.15rem; margin-bottom: 0; }
.st-key-present_keys { display: none; }
div.st-key-slide_map_box { height: calc(100vh - 13rem) !important; min-height: 300px; flex: 0 0 auto !important; }
div.st-key-slide_chart_full { height: calc(100vh - 13rem) !important; min-height: 280px; flex: 0 0 auto !important; }
div.st-key-slide_chart_under { height: calc(100vh - 25rem) !important; min-height: 260px; flex: 0 0 auto !important; }
.st-key-slide_side { max-height: calc(100vh - 13.5rem); overflow-y: auto; }
.st-key-slide_side div[style] { font-size: 0.8rem !important; line-height: 1.4 !important; }
.st-key-present_nav button { width: 100%; }
[data-testid="stCaptionContainer"] { opacity: 1; color: #5c6468; }
[data-testid="stCaptionContainer"] a { color: #1d4f91; }
button[data-testid="stBaseButton-primary"] kbd { color: #ffffff; opacity: 1; }
</style>"""

# The slide's side column scrolls on its own when its list is long; a keyboard user reaches it with Tab
# (WCAG 2.1.1). Streamlit offers no tabindex on a container, so a small script marks it, again whenever
# the slide's elements are redrawn.
SIDE_REGION_JS = """<script>
(() => {
  const label = %s;
  const mark = () => document.querySelectorAll(".st-key-slide_side").forEach((side) => {
    side.tabIndex = 0;
    side.setAttribute("role", "region");
    side.setAttribute("aria-label", label);
  });
  window.atlasSideObserver?.disconnect();
  window.atlasSideObserver = new MutationObserver(mark);
  window.atlasSideObserver.observe(document.body, {childList: true, subtree: true});
  mark();
})();
</script>"""


def present_styles() -> None:
    """The presenter page's look (PRESENT_CSS) and its keyboard-scrollable side column."""
    st.html(PRESENT_CSS)
    st.html(SIDE_REGION_JS % json.dumps(t("present.side_region")), unsafe_allow_javascript=True)


def _go(number: int) -> None:
    st.query_params["slide"] = str(number)


def slide_navigation(number: int, count: int) -> None:
    """Previous / next buttons (PageUp / PageDown, as clickers send), their arrow-key twins, the counter."""
    with st.container(key="present_nav"):
        st.markdown(f"**{t('present.counter', n=number, total=count)}**")
        st.button(
            t("present.previous"),
            icon=":material/arrow_back:",
            on_click=_go,
            args=(number - 1,),
            disabled=number <= 1,
            shortcut="PageUp",
            key="present_previous",
        )
        st.button(
            t("present.next"),
            icon=":material/arrow_forward:",
            on_click=_go,
            args=(number + 1,),
            disabled=number >= count,
            shortcut="PageDown",
            type="primary",
            key="present_next",
        )
    with st.container(key="present_keys"):
        st.button("←", on_click=_go, args=(number - 1,), disabled=number <= 1, shortcut="Left", key="present_left")
        st.button(
            "→", on_click=_go, args=(number + 1,), disabled=number >= count, shortcut="Right", key="present_right"
        )


def speaker_notes(story: stories_.Story, number: int) -> None:
    """The presenter view's panel: this slide's notes and the next slide's title."""
    slide = story.slides[number - 1]
    with st.container(border=True, key="speaker_notes"):
        st.subheader(t("present.notes_header"), anchor=False)
        st.markdown(escape_markdown(slide.notes) if slide.notes else f"*{t('present.no_notes')}*")
        following = story.slides[number].title if number < len(story.slides) else None
        st.caption(t("present.next_up", title=escape_markdown(following)) if following else t("present.last_slide"))
        st.caption(t("present.keys_hint"))


def show_story_error(err: stories_.StoryError) -> None:
    """Every problem of a broken story file, naming the file, the slide and the field."""
    lines = "\n".join(f"- {escape_markdown(p)}" for p in err.problems)
    st.error(f"{t('present.error_body')}\n\n{lines}", title=t("present.error_title"), icon=":material/error:")
