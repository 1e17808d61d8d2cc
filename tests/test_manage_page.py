"""AppTest of the owners' page: what a visitor without sign-in, a non-editor and an editor see and may do."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

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
