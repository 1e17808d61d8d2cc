"""Browser tests of the owners' page, signing in through a real local OIDC provider (oidc-provider-mock)."""

from __future__ import annotations

import pytest

from tests.e2e import PageProblems, StreamlitServer, free_port, open_app, sign_in, wait_done, write_auth_secrets
from tests.manage_files import clean_french_file, messy_french_file

pytestmark = pytest.mark.browser

EDITOR = "owner@example.org"
SLOW_MS = 90_000  # the shared 2-core machine can take long for a first run of a page
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


def upload_file(page, name: str, data: bytes) -> None:
    """Give the page's file uploader a file made by the test."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input, [role=combobox]").first.click()
    page.get_by_role("option", name=option).first.click()
    wait_done(page, SLOW_MS)


def test_editor_uploads_publishes_and_rolls_back_while_a_visitor_watches(auth_server, browser, page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(SLOW_MS)
    sign_in(page, auth_server.url, EDITOR, SLOW_MS)

    # A messy French export: every problem listed, nothing can be published.
    upload_file(page, "cartographie-2025.csv", messy_french_file())
    page.get_by_text("6 error(s): the file cannot be published").wait_for()
    wait_done(page, SLOW_MS)
    assert page.get_by_role("button", name="Publish").is_disabled()
    assert page.get_by_text("Publishing is disabled while the file has errors").is_visible()
    assert page.get_by_text("The rows with errors, as they are in your file").is_visible()

    # A clean one: published with a note.
    page.locator('[data-testid="stFileChipDeleteBtn"]').first.click()  # an abandoned upload: nothing was written
    page.get_by_text("Choose a file: you will see its problems").wait_for()
    upload_file(page, "cartographie-2025-corrigee.csv", clean_french_file())
    page.get_by_text("No problems found.").wait_for()
    page.get_by_role("button", name="Publish").and_(page.locator(":enabled")).wait_for()
    wait_done(page, SLOW_MS)
    page.get_by_label("Note (required): what this version is and why").fill("Synthetic test company (browser test)")
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published version 2").wait_for()
    wait_done(page, SLOW_MS)

    # Another visitor, another browser session: the new company is listed without any restart.
    visitor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    visitor.problems = PageProblems()
    visitor.problems.watch(visitor)
    visitor.set_default_timeout(SLOW_MS)
    open_app(visitor, f"{auth_server.url}/companies?q=synthetique", "1 of 53 companies", SLOW_MS)

    # The editor rolls back to version 1 (asked to confirm); the company is gone again.
    page.get_by_role("tab", name="History and roll back").click()
    wait_done(page, SLOW_MS)
    choose(page, "Show the difference of", "Version 1, by atlas (first start)")
    page.get_by_role("button", name="Roll back to version 1").click()
    wait_done(page, SLOW_MS)
    page.get_by_role("button", name="Yes, roll back to version 1").click()
    page.get_by_text("Rolled back: version 3 holds the companies of version 1").wait_for()
    open_app(visitor, f"{auth_server.url}/companies?q=synthetique", "0 of 52 companies", SLOW_MS)

    assert not dialogs, dialogs
    page.problems.assert_clean()
    visitor.problems.assert_clean()
    visitor.context.close()
