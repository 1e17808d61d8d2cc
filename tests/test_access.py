"""Who is an editor: the allow-list from secrets and environment, sign-in configuration, roles."""

import pytest

from atlas.access import EDITORS_ENV, Role, auth_configured, editor_emails, normalise_email, parse_editors, role

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "x" * 64,
    "client_id": "atlas",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
}


def test_parse_editors_from_text_and_list():
    assert parse_editors(" A@Example.org, b@example.org ,,") == {"a@example.org", "b@example.org"}
    assert parse_editors(["C@Example.ORG", "", None, 3]) == {"c@example.org"}
    assert parse_editors(None) == frozenset()
    assert parse_editors({"a@example.org": 1}) == frozenset()
    assert parse_editors("not-an-address") == frozenset()


def test_editor_emails_union_of_secrets_and_environment():
    secrets = {"atlas": {"editors": ["Owner@Example.org"]}}
    environ = {EDITORS_ENV: "analyst@example.org"}
    assert editor_emails(secrets, environ) == {"owner@example.org", "analyst@example.org"}
    assert editor_emails(None, {}) == frozenset()
    assert editor_emails({"atlas": "oops"}, {}) == frozenset()


def test_auth_configured_needs_shared_keys_and_one_complete_provider():
    assert auth_configured({"auth": AUTH})
    assert not auth_configured({})
    assert not auth_configured(None)
    assert not auth_configured({"auth": {**AUTH, "cookie_secret": ""}})
    assert not auth_configured({"auth": {k: v for k, v in AUTH.items() if k != "client_secret"}})
    shared = {k: AUTH[k] for k in ("redirect_uri", "cookie_secret")}
    provider = {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")}
    assert auth_configured({"auth": {**shared, "entra": provider}})
    assert not auth_configured({"auth": {**shared, "entra": {"client_id": "x"}}})


@pytest.mark.parametrize(
    ("configured", "logged_in", "email", "expected"),
    [
        (False, True, "owner@example.org", Role.UNCONFIGURED),  # no [auth]: never an editor
        (True, False, "owner@example.org", Role.SIGNED_OUT),
        (True, True, "someone@example.org", Role.VIEWER),
        (True, True, None, Role.VIEWER),
        (True, True, "", Role.VIEWER),
        (True, True, " OWNER@example.org ", Role.EDITOR),
    ],
)
def test_role(configured, logged_in, email, expected):
    editors = frozenset({"owner@example.org"})
    assert role(configured=configured, logged_in=logged_in, email=email, editors=editors) is expected


def test_normalise_email():
    assert normalise_email(" A@B.org ") == "a@b.org"
    assert normalise_email(None) == ""
