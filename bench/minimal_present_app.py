"""Baseline for the presenter benchmarks: a slide counter moved by PageDown/PageUp, and a lazy download."""

import streamlit as st

number = int(st.query_params.get("slide", "1"))


def go(step: int) -> None:
    st.query_params["slide"] = str(number + step)


st.title(f"Minimal slide {number}")
st.markdown(f"Slide {number} of 6")
st.button("Previous", shortcut="PageUp", on_click=go, args=(-1,))
st.button("Next", shortcut="PageDown", on_click=go, args=(1,))
st.download_button("Download", data=lambda: b"minimal", file_name="minimal.txt", on_click="ignore")
