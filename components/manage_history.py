"""Every version with its difference from the one before, roll back with confirmation, and the audit trail.

Versions are immutable, so their companies are cached by number. The audit trail is shown read-only:
the store keeps it append-only and the page has no way to change it.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from atlas.diff import diff_companies
from atlas.review import csv_bytes, versions_table
from atlas.store import COMPANY_COLUMNS, StaleVersionError, Store, company_frame
from atlas.strings import t
from atlas.text import escape_markdown
from components.access import require_editor
from components.data import refresh_version
from components.manage_review import difference

_CONFIRM = "manage_rollback_confirm"  # the version number whose rollback awaits confirmation


@st.cache_data(max_entries=8, show_spinner=False)
def _companies_of(_store: Store, url: str, number: int) -> pd.DataFrame:
    """The companies of one (immutable) version."""
    return _store.companies(number)


def _version_columns() -> dict:
    return {c: t(f"manage.vcol_{c}") for c in ("version", "time", "author", "kind", "note", "file")} | {
        c: st.column_config.NumberColumn(t(f"manage.count_{c}"), format="%d") for c in ("added", "changed", "removed")
    }


def history_panel(store: Store) -> None:
    """The versions, newest first; the difference of one of them; roll back to it."""
    versions = store.versions()
    if not versions:
        st.info(t("manage.no_versions"), icon=":material/info:")
        return
    st.dataframe(versions_table(versions), hide_index=True, column_config=_version_columns(), key="manage_versions")
    by_number = {v.number: v for v in versions}
    number = st.selectbox(
        t("manage.history_pick"),
        list(by_number),
        format_func=lambda n: t("manage.version_label", number=n, author=by_number[n].author, note=by_number[n].note),
        key="manage_history_version",
    )
    version = by_number[number]
    new = _companies_of(store, store.url, number)
    old = _companies_of(store, store.url, version.parent) if version.parent else company_frame([])
    title = t("manage.history_difference", number=number, parent=version.parent) if version.parent else None
    st.subheader(title or t("manage.history_first", number=number), anchor=False)
    difference(diff_companies(old, new, [c for c in COMPANY_COLUMNS if c != "id"]), old, new, key="manage_history")
    _rollback(store, number, latest=versions[0].number)


def _rollback(store: Store, number: int, latest: int) -> None:
    if number == latest:
        st.caption(t("manage.rollback_latest"))
        return
    if st.session_state.get(_CONFIRM) != number:
        if st.button(t("manage.rollback", number=number), icon=":material/history:", key="manage_rollback"):
            st.session_state[_CONFIRM] = number
            st.rerun()
        return
    with st.form("manage_rollback_form", border=True):
        st.warning(t("manage.rollback_confirm", number=number, latest=latest), icon=":material/warning:")
        note = st.text_input(t("manage.note"), value=t("manage.rollback_note", number=number), max_chars=500)
        with st.container(horizontal=True):
            confirmed = st.form_submit_button(t("manage.rollback_yes", number=number), type="primary")
            cancelled = st.form_submit_button(t("manage.cancel"))
    if cancelled:
        st.session_state.pop(_CONFIRM, None)
        st.rerun()
    if confirmed:
        _do_rollback(store, number, latest, note)


def _do_rollback(store: Store, number: int, latest: int, note: str) -> None:
    editor = require_editor()  # re-checked at the moment of rolling back
    st.session_state.pop(_CONFIRM, None)
    if store.latest_number() != latest:  # someone published since the confirmation was asked
        st.session_state["manage_flash"] = ("warning", t("manage.rollback_stale", latest=store.latest_number()))
        st.rerun()
    try:
        version = store.rollback(number, author=editor, note=note.strip() or t("manage.rollback_note", number=number))
    except (StaleVersionError, ValueError, LookupError) as err:
        st.error(t("manage.publish_failed", reason=escape_markdown(str(err))), icon=":material/error:")
        return
    except Exception:
        logging.getLogger(__name__).exception("rollback failed")
        st.error(t("manage.store_failed"), icon=":material/database:")
        return
    refresh_version()
    st.session_state["manage_flash"] = ("success", t("manage.rolled_back", number=number, new=version.number))
    st.rerun()


def audit_panel(store: Store) -> None:
    """Who did what, when, from which file (name and checksum): newest first, read-only, downloadable."""
    st.caption(t("manage.audit_caption"))
    trail = store.audit().iloc[::-1].reset_index(drop=True)
    trail["time"] = trail["time"].dt.strftime("%Y-%m-%d %H:%M:%S UTC")
    labels = {c: t(f"manage.acol_{c}") for c in trail.columns}
    st.dataframe(trail, hide_index=True, column_config=labels, key="manage_audit")
    st.download_button(
        t("manage.download_audit"),
        csv_bytes(trail),
        file_name="audit-trail.csv",
        mime="text/csv",
        icon=":material/download:",
        key="manage_audit_download",
        on_click="ignore",
    )
