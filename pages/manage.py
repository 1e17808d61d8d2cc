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

upload, edit, history, audit = st.tabs(
    [t("manage.tab_upload"), t("manage.tab_edit"), t("manage.tab_history"), t("manage.tab_audit")],
    key="manage_tab",
    on_change="rerun",
)
if upload.open:
    with upload:
        upload_panel(store)
if edit.open:
    with edit:
        edit_panel(store)
if history.open:
    with history:
        history_panel(store)
if audit.open:
    with audit:
        audit_panel(store)
