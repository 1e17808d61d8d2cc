"""Baseline for bench_manage.py: a minimal Streamlit app that only receives an uploaded file."""

import streamlit as st

upload = st.file_uploader("File", type=["csv"])
if upload is not None:
    st.write(f"Received {len(upload.getvalue())} bytes")
