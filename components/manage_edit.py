"""Correct one company in a form; each save is a new version with the editor as author.

The form's values go through the import pipeline as a one-row file (`atlas.editing`), so the same rules
apply as for an upload: at least one http(s) source, known subsector and niches, a real date, and so on.
"""

from __future__ import annotations

import logging

import streamlit as st

from atlas.editing import DERIVED_FIELDS, EDIT_FILENAME, edit_file, form_values
from atlas.importing import prepare_import
from atlas.store import StaleVersionError, Store
from atlas.strings import t
from atlas.text import escape_markdown
from atlas.validation import DataFileError
from atlas.vocabulary import CONFIDENCE_LEVELS, INACTIVE_STATUSES, NICHES, SUBSECTORS
from components.access import require_editor
from components.data import get_dataset, refresh_version
from components.manage_review import difference, problems_report

_PINNED = "manage_edit_base"  # (company id, version number the form was filled from)
TEXT_AREAS = ("description", "notes", "source_urls", "status_note")


def _pinned_base(store: Store, company: str) -> int | None:
    pinned = st.session_state.get(_PINNED)
    if not pinned or pinned[0] != company:
        pinned = (company, store.latest_number())
        st.session_state[_PINNED] = pinned
    return pinned[1]


def _field(name: str, value: str, key: str) -> object:
    label = t(f"manage.field_{name}")
    if name == "subsector":
        options = ["", *SUBSECTORS]
        return st.selectbox(
            label,
            options,
            index=options.index(value) if value in options else 0,
            format_func=lambda s: SUBSECTORS.get(s, t("value.unknown")),
            key=key,
        )
    if name == "niches":
        chosen = [n for n in value.split(";") if n in NICHES]
        return ";".join(st.multiselect(label, list(NICHES), default=chosen, format_func=NICHES.get, key=key))
    if name == "status":
        options = ["", *INACTIVE_STATUSES]
        return st.selectbox(
            label,
            options,
            index=options.index(value) if value in options else 0,
            format_func=lambda s: t(f"manage.status_{s or 'active'}"),
            help=t("manage.help_status"),
            key=key,
        )
    if name == "confidence":
        options = list(CONFIDENCE_LEVELS)
        return st.selectbox(
            label, options, index=options.index(value) if value in options else len(options) - 1, key=key
        )
    if name in TEXT_AREAS:
        return st.text_area(label, value, help=t(f"manage.help_{name}") if name == "source_urls" else None, key=key)
    return st.text_input(label, value, help=t("manage.help_verified_on") if name == "verified_on" else None, key=key)


def edit_panel(store: Store) -> None:
    """Pick a company, change its fields, save with a note."""
    latest = store.companies()
    names = {
        i: n if s not in INACTIVE_STATUSES else f"{n} — {t(f'manage.status_{s}')}"
        for i, n, s in zip(latest["id"], latest["name"], latest["status"], strict=True)
    }
    company_id = st.selectbox(
        t("manage.edit_pick"),
        list(names),
        index=None,
        format_func=lambda i: f"{names[i]} ({i})",
        placeholder=t("manage.edit_pick_placeholder"),
        key="manage_edit_company",
    )
    if company_id is None:
        return
    base = _pinned_base(store, company_id)
    current = store.companies(base)
    match = current[current["id"] == company_id]
    if match.empty:
        st.session_state.pop(_PINNED, None)
        st.warning(t("manage.edit_gone"), icon=":material/warning:")
        return
    company = match.iloc[0].to_dict()
    values = form_values(company)
    prefix = f"manage_edit_{base}_{company_id}"
    with st.form(f"{prefix}_form"):
        st.caption(t("manage.edit_base", number=base))
        edited = {"id": company_id}
        left, right = st.columns(2)
        for i, name in enumerate(f for f in values if f != "id"):
            with left if i % 2 == 0 else right:
                edited[name] = _field(name, values[name], key=f"{prefix}_{name}")
        st.caption(t("manage.edit_derived", fields=", ".join(f"{f} = {company.get(f)}" for f in DERIVED_FIELDS)))
        note = st.text_input(t("manage.note"), placeholder=t("manage.edit_note_placeholder"), max_chars=500)
        submitted = st.form_submit_button(t("manage.save"), type="primary", icon=":material/save:")
    if submitted:
        _save(store, edited, note, base, current, key=prefix)


def _save(store: Store, values: dict, note: str, base: int | None, current, key: str) -> None:
    editor = require_editor()  # re-checked at the moment of saving
    dataset = get_dataset()
    report = prepare_import(
        edit_file(values),
        EDIT_FILENAME,
        current=current,
        base=base,
        landmarks=dataset.landmarks,
        communes=dataset.communes,
    )
    if report.has_errors:
        st.error(t("manage.edit_errors"), icon=":material/error:")
        problems_report(report, key=f"{key}_report")
        return
    if report.diff.empty:
        st.info(t("manage.edit_nothing"), icon=":material/info:")
        return
    if not note.strip():
        st.error(t("manage.note_required"), icon=":material/edit_note:")
        difference(report.diff, current, report.companies, key=f"{key}_diff")
        return
    try:
        version = store.publish(report.companies, base=base, author=editor, note=note.strip(), kind="edit")
    except StaleVersionError as err:
        st.session_state.pop(_PINNED, None)
        st.session_state["manage_flash"] = (
            "warning",
            t("manage.stale_edit", base=base, number=err.latest.number, author=escape_markdown(err.latest.author)),
        )
        st.rerun()
    except DataFileError as err:
        st.error(t("manage.publish_failed", reason=escape_markdown(str(err))), icon=":material/error:")
        return
    except Exception:
        logging.getLogger(__name__).exception("saving an edit failed")
        st.error(t("manage.store_failed"), icon=":material/database:")
        return
    refresh_version()
    st.session_state.pop(_PINNED, None)
    st.session_state["manage_flash"] = ("success", t("manage.saved", number=version.number))
    st.rerun()
