"""Server time of one run of each page (not a test): median and p95, over the websocket protocol, one user at a time.

For every page a session asks for RUNS reruns (a visitor's rerun after a widget change), and RUNS//2
new sessions each ask for one run (a new visitor); each is timed from the rerun request to the
server's "script finished" (bench/ws_client.py, loopback, no browser: Python run time plus protobuf
transport). bench/minimal_app.py is timed the same way as the floor. With `--baseline DIR` a second
checkout of the app (e.g. `git worktree add /tmp/base main`) is served too and measured in the same
rounds, alternating, so before/after figures share the machine's load.
Prints one JSON line last. Run: .venv/bin/python bench/bench_pages.py [--runs N] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from bench.common import print_result  # noqa: E402
from bench.ws_client import Session  # noqa: E402
from tests.e2e import StreamlitServer, entry_point  # noqa: E402

PAGES = ("", "map", "companies", "insights", "sites", "about")  # url paths; "" is the Overview


def stats(samples: list[float]) -> dict:
    """Median and p95 in milliseconds."""
    ordered = sorted(samples)
    return {
        "median_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
    }


async def reruns(url: str, page: str, n: int) -> list[float]:
    """n reruns of `page` in one session (after one unmeasured run); seconds each."""
    session = Session(url, timeout_s=120)
    await session.connect()
    try:
        await session.run_page(page)
        runs = [await session.run_page(page) for _ in range(n)]
    finally:
        await session.close()
    errors = [r.error for r in runs if r.error]
    if errors:
        raise RuntimeError(f"{url}/{page}: {errors[:3]}")
    return [r.seconds for r in runs]


async def new_sessions(url: str, page: str, n: int) -> list[float]:
    """n new sessions each running `page` once; seconds each (the run, not the connection)."""
    times = []
    for _ in range(n):
        session = Session(url, timeout_s=120)
        await session.connect()
        try:
            run = await session.run_page(page)
        finally:
            await session.close()
        if run.error:
            raise RuntimeError(f"{url}/{page}: {run.error}")
        times.append(run.seconds)
    return times


def measure(servers: dict[str, str], runs: int) -> dict:
    """Per page and server: reruns and new sessions, servers alternating page by page."""
    out: dict = {name: {} for name in servers}
    for page in PAGES:
        for name, url in servers.items():
            out[name][page or "overview"] = {
                "rerun": stats(asyncio.run(reruns(url, page, runs))),
                "new_session": stats(asyncio.run(new_sessions(url, page, max(3, runs // 2)))),
            }
            print(name, page or "overview", out[name][page or "overview"], file=sys.stderr, flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline", type=Path, help="another checkout of the app, measured in the same rounds")
    opts = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    servers = {"minimal": StreamlitServer(app=BENCH / "minimal_app.py"), "app": StreamlitServer()}
    if opts.baseline:
        baseline = opts.baseline.resolve()  # served with its own .streamlit/config.toml
        servers["baseline"] = StreamlitServer(app=entry_point(baseline), cwd=baseline)
    try:
        minimal = servers.pop("minimal")
        result: dict = {"runs": opts.runs, "minimal_app": stats(asyncio.run(reruns(minimal.url, "", opts.runs)))}
        minimal.stop()
        for server in servers.values():  # first session of each process: data loaded, caches filled
            for page in PAGES:
                asyncio.run(reruns(server.url, page, 0))
        result["pages"] = measure({name: s.url for name, s in servers.items()}, opts.runs)
    finally:
        for server in servers.values():
            if server.process.poll() is None:
                server.stop()
    return print_result(result, load_before, started)


if __name__ == "__main__":
    sys.exit(main())
