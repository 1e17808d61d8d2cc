"""Load benchmark over Streamlit's websocket protocol (no browser), bounded in time, on 127.0.0.1 only.

Scenarios (each against app processes this script starts, with the bundled data):
- `rerun`:  USERS (20) sessions rerunning pages back to back (each cycles through every page) for
            DURATION seconds on one process: median, p95, reruns per second, errors; and one user
            alone for reference. Goal: p95 < 1.5 s, zero errors.
- `visits`: VISITORS (50) each opening a page every 5 s (a new session each time, as a QR-code
            scan does; pages drawn from all pages, the map included) for DURATION seconds:
            median, p95 (connect + run), errors. Goal: p95 < 1 s, zero errors.
- `memory`: the server's resident memory with 20 open sessions (each has run every page) against
            one. Goal: at most 1.5x.
- `proxy`:  `rerun` and `visits` through nginx (deploy/nginx.conf.template) in front of 1 and then
            2 app processes sharing one database: the throughput ratio (goal close to 2x on 2 cores).
            Skipped when nginx is not installed.

Other agents may share the machine: the load average is reported with the figures.
Run: .venv/bin/python bench/bench_load.py [--duration S] [--scenario rerun visits memory proxy]
Prints one JSON line last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from bench.common import print_result  # noqa: E402
from bench.ws_client import PageRun, Session  # noqa: E402
from tests.e2e import LocalDeployment, StreamlitServer  # noqa: E402

PAGES = ("", "map", "companies", "insights", "sites", "about")  # url paths; "" is the Overview
GOALS = {"rerun_p95_s_max": 1.5, "visits_p95_s_max": 1.0, "memory_ratio_max": 1.5, "proxy_throughput_ratio": 2.0}


def log(*parts) -> None:
    """Progress on stderr (stdout ends with the one JSON line)."""
    print(*parts, file=sys.stderr, flush=True)


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (Linux /proc)."""
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        kids = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return [k for c in kids for k in (c, *_children(c))]


def summary(runs: list[PageRun], seconds: float) -> dict:
    """Median, p95 and max latency, runs per second, errors (with the first few messages)."""
    times = sorted(r.seconds for r in runs)
    errors = [f"{r.page or 'overview'}: {r.error}" for r in runs if r.error]
    if not times:
        return {"runs": 0, "errors": len(errors), "error_examples": errors[:5]}
    return {
        "runs": len(times),
        "median_s": round(statistics.median(times), 3),
        "p95_s": round(times[min(len(times) - 1, int(0.95 * len(times)))], 3),
        "max_s": round(times[-1], 3),
        "runs_per_s": round(len(times) / seconds, 2),
        "errors": len(errors),
        "error_examples": errors[:5],
        "per_page_median_s": {
            (p or "overview"): round(statistics.median([r.seconds for r in runs if r.page == p]), 3)
            for p in PAGES
            if any(r.page == p for r in runs)
        },
    }


async def _rerun_user(url: str, offset: int, deadline: float, runs: list[PageRun]) -> None:
    session = Session(url)
    try:
        await session.connect()
    except Exception as err:
        runs.append(PageRun("", 0.0, 0, f"connect: {err}"))
        return
    i = offset
    try:
        while time.perf_counter() < deadline:
            run = await session.run_page(PAGES[i % len(PAGES)])
            runs.append(run)
            i += 1
            if run.error.startswith("connection closed"):
                break
    finally:
        await session.close()


async def rerun(url: str, users: int, seconds: float) -> dict:
    """`users` sessions rerunning pages back to back for `seconds`."""
    runs: list[PageRun] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(_rerun_user(url, u, deadline, runs) for u in range(users)))
    return {"users": users, "seconds": seconds, **summary(runs, time.perf_counter() - started)}


async def _visitor(url: str, every_s: float, deadline: float, rng: random.Random, runs: list[PageRun]) -> None:
    await asyncio.sleep(rng.uniform(0, every_s))  # visitors arrive spread over the first interval
    while time.perf_counter() < deadline:
        tick = time.perf_counter()
        page = rng.choice(PAGES)
        session = Session(url)
        try:
            await session.connect()
            run = await session.run_page(page)
            run.seconds = time.perf_counter() - tick  # what the visitor waits: connect and run
        except Exception as err:
            run = PageRun(page, time.perf_counter() - tick, 0, f"connect: {err}")
        finally:
            await session.close()
        runs.append(run)
        await asyncio.sleep(max(0.0, every_s - (time.perf_counter() - tick)))


