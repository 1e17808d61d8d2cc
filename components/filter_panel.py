"""The shared filter panel: one state per session, bound to the URL, kept across page switches.

The canonical state is a `Filters` in st.session_state[STATE_KEY], parsed from the URL on the
session's first run. Widgets are re-seeded from it on every run (so the values survive pages
that have no panel) and write back to it in `on_change`; the URL is then rewritten from it.
A page draws what the filters change through `filtered_view`, a fragment: a filter change reruns
that fragment alone, not the navigation, the page header and the sidebar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from atlas.filters import FILTER_PARAMS, MULTI_PARAMS, FilterOptions, Filters, filter_params, parse_filter_params
from atlas.strings import t
from atlas.urlstate import unknown_params
from components.data import get_dataset, get_filter_options

STATE_KEY = "filters"
NOTES_KEY = "url_notes"
VIEW_FRAGMENT = "filtered_view"  # the fragment a filter change reruns alone (see filtered_view)
VIEW_DRAWN_KEY = "filtered_view_drawn"  # whether the page's last full run drew that fragment
_WIDGET = "filter_{}"


def url_params() -> dict[str, list[str]]:
    """The current URL query parameters, every value of repeated keys kept."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def init_from_url() -> None:
    """On a session's first run, read the filters (and notes about ignored parameters) from the URL."""
    if STATE_KEY in st.session_state:
        return
    params = url_params()
    filters = parse_filter_params(params, get_filter_options())
    unknown = unknown_params(params)
    for key in unknown:
        del st.query_params[key]
    st.session_state[STATE_KEY] = filters
    st.session_state[NOTES_KEY] = [t("url.unknown_param", param=k) for k in unknown] + list(filters.notes)


def current_filters() -> Filters:
    """The session's filter state."""
    init_from_url()
    return st.session_state[STATE_KEY]


def set_filters(filters: Filters) -> None:
    """Replace the filter state (e.g. from a chart click); the URL follows on the next run."""
    st.session_state[STATE_KEY] = filters
    st.session_state[NOTES_KEY] = []


def sync_url(filters: Filters) -> None:
    """Write the filter parameters to the URL, leaving other parameters alone."""
    wanted = filter_params(filters)
    for param in FILTER_PARAMS:
        if param in wanted:
            value = wanted[param]
            if st.query_params.get_all(param) != (value if isinstance(value, list) else [value]):
                st.query_params[param] = value
        elif param in st.query_params:
            del st.query_params[param]


def _year_bounds(options: FilterOptions, filters: Filters) -> tuple[int, int]:
    low, high = options.years or (date.today().year - 10, date.today().year)
    if filters.founded:
        low, high = min(low, filters.founded[0]), max(high, filters.founded[1])
    return low, max(high, date.today().year)


def _on_change(options: FilterOptions) -> None:
    """Store the widgets' filters; rerun only the page's filtered view when the sidebar itself stays as drawn."""
    state = st.session_state
    before, had_notes = state[STATE_KEY], bool(state.get(NOTES_KEY))
    bounds = _year_bounds(options, before)
    founded = tuple(state[_WIDGET.format("founded")])
    after = Filters(
        **{p: tuple(state[_WIDGET.format(p)]) for p in MULTI_PARAMS},
        q=state[_WIDGET.format("q")].strip(),
        founded=None if founded == bounds else founded,
    )
    set_filters(after)
    # A full run when the frame changes too: the URL notes go, or the sidebar's note on unknown founding years
    # (shown with a year range only) comes or goes.
    if state.get(VIEW_DRAWN_KEY) and not had_notes and bool(before.founded) == bool(after.founded):
        st.rerun(VIEW_FRAGMENT)


def _same(current, wanted) -> bool:
    """Whether a widget's value is already `wanted` (lists and tuples compare by items)."""
    return list(current) == list(wanted) if isinstance(wanted, (list, tuple)) else current == wanted


def _clear() -> None:
    set_filters(Filters())


def _multiselect(param: str, options: FilterOptions) -> None:
    labels = options.labels(param)
    st.multiselect(
        t(f"filters.{param}"),
        list(labels),
        format_func=labels.__getitem__,
        placeholder=t("filters.placeholder"),
        key=_WIDGET.format(param),
        on_change=_on_change,
        args=(options,),
    )


def filter_panel() -> Filters:
    """Render the panel in the sidebar and return the filters in force."""
    options = get_filter_options()
    filters = current_filters()
    bounds = _year_bounds(options, filters)
    state = st.session_state
    wanted = {_WIDGET.format(param): list(getattr(filters, param)) for param in MULTI_PARAMS}
    wanted |= {_WIDGET.format("q"): filters.q, _WIDGET.format("founded"): filters.founded or bounds}
    for key, value in wanted.items():
        if key not in state or not _same(state[key], value):  # an assignment makes the browser redraw it
            state[key] = value

    with st.sidebar:
        st.header(t("filters.header"), divider="gray")
        for param in ("niche", "subsector"):
            _multiselect(param, options)
        st.slider(
            t("filters.founded"),
            min_value=bounds[0],
            max_value=bounds[1],
            key=_WIDGET.format("founded"),
            on_change=_on_change,
            args=(options,),
        )
        if filters.founded:
            unknown_years = int(get_dataset().companies["founded_year"].isna().sum())
            st.caption(t("filters.founded_excludes", n=unknown_years))
        for param in ("canton", "site"):
            _multiselect(param, options)
        st.text_input(
            t("filters.search"),
            key=_WIDGET.format("q"),
            help=t("filters.search_help"),
            on_change=_on_change,
            args=(options,),
        )
        # Always enabled: its state would otherwise need the whole page redrawn on every filter change.
        st.button(t("filters.reset"), on_click=_clear, icon=":material/filter_alt_off:")
    sync_url(filters)
    return filters


def filtered_view(render: Callable[[Filters], None]) -> None:
    """Draw `render(filters)` as the page's filtered view: a fragment that a filter change reruns alone,
    without redrawing the navigation, the header and the sidebar (call it once per page run)."""
    st.session_state[VIEW_DRAWN_KEY] = True

    @st.fragment(key=VIEW_FRAGMENT)
    def view() -> None:
        filters = current_filters()
        sync_url(filters)
        render(filters)

    view()
