"""Two app processes behind nginx sharing one PostgreSQL (deploy/run-local.sh): a version published to the
shared store shows in sessions on both processes within 30 s, and nginx keeps a browser on one process.

The new version renames one company (a test-only name); sessions talk the websocket protocol
(bench/ws_client.py), one opened directly on each process and one through nginx.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import time
import urllib.request

import pytest

from atlas.store import Store
from bench.ws_client import Session
from tests.e2e import LocalDeployment
from tests.postgres import PostgresCluster, postgres_bin

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(not (shutil.which("nginx") or shutil.which("/usr/sbin/nginx")), reason="nginx not installed"),
    pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL not installed"),
]
NEW_NAME = "Deploy test renamed company"


@pytest.fixture(scope="module")
def deployment():
    cluster = PostgresCluster()
    try:
        url = cluster.new_database()
        with LocalDeployment(processes=2, env={"HEALTHTECH_DATABASE_URL": url}) as dep:
            dep.database_url = url
            yield dep
    finally:
        cluster.stop()


async def _shows(url: str, text: bytes) -> bool:
    session = Session(url, timeout_s=60)
    await session.connect()
    try:
        run = await session.run_page("companies", capture=True)
        assert not run.error, run.error
        return text in run.payload
    finally:
        await session.close()


def shows(url: str, text: str) -> bool:
    """Whether a new session on `url` shows `text`, asked from a thread of its own: the session's
    Playwright browser, when a browser test ran before, keeps an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _shows(url, text.encode())).result()


def test_nginx_serves_the_app_with_an_affinity_cookie(deployment):
    with urllib.request.urlopen(f"{deployment.url}/", timeout=30) as response:
        assert response.status == 200
        assert "st_route=" in (response.headers.get("Set-Cookie") or "")
    with urllib.request.urlopen(f"{deployment.url}/_stcore/health", timeout=30) as response:
        assert response.read() == b"ok"
    assert len(deployment.app_urls) == 2


def test_a_published_version_shows_on_both_processes_within_30_s(deployment):
    # every process has loaded the seeded version first (so a stale cache would show)
    for url in [*deployment.app_urls, deployment.url]:
        assert not shows(url, NEW_NAME)
    store = Store(deployment.database_url)
    base = store.latest()
    companies = store.companies()
    companies.loc[companies.index[0], "name"] = NEW_NAME
    store.publish(companies, base=base.number, author="deploy test", note="rename one company", kind="edit")
    published = time.monotonic()
    waiting = {*deployment.app_urls, deployment.url}
    while waiting and time.monotonic() - published < 30:
        waiting = {url for url in waiting if not shows(url, NEW_NAME)}
        time.sleep(1)
    assert not waiting, f"still the old version after 30 s on {waiting}"
