"""Manage data, for the data owners only: upload, review, publish, edit one company, history, roll back."""

import streamlit as st

from atlas.strings import t
from atlas.text import escape_markdown
from components.access import editor_gate
from components.data import get_dataset, get_store, store_url
from components.manage_edit import edit_panel
from components.manage_history import audit_panel, history_panel
from components.manage_upload import upload_panel
from components.page import page_header

page_header("manage")
editor_gate()  # stops the page here for anyone who is not a signed-in editor
get_dataset()  # seeds an empty store; an unreachable store stops here with a message
store = get_store(store_url())
latest = store.latest()
st.caption(
    t(
        "manage.latest",
        number=latest.number,
        author=escape_markdown(latest.author),
        time=f"{latest.published_at:%Y-%m-%d %H:%M} UTC",
    )
)
flash = st.session_state.pop("manage_flash", None)
if flash:
    kind, message = flash
    (st.success if kind == "success" else st.warning)(message)

PANELS = {"upload": upload_panel, "edit": edit_panel, "history": history_panel, "audit": audit_panel}
tabs = st.tabs([t(f"manage.tab_{name}") for name in PANELS], key="manage_tab", on_change="rerun")
for tab, panel in zip(tabs, PANELS.values(), strict=True):
    if tab.open:  # only the open tab's panel runs (uploads and history are not read for the others)
        with tab:
            panel(store)
