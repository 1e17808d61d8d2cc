"""Python time of one run of each page (not a test): median and p95 over RUNS reruns, in-process with AppTest.

Each page is opened once (warm caches: the first run of a process loads the data), then rerun RUNS
times with the same session, as a visitor's rerun after a widget change; and opened RUNS times in a
new session (a new visitor). A trivial one-line page (bench/minimal_app.py) is timed the same way
as the floor of AppTest's own cost. Prints one JSON line last.
Run: .venv/bin/python bench/bench_pages.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = ("overview", "map", "companies", "insights", "sites", "about")


def stats(samples: list[float]) -> dict:
    """Median and p95 in milliseconds."""
    ordered = sorted(samples)
    return {
        "median_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
    }


def timed(at: AppTest) -> float:
    """Seconds one run takes; the run must end without an exception."""
    t0 = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return seconds


def open_page(page: str) -> AppTest:
    """A new session on `page` (the app opened on / first, as a visitor does)."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    return at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    opts = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    minimal = AppTest.from_file(str(BENCH / "minimal_app.py"))
    minimal.run()
    result: dict = {"runs": opts.runs, "minimal_app": stats([timed(minimal) for _ in range(opts.runs)]), "pages": {}}
    for page in PAGES:
        at = open_page(page)
        timed(at)  # first run of the page in this process: caches filled
        reruns = [timed(at) for _ in range(opts.runs)]
        fresh = []
        for _ in range(max(3, opts.runs // 4)):
            new = open_page(page)
            fresh.append(timed(new))
        result["pages"][page] = {"rerun": stats(reruns), "new_session": stats(fresh)}
        print(page, result["pages"][page], file=sys.stderr, flush=True)
    result["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
