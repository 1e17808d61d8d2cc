"""AppTest of the owners' page: what a visitor without sign-in, a non-editor and an editor see and may do."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from atlas.store import DATABASE_URL_ENV, Store
from tests.conftest import REPO
from tests.importing_files import csv_bytes
from tests.manage_files import NEW_ID, clean_french_file, messy_french_file

APP = str(REPO / "app.py")
EDITOR = "owner@example.org"
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-" + "x" * 40,
    "client_id": "atlas-tests",
    "client_secret": "test-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def manage(*, configured: bool = True, email: str | None = None) -> AppTest:
    """The owners' page after one run, with sign-in configured or not, and `email` signed in (or nobody)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if configured:
        at.secrets["auth"] = AUTH
        at.secrets["atlas"] = {"editors": [EDITOR.upper()]}
    at.user = {"is_logged_in": True, "email": email, "name": "Test"} if email else {"is_logged_in": False}
    at.run()
    at.switch_page("pages/manage.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in (*at.info, *at.warning, *at.error)]
    return "\n".join(parts)


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_without_sign_in_configured_the_page_explains_and_offers_nothing():
    at = manage(configured=False, email=EDITOR)  # even a 'signed-in' editor address: no [auth], no editing
    assert "Sign-in is not configured" in texts(at)
    assert "secrets.toml.example" in texts(at)
    assert any("python -m atlas import" in c.value for c in at.code)
    assert not at.get("file_uploader")
    assert labels(at) == []


def test_signed_out_visitor_sees_only_sign_in():
    at = manage(email=None)
    assert labels(at) == ["Sign in"]
    assert not at.get("file_uploader")


def test_signed_in_non_editor_is_told_why_and_gets_no_tools():
    at = manage(email="visitor@example.org")
    assert "not on the list of editors" in texts(at)
    assert labels(at) == ["Sign out"]
    assert not at.get("file_uploader")


def test_editor_is_recognised_case_insensitively():
    at = manage(email=EDITOR)
    assert "editor" in texts(at)
    assert "not on the list of editors" not in texts(at)


# --- Editor's tools, each test on its own store -------------------------------------------------------------


@pytest.fixture
def store(tmp_path, monkeypatch):
    """This test's own SQLite store (the app seeds it from data/ on first run)."""
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    with Store(url) as s:
        yield s


def upload(at: AppTest, data: bytes, name: str = "cartographie.csv") -> AppTest:
    at.file_uploader[0].upload(name, data, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def publish_button(at: AppTest):
    return next(b for b in at.get("form_submit_button") if b.label == "Publish")


def open_tab(at: AppTest, label: str) -> AppTest:
    at.session_state["manage_tab"] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_messy_file_is_reported_and_cannot_be_published(store):
    at = upload(manage(email=EDITOR), messy_french_file())
    assert metric(at, "Errors") == "6" and metric(at, "Rows") == "8"
    assert publish_button(at).disabled
    problems = at.dataframe[1].value  # [0] is the column mapping
    assert {"row", "column", "severity", "reason"} <= set(problems.columns)
    assert (problems["severity"] == "error").sum() == 6
    offending = at.dataframe[2].value
    assert offending["row"].tolist() == sorted(problems.loc[problems["severity"] == "error", "row"].dropna().unique())
    at.text_input[0].input("trying anyway")
    button = publish_button(at)
    button.proto.disabled = False  # a forged message: the click a browser could not send
    button.click().run()
    assert [v.number for v in store.versions()] == [1]


def test_clean_file_publishes_with_a_note_and_the_app_shows_it_at_once(store):
    at = upload(manage(email=EDITOR), clean_french_file())
    assert metric(at, "Errors") == "0" and metric(at, "Added") == "1"
    assert not publish_button(at).disabled
    publish_button(at).click().run()  # no note: refused
    assert "write a note" in texts(at)
    assert [v.number for v in store.versions()] == [1]
    at.text_input[0].input("Synthetic test company")
    publish_button(at).click().run()
    assert not at.exception
    latest = store.latest()
    assert (latest.number, latest.author, latest.kind, latest.note) == (2, EDITOR, "import", "Synthetic test company")
    assert latest.source_name == "cartographie.csv" and latest.source_checksum
    assert NEW_ID in set(store.companies()["id"])
    assert "Published version 2" in " ".join(s.value for s in at.success)
    at.switch_page("pages/companies.py").run()
    assert "53 of 53 companies" in texts(at)


def test_the_second_publisher_is_told_the_data_changed_and_sees_the_new_difference(store):
    at = upload(manage(email=EDITOR), clean_french_file())
    companies = store.companies()
    store.publish(companies.iloc[1:], base=1, author="other@example.org", note="meanwhile")  # another editor
    at.text_input[0].input("my upload")
    publish_button(at).click().run()
    assert "the data changed while you were reviewing" in texts(at)
    assert [v.number for v in store.versions()] == [2, 1]
    assert "What would change against version 2" in [s.value for s in at.subheader]
    at.text_input[0].input("my upload, again")
    publish_button(at).click().run()
    assert [v.number for v in store.versions()] == [3, 2, 1]
    assert len(store.companies()) == len(companies)  # their removal kept, my addition added


def test_a_non_editor_replaying_the_editors_widget_values_changes_nothing(store):
    at = upload(manage(email=EDITOR), clean_french_file())
    at.text_input[0].input("replayed")
    publish_button(at).set_value(True)  # the publish click, staged
    at.user = {"is_logged_in": True, "email": "visitor@example.org"}
    at.run()
    assert "not on the list of editors" in texts(at)
    at.user = {"is_logged_in": False}
    at.run()
    assert [v.number for v in store.versions()] == [1]


def test_an_editor_removed_from_the_list_cannot_publish(store):
    at = upload(manage(email=EDITOR), clean_french_file())
    at.text_input[0].input("too late")
    at.secrets["atlas"] = {"editors": ["someone-else@example.org"]}
    publish_button(at).click().run()
    assert [v.number for v in store.versions()] == [1]


def test_a_file_that_is_not_a_table_is_explained(store):
    at = upload(manage(email=EDITOR), b"\x00\x01\x02 not a spreadsheet", "mapping.xlsx")
    assert "could not be read" in texts(at)
    assert [v.number for v in store.versions()] == [1]


def test_edit_one_company_saves_a_version_with_the_editor_as_author(store):
    at = open_tab(manage(email=EDITOR), "Correct one company")
    company = store.companies().iloc[0]
    at.selectbox(key="manage_edit_company").set_value(company["id"]).run()
    town = next(w for w in at.text_input if w.label.startswith("Town"))
    town.input("Mersch")
    next(w for w in at.text_input if w.label.startswith("Note")).input("Moved to Mersch (test)")
    next(b for b in at.get("form_submit_button") if b.label == "Save as a new version").click().run()
    assert not at.exception
    latest = store.latest()
    assert (latest.number, latest.kind, latest.author) == (2, "edit", EDITOR)
    saved = store.companies().set_index("id").loc[company["id"]]
    assert (saved["town"], saved["commune"], saved["canton"]) == ("Mersch", "Mersch", "Mersch")


def test_edit_without_source_is_refused_with_the_reason(store):
    at = open_tab(manage(email=EDITOR), "Correct one company")
    company = store.companies().iloc[0]
    at.selectbox(key="manage_edit_company").set_value(company["id"]).run()
    next(w for w in at.text_area if w.label.startswith("Sources")).input("")
    next(w for w in at.text_input if w.label.startswith("Note")).input("no source")
    next(b for b in at.get("form_submit_button") if b.label == "Save as a new version").click().run()
    assert "Not saved" in texts(at)
    assert [v.number for v in store.versions()] == [1]


def test_history_shows_a_versions_difference_and_rolls_back_after_confirmation(store):
    at = manage(email=EDITOR)  # seeds version 1
    companies = store.companies()
    store.publish(companies.iloc[1:], base=1, author=EDITOR, note="remove one")
    at = open_tab(at, "History and roll back")
    assert at.dataframe[0].value["version"].tolist() == [2, 1]
    at.selectbox(key="manage_history_version").set_value(2).run()
    assert metric(at, "Removed") == "1"
    at.selectbox(key="manage_history_version").set_value(1).run()
    at.button(key="manage_rollback").click().run()
    assert [v.number for v in store.versions()] == [2, 1]  # only asked for confirmation
    next(b for b in at.get("form_submit_button") if b.label.startswith("Yes, roll back")).click().run()
    assert not at.exception
    latest = store.latest()
    assert (latest.number, latest.kind, latest.author) == (3, "rollback", EDITOR)
    assert len(store.companies()) == len(companies)


def test_audit_trail_is_shown_read_only(store):
    at = open_tab(manage(email=EDITOR), "Audit trail")
    trail = at.dataframe[0].value
    assert trail.iloc[-1]["action"] == "seed"
    assert not at.get("data_editor") or all(e.key != "manage_audit" for e in at.get("data_editor"))


def test_mark_a_company_closed_keeps_it_in_the_store_but_not_on_the_pages(store):
    at = open_tab(manage(email=EDITOR), "Correct one company")
    company = store.companies().iloc[0]
    at.selectbox(key="manage_edit_company").set_value(company["id"]).run()
    next(w for w in at.selectbox if w.label == "Status").set_value("closed")
    next(w for w in at.text_area if w.label.startswith("Status note")).input("Closed in 2025 (test)")
    next(w for w in at.text_input if w.label.startswith("Note")).input("closed (test)")
    next(b for b in at.get("form_submit_button") if b.label == "Save as a new version").click().run()
    assert not at.exception
    saved = store.companies().set_index("id").loc[company["id"]]
    assert (saved["status"], saved["status_note"]) == ("closed", "Closed in 2025 (test)")
    assert store.latest().kind == "edit"
    at.switch_page("pages/companies.py").run()
    assert "51 of 51 companies" in texts(at)


def test_hostile_file_with_thousands_of_columns_stays_inert_text(store):
    header = ["Nom", "Sources", *(f"<script>alert({i})</script>" for i in range(3000)), "=CMD()", "\u202eevil"]
    row = ['=HYPERLINK("http://x","y")', "https://hostile.example.org", *([""] * 3000), "<b>x</b>", "\u202ex"]
    at = upload(manage(email=EDITOR), csv_bytes([header, row], ";"), "hostile.csv")
    assert not at.exception
    problems = at.dataframe[1].value
    assert (problems["severity"] == "warning").sum() >= 3000  # every unknown column named
    shown = texts(at)
    assert "<script>" not in shown and "=CMD()" not in shown  # names appear only in the data tables, as text
    assert [v.number for v in store.versions()] == [1]


def test_manage_opened_first_on_an_empty_store_seeds_it(store):
    at = AppTest.from_file(str(REPO / "pages" / "manage.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["atlas"] = {"editors": [EDITOR]}
    at.user = {"is_logged_in": True, "email": EDITOR}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [v.number for v in store.versions()] == [1]
