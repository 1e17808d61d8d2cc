"""The language of each script run, and the picker that changes it.

Order of precedence: the URL (`?lang=en|fr|de`, so a shared link keeps its language), then the
session (the language survives page switches, whose URL has no parameters yet), then the
browser's language (`st.context.locale`), then English. The URL always carries the language in
force, and the `lang` attribute of the page's <html> follows it for screen readers.
"""

from __future__ import annotations

import json

import streamlit as st

from atlas.strings import DEFAULT_LANGUAGE, LANGUAGES, current_language, language_of, set_language, t
from atlas.urlstate import LANGUAGE_PARAM

STATE_KEY = "language"
_PICKER = "language_picker"


def apply_language() -> str:
    """Decide this run's language, make it current (atlas.strings), remember it and write it to the URL."""
    language = (
        language_of(st.query_params.get(LANGUAGE_PARAM))
        or st.session_state.get(STATE_KEY)
        or language_of(st.context.locale)
        or DEFAULT_LANGUAGE
    )
    set_language(language)
    st.session_state[STATE_KEY] = language
    if st.query_params.get(LANGUAGE_PARAM) != language:
        st.query_params[LANGUAGE_PARAM] = language
    return language


def _on_pick() -> None:
    chosen = st.session_state[_PICKER]
    st.session_state[STATE_KEY] = chosen
    st.query_params[LANGUAGE_PARAM] = chosen


def language_picker(compact: bool = False, head_html: str = "") -> None:
    """The language switch (top right of every page; EN/FR/DE when `compact`, for a narrow column) and the
    <html lang> attribute of the page, in one html element with the page's `head_html` (styles)."""
    language = current_language()
    st.session_state[_PICKER] = language
    with st.container(horizontal=True, horizontal_alignment="right", key="language_bar"):
        st.segmented_control(
            t("language.label"),
            LANGUAGES,
            format_func=str.upper if compact else lambda code: t(f"language.name.{code}"),
            required=True,
            key=_PICKER,
            on_change=_on_pick,
            help=t("language.help"),
            label_visibility="collapsed",
        )
    st.html(
        f"{head_html}<script>document.documentElement.lang = {json.dumps(language)};</script>",
        unsafe_allow_javascript=True,
    )
