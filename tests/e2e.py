"""Helpers for the browser tests: a headless Streamlit server and Debian's chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
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
# The frontend probes /<page>/_stcore/health and host-config on deep links; those 404s are benign.
BENIGN_URL_PARTS = ("/_stcore/health", "/_stcore/host-config")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` headless on a free loopback port, optionally on another data dir."""

    def __init__(self, data_dir: Path | None = None, app: Path = REPO / "app.py"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        if data_dir:
            env["HEALTHTECH_DATA_DIR"] = str(data_dir)
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
            ],
            cwd=REPO,
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


def _benign(url: str) -> bool:
    return any(part in url for part in BENIGN_URL_PARTS)


@dataclass
class PageProblems:
    """What went wrong while a page was open: console errors, page errors, failed requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        """Collect problems from a Playwright page."""
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("requestfailed", self._request_failed)
        page.on("response", lambda r: self._failed(r.url, r.status) if r.status >= 400 else None)

    def _console(self, message) -> None:
        if message.type == "error" and not _benign(message.location.get("url", "")):
            self.console_errors.append(f"{message.text} at {message.location.get('url', '')}")

    def _request_failed(self, request) -> None:
        # A navigation cancels the previous page's same-origin requests (net::ERR_ABORTED); that is
        # not a missing resource. Anything off-origin, or failing otherwise, counts.
        same_origin = request.url.removeprefix("blob:").startswith(("http://127.0.0.1:", "http://localhost:"))
        if not (same_origin and request.failure == "net::ERR_ABORTED"):
            self._failed(request.url, request.failure)

    def _failed(self, url: str, why) -> None:
        if not _benign(url):
            self.failed_requests.append(f"{url} ({why})")

    def assert_clean(self) -> None:
        """No console error, page error or failed request was seen."""
        assert not self.console_errors, self.console_errors
        assert not self.page_errors, self.page_errors
        assert not self.failed_requests, self.failed_requests


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