async def visits(url: str, visitors: int, seconds: float, every_s: float = 5.0) -> dict:
    """`visitors` each opening a random page in a new session every `every_s` seconds, for `seconds`."""
    runs: list[PageRun] = []
    rng = random.Random(11)
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(_visitor(url, every_s, deadline, random.Random(rng.random()), runs) for _ in range(visitors))
    )
    return {
        "visitors": visitors,
        "every_s": every_s,
        "seconds": seconds,
        **summary(runs, time.perf_counter() - started),
    }


async def memory(url: str, pid: int, sessions: int = 20) -> dict:
    """Server memory with one session that ran every page, then with `sessions` such sessions open."""
    opened: list[Session] = []
    errors = []
    try:
        for n in range(sessions):
            session = Session(url)
            await session.connect()
            opened.append(session)
            for page in PAGES:
                run = await session.run_page(page)
                if run.error:
                    errors.append(run.error)
            if n == 0:
                await asyncio.sleep(1)
                one = rss_bytes(pid)
        await asyncio.sleep(1)
        many = rss_bytes(pid)
    finally:
        for session in opened:
            await session.close()
    return {
        "rss_one_session_mb": round(one / 2**20, 1),
        f"rss_{sessions}_sessions_mb": round(many / 2**20, 1),
        "ratio": round(many / one, 2),
        "errors": len(errors),
    }


async def warm(url: str) -> None:
    """One session runs every page once (loads the data and fills the caches)."""
    session = Session(url, timeout_s=120)
    await session.connect()
    for page in PAGES:
        await session.run_page(page)
    await session.close()


def one_process(opts) -> dict:
    """rerun, visits and memory against one app process."""
    out: dict = {}
    server = StreamlitServer()
    try:
        asyncio.run(warm(server.url))
        if "memory" in opts.scenario:
            log("memory: 1 and 20 sessions")
            out["memory"] = asyncio.run(memory(server.url, server.process.pid))
        if "rerun" in opts.scenario:
            log("rerun: one user alone")
            out["rerun_one_user"] = asyncio.run(rerun(server.url, 1, min(20.0, opts.duration)))
            log(f"rerun: {opts.users} users for {opts.duration} s")
            out["rerun"] = asyncio.run(rerun(server.url, opts.users, opts.duration))
        if "visits" in opts.scenario:
            log(f"visits: {opts.visitors} visitors for {opts.duration} s")
            out["visits"] = asyncio.run(visits(server.url, opts.visitors, opts.duration))
    finally:
        server.stop()
    return out


def through_proxy(opts) -> dict:
    """rerun and visits through nginx with 1, then 2 app processes; the throughput ratio."""
    out: dict = {}
    for n in (1, 2):
        with LocalDeployment(processes=n) as dep:
            asyncio.run(warm(dep.url))
            for _ in range(n):  # each process loads its data once (sessions land on either)
                asyncio.run(warm(dep.url))
            log(f"proxy, {n} process(es): rerun {opts.users} users for {opts.duration} s")
            out[f"rerun_{n}"] = asyncio.run(rerun(dep.url, opts.users, opts.duration))
            log(f"proxy, {n} process(es): visits {opts.visitors} visitors for {opts.duration} s")
            out[f"visits_{n}"] = asyncio.run(visits(dep.url, opts.visitors, opts.duration))
    one, two = out["rerun_1"].get("runs_per_s"), out["rerun_2"].get("runs_per_s")
    out["throughput_ratio"] = round(two / one, 2) if one and two else None
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds per scenario (default 120)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument(
        "--scenario",
        nargs="+",
        default=["rerun", "visits", "memory", "proxy"],
        choices=["rerun", "visits", "memory", "proxy"],
    )
    opts = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    result: dict = {"duration_s": opts.duration, "goals": GOALS}
    result.update(one_process(opts))
    if "proxy" in opts.scenario:
        if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
            result["proxy"] = through_proxy(opts)
        else:
            result["proxy"] = {"skipped": "nginx is not installed"}
    if "rerun" in result:
        result["goal_rerun_met"] = not result["rerun"]["errors"] and result["rerun"]["p95_s"] < GOALS["rerun_p95_s_max"]
    if "visits" in result:
        visits_p95 = result["visits"]["p95_s"]
        result["goal_visits_met"] = not result["visits"]["errors"] and visits_p95 < GOALS["visits_p95_s_max"]
    if "memory" in result:
        result["goal_memory_met"] = result["memory"]["ratio"] <= GOALS["memory_ratio_max"]
    return print_result(result, load_before, started)


if __name__ == "__main__":
    sys.exit(main())
