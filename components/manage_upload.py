"""Upload a spreadsheet, correct the column mapping, read the report and the difference, publish with a note.

Nothing is written until Publish: an abandoned or refused upload leaves the data as they were. The
version the upload was compared with is pinned when the file arrives; if someone publishes meanwhile,
Publish is refused by the store, and the difference is shown again against the new version.
"""

from __future__ import annotations

import hashlib
import logging

import pandas as pd
import streamlit as st

from atlas import formats
from atlas.importing import ImportFileError, ImportHasErrors, ImportReport, prepare_import, publish_import
from atlas.importing.columns import FIELDS
from atlas.importing.read import MAX_BYTES, MAX_ROWS, read_table
from atlas.review import offending_rows
from atlas.store import StaleVersionError, Store
from atlas.strings import t
from atlas.text import escape_markdown
from atlas.validation import DataFileError
from components.access import require_editor
from components.data import get_dataset, refresh_version
from components.manage_review import difference, problems_report

NOT_IMPORTED = "—"
UPLOAD_TYPES = ["xlsx", "xlsm", "csv", "txt"]
_PINNED = "manage_upload_base"  # (checksum, version number the upload is compared with)
_REPORTS = "manage_upload_reports"  # prepared reports of this session, keyed by file, mode, mapping and base
_UPLOADER = "manage_uploader_generation"  # bumped after a publish, to clear the file uploader


def _prepare(store: Store, data: bytes, name: str, mode: str, mapping: dict[str, str] | None, base: int | None):
    """The report for these inputs, prepared once per session (reruns for typing a note cost nothing)."""
    key = (hashlib.sha256(data).hexdigest(), name, mode, tuple(sorted((mapping or {}).items())), base)
    reports = st.session_state.setdefault(_REPORTS, {})
    if key not in reports:
        dataset = get_dataset()
        reports.clear()  # one file at a time: keep memory bounded
        reports[key] = prepare_import(
            data,
            name,
            current=store.companies(base),
            base=base,
            landmarks=dataset.landmarks,
            communes=dataset.communes,
            mode=mode,
            mapping=mapping,
        )
    return reports[key]


def _pinned_base(store: Store, checksum: str) -> int | None:
    pinned = st.session_state.get(_PINNED)
    if not pinned or pinned[0] != checksum:
        pinned = (checksum, store.latest_number())
        st.session_state[_PINNED] = pinned
    return pinned[1]


def _mapping_editor(report: ImportReport, key: str) -> dict[str, str]:
    """The detected mapping as an editable table; returns the corrections (header -> field or '-')."""
    detected = pd.DataFrame(
        {"column": list(report.mapping), "field": [f or NOT_IMPORTED for f in report.mapping.values()]}
    )
    unused = int((detected["field"] == NOT_IMPORTED).sum())
    with st.expander(t("manage.mapping", used=len(detected) - unused, unused=unused), expanded=unused > 0):
        st.caption(t("manage.mapping_help"))
        edited = _mapping_table(detected, key)
    return {
        column: ("-" if field == NOT_IMPORTED else field)
        for column, field, guessed in zip(edited["column"], edited["field"], detected["field"], strict=True)
        if field != guessed
    }


def _mapping_table(detected: pd.DataFrame, key: str) -> pd.DataFrame:
    return st.data_editor(
        detected,
        hide_index=True,
        disabled=["column"],
        column_config={
            "column": st.column_config.TextColumn(t("manage.col_file_column")),
            "field": st.column_config.SelectboxColumn(
                t("manage.col_field_used"), options=[NOT_IMPORTED, *FIELDS], required=True
            ),
        },
        key=key,
    )


