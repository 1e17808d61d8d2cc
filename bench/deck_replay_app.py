"""A one-chart app for bench/bench_map_layers.py: replays a saved deck spec, keeping the layers named in ?keep=.

The spec file (JSON written by the benchmark from the Map page) is named by $DECK_SPEC; its tooltip
by $DECK_TOOLTIP. `?keep=a,b` draws only layers a and b; `?keep=` (empty) draws no layer.
"""

import json
import os

import pydeck as pdk
import streamlit as st

with open(os.environ["DECK_SPEC"], encoding="utf-8") as f:
    SPEC = json.load(f)
with open(os.environ["DECK_TOOLTIP"], encoding="utf-8") as f:
    TOOLTIP = json.load(f)


class ReplayDeck(pdk.Deck):
    """A Deck whose JSON is the saved spec with a subset of its layers."""

    def __init__(self, keep: set[str] | None):
        super().__init__(tooltip=TOOLTIP)
        layers = [layer for layer in SPEC["layers"] if keep is None or layer["id"] in keep]
        self._spec = json.dumps({**SPEC, "layers": layers}, separators=(",", ":"))

    def to_json(self) -> str:
        """The replayed spec."""
        return self._spec


keep = st.query_params.get("keep")
st.write("Deck replay")
st.pydeck_chart(ReplayDeck(None if keep is None else {k for k in keep.split(",") if k}), height=640)
