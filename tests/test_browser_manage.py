"""Browser tests of the owners' page, signing in through a real local OIDC provider (oidc-provider-mock)."""

from __future__ import annotations

import pytest

from tests.e2e import StreamlitServer, free_port, open_app, sign_in, write_auth_secrets

pytestmark = pytest.mark.browser

EDITOR = "owner@example.org"
VIEWER = "visitor@example.org"


@pytest.fixture(scope="module")
def oidc_provider():
    """oidc-provider-mock in a thread on a free loopback port; any sub signs in, with email = sub."""
    mock = pytest.importorskip("oidc_provider_mock")
    with mock.run_server_in_thread() as server:
        yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def auth_server(oidc_provider, tmp_path_factory):
    """The app with sign-in configured (secrets outside the repository) and its own database."""
    tmp = tmp_path_factory.mktemp("manage")
    port = free_port()
    secrets_file = write_auth_secrets(tmp / "secrets.toml", app_port=port, idp_url=oidc_provider, editors=[EDITOR])
    srv = StreamlitServer(
        port=port,
        secrets_file=secrets_file,
        env={"HEALTHTECH_EDITORS": ""},
    )
    yield srv
    srv.stop()


def test_without_sign_in_configured_the_page_explains(server, page):
    open_app(page, f"{server.url}/manage", "Sign-in is not configured")
    assert page.get_by_role("button", name="Sign in").count() == 0
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    page.problems.assert_clean()


def test_non_editor_signs_in_and_is_told_why(auth_server, page):
    sign_in(page, auth_server.url, VIEWER)
    page.get_by_text("not on the list of editors").wait_for()
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    page.problems.assert_clean()


def test_editor_signs_in_and_out(auth_server, page):
    sign_in(page, auth_server.url, EDITOR)
    page.get_by_text(f"Signed in as {EDITOR}, editor").wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()
    open_app(page, f"{auth_server.url}/manage", "Sign in")
    page.problems.assert_clean()