def upload_panel(store: Store) -> None:
    """The whole upload flow, for an editor."""
    generation = st.session_state.get(_UPLOADER, 0)
    upload = st.file_uploader(
        t("manage.upload", mb=MAX_BYTES >> 20),
        type=UPLOAD_TYPES,
        help=t("manage.upload_help", mb=MAX_BYTES >> 20, rows=formats.number(MAX_ROWS)),
        max_upload_size=MAX_BYTES >> 20,
        key=f"manage_file_{generation}",
    )
    mode = st.radio(
        t("manage.mode"),
        ["upsert", "replace"],
        format_func=lambda m: t(f"manage.mode_{m}"),
        horizontal=True,
        key="manage_mode",
    )
    if upload is None:
        st.caption(t("manage.upload_nothing_yet"))
        return
    data = upload.getvalue()
    checksum = hashlib.sha256(data).hexdigest()
    base = _pinned_base(store, checksum)
    try:
        guessed = _prepare(store, data, upload.name, mode, None, base)
        corrections = _mapping_editor(guessed, key=f"manage_mapping_{checksum[:16]}")
        report = _prepare(store, data, upload.name, mode, corrections, base) if corrections else guessed
    except ImportFileError as err:
        st.error(t("manage.file_unreadable", reason=escape_markdown(str(err))), icon=":material/error:")
        return
    except ValueError as err:
        st.error(t("manage.mapping_refused", reason=escape_markdown(str(err))), icon=":material/error:")
        return
    _report_and_publish(store, report, data)


def _report_and_publish(store: Store, report: ImportReport, data: bytes) -> None:
    st.subheader(t("manage.report"), anchor=False)
    problems_report(report, key="manage_upload")
    if report.has_errors:
        st.markdown(f"**{t('manage.offending_rows')}**")
        rows = offending_rows(read_table(data, report.filename, report.sheet), report.problems)
        st.dataframe(
            rows,
            hide_index=True,
            column_config={"row": st.column_config.NumberColumn(t("manage.col_row"), format="%d")},
            key="manage_offending_rows",
        )
    st.subheader(t("manage.difference", base=report.base), anchor=False)
    difference(report.diff, store.companies(report.base), report.companies, key="manage_upload_diff")
    if report.mode == "replace" and report.diff.removed:
        st.warning(t("manage.replace_removes", n=len(report.diff.removed)), icon=":material/warning:")
    _publish_form(store, report)


def _publish_form(store: Store, report: ImportReport) -> None:
    blocked = report.has_errors or report.diff.empty
    with st.form("manage_publish_form", border=True):
        st.markdown(f"**{t('manage.publish_title')}**")
        note = st.text_input(t("manage.note"), placeholder=t("manage.note_placeholder"), max_chars=500)
        submitted = st.form_submit_button(
            t("manage.publish"), type="primary", disabled=blocked, icon=":material/publish:"
        )
        if report.has_errors:
            st.caption(t("manage.publish_blocked_errors"))
        elif report.diff.empty:
            st.caption(t("manage.publish_blocked_empty"))
    if submitted:
        _publish(store, report, note)


def _publish(store: Store, report: ImportReport, note: str) -> None:
    editor = require_editor()  # re-checked now, not only when the page was drawn
    if report.has_errors or report.diff.empty:
        st.error(t("manage.publish_refused"), icon=":material/block:")
        return
    if not note.strip():
        st.error(t("manage.note_required"), icon=":material/edit_note:")
        return
    try:
        version = publish_import(store, report, author=editor, note=note.strip())
    except StaleVersionError as err:
        st.session_state.pop(_PINNED, None)  # compare with the new latest version on the next run
        latest = err.latest
        st.session_state["manage_flash"] = (
            "warning",
            t("manage.stale", base=report.base, number=latest.number, author=escape_markdown(latest.author)),
        )
        st.rerun()
    except (ImportHasErrors, DataFileError) as err:
        st.error(t("manage.publish_failed", reason=escape_markdown(str(err))), icon=":material/error:")
        return
    except Exception:
        logging.getLogger(__name__).exception("publishing an import failed")
        st.error(t("manage.store_failed"), icon=":material/database:")
        return
    refresh_version()
    st.session_state[_UPLOADER] = st.session_state.get(_UPLOADER, 0) + 1
    st.session_state.pop(_PINNED, None)
    st.session_state.pop(_REPORTS, None)
    st.session_state["manage_flash"] = ("success", t("manage.published", number=version.number))
    st.rerun()
