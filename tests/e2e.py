"""Helpers for the browser tests: a headless Streamlit server and Debian's chromium via Playwright."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DONE_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def entry_point(checkout: Path) -> Path:
    """The script `streamlit run` serves in a checkout: serve.py, or app.py in checkouts older than serve.py."""
    return checkout / "serve.py" if (checkout / "serve.py").exists() else checkout / "app.py"


class StreamlitServer:
    """`streamlit run serve.py` (the app as users get it) headless on a free loopback port, optionally on another data dir.

    Each server has its own database (a new SQLite file unless `database_url` is given), so the app seeds
    it from its data dir on first start. `env` adds environment variables; `secrets_file` replaces the
    secrets.toml search (sign-in tests keep their secrets outside the repository). `cwd` is where Streamlit
    reads .streamlit/config.toml (another checkout's, for a before/after benchmark). With `base_url_path`
    the app is served under that path (server.baseUrlPath), and `url` includes it.
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        app: Path = REPO / "serve.py",
        database_url: str | None = None,
        *,
        port: int | None = None,
        env: dict[str, str] | None = None,
        secrets_file: Path | None = None,
        cwd: Path = REPO,
        base_url_path: str = "",
    ):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}" + (f"/{base_url_path}" if base_url_path else "")
        self.database_dir = tempfile.mkdtemp(prefix=f"atlas-db-{self.port}-")
        self.database_url = database_url or f"sqlite:///{self.database_dir}/atlas.sqlite"
        env = {
            **os.environ,
            "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
            "HEALTHTECH_DATABASE_URL": self.database_url,
            **(env or {}),
        }
        if data_dir:
            env["HEALTHTECH_DATA_DIR"] = str(data_dir)
        extra = ["--secrets.files", str(secrets_file)] if secrets_file else []
        extra += ["--server.baseUrlPath", base_url_path] if base_url_path else []
        self.log = tempfile.NamedTemporaryFile("w", prefix=f"streamlit-{self.port}-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(app),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                *extra,
            ],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {timeout}s; see {self.log.name}")

    def stop(self) -> None:
        """Terminate the server."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.database_dir, ignore_errors=True)


class LocalDeployment:
    """deploy/run-local.sh as a child process: N app processes behind nginx, one PostgreSQL.

    `url` is nginx's; `app_urls` are the app processes' own addresses.

    Stopped with SIGTERM, on which the script stops every process it started and deletes its files.
    `env` adds environment variables (e.g. HEALTHTECH_DATABASE_URL to use a given database).
    """

    def __init__(self, processes: int = 2, env: dict[str, str] | None = None, timeout: float = 240):
        self.log = tempfile.NamedTemporaryFile("w+", prefix="run-local-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            ["bash", str(REPO / "deploy" / "run-local.sh"), "-n", str(processes)],
            cwd=REPO,
            env={**os.environ, "PYTHON": sys.executable, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = self._wait_ready(timeout)
        text = Path(self.log.name).read_text(encoding="utf-8")
        self.app_urls = text.split("app processes at ", 1)[1].splitlines()[0].split()

    def _wait_ready(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = Path(self.log.name).read_text(encoding="utf-8")
            if "ready at " in text:
                return text.split("ready at ", 1)[1].split()[0]
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"deploy/run-local.sh did not get ready: {Path(self.log.name).read_text()[-2000:]}")

    def stop(self) -> None:
        """SIGTERM to the script: it stops nginx, the app processes and PostgreSQL."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def __enter__(self) -> LocalDeployment:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class PageProblems:
    """What went wrong while a page was open: console errors, page errors, failed requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # URL prefixes that are not the app (the test OIDC provider)

    def watch(self, page) -> None:
        """Collect problems from a Playwright page."""
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("requestfailed", self._request_failed)
        page.on("response", lambda r: self._failed(r.url, r.status) if r.status >= 400 else None)

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} at {message.location.get('url', '')}")

    def _request_failed(self, request) -> None:
        # A navigation cancels the previous page's same-origin requests (net::ERR_ABORTED), including
        # the page's own blob: URLs; that is not a missing resource. Anything off-origin, or failing
        # otherwise, counts.
        same_origin = request.url.removeprefix("blob:").startswith(("http://127.0.0.1:", "http://localhost:"))
        if not (same_origin and request.failure == "net::ERR_ABORTED"):
            self._failed(request.url, request.failure)

    def _failed(self, url: str, why) -> None:
        self.failed_requests.append(f"{url} ({why})")

    def assert_clean(self) -> None:
        """No console error, page error or failed request was seen (outside the `ignored` URL prefixes)."""
        console_errors, failed_requests = self._counted(self.console_errors), self._counted(self.failed_requests)
        assert not console_errors, console_errors
        assert not self.page_errors, self.page_errors
        assert not failed_requests, failed_requests

    def _counted(self, entries: list[str]) -> list[str]:
        return [e for e in entries if not any(prefix in e for prefix in self.ignored)]


def wait_done(page, timeout_ms: float = 30_000) -> None:
    """Wait until Streamlit has finished the script run and no element is stale."""
    page.wait_for_selector(DONE_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_function(
        """() => { const a = document.querySelector('[data-testid="stApp"]');
                   return a && a.getAttribute('data-test-script-state') === 'notRunning'
                     && !document.querySelector('[data-stale="true"]'); }""",
        timeout=timeout_ms,
    )


def open_app(page, url: str, expect_text: str, timeout_ms: float = 30_000) -> None:
    """Go to `url`, wait for `expect_text` and for the run to finish; fail on an exception box."""
    page.goto(url, timeout=timeout_ms)
    page.get_by_text(expect_text, exact=False).first.wait_for(timeout=timeout_ms)
    wait_done(page, timeout_ms)
    exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
    assert not exceptions, exceptions


def write_auth_secrets(path: Path, *, app_port: int, idp_url: str, editors: list[str]) -> Path:
    """A secrets.toml for a test server: sign-in against the local OIDC provider, and the editors' list."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "atlas-tests"\n'
        'client_secret = "atlas-tests-secret"\n'
        f'server_metadata_url = "{idp_url}/.well-known/openid-configuration"\n'
        "\n[atlas]\n"
        f"editors = {editors!r}\n".replace("'", '"'),
        encoding="utf-8",
    )
    return path


def sign_in(page, app_url: str, email: str, timeout_ms: float = 30_000) -> None:
    """Sign in through the local OIDC provider as `email` from the owners' page; back on /manage after.

    The provider's own pages (a CDN stylesheet, no favicon) are not the app: their problems are not counted.
    """
    page.problems.ignored.append("https://cdn.jsdelivr.net/")
    open_app(page, f"{app_url}/manage", "Sign in", timeout_ms)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_placeholder("sub").wait_for(timeout=timeout_ms)
    provider = urllib.parse.urlsplit(page.url)
    page.problems.ignored.append(f"{provider.scheme}://{provider.netloc}/")
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}/**", timeout=timeout_ms)
    wait_done(page, timeout_ms)
    open_app(page, f"{app_url}/manage", "Signed in as", timeout_ms)
