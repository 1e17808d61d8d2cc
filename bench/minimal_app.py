"""Baseline for first-render benchmarks: the smallest Streamlit app."""

import streamlit as st

st.write("Minimal app")
