"""Baseline for the map benchmark: st.pydeck_chart itself (deck.gl's bundle, WebGL set-up) with one
ScatterplotLayer on the same kind of offline style as /map (a `data:` URL, nothing fetched)."""

import json
import urllib.parse

import pydeck as pdk
import streamlit as st

STYLE = {
    "version": 8,
    "sources": {},
    "layers": [{"id": "bg", "type": "background", "paint": {"background-color": "#eef2f4"}}],
}


def one_layer_deck() -> pdk.Deck:
    """One point in Luxembourg City, drawn by one ScatterplotLayer."""
    return pdk.Deck(
        layers=[
            pdk.Layer(
                "ScatterplotLayer",
                id="p",
                data=[{"position": [6.13, 49.61]}],
                get_position="position",
                get_radius=10,
                radius_units=pdk.types.String("pixels"),
            )
        ],
        initial_view_state=pdk.ViewState(latitude=49.6, longitude=6.1, zoom=8),
        map_style="data:application/json," + urllib.parse.quote(json.dumps(STYLE)),
        map_provider=None,
    )


if __name__ == "__main__":  # as Streamlit runs it (the frame app imports one_layer_deck)
    st.write("Minimal pydeck app")
    st.pydeck_chart(one_layer_deck())
