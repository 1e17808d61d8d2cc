"""Baseline for filter-change benchmarks: one multiselect and a count sentence."""

import streamlit as st

chosen = st.multiselect("Niche", ["Digital health", "Neurodegenerative diseases"], default=["Digital health"])
st.write(f"{len(chosen)} of 2 chosen")
