"""Companies page benchmark: a niche filter change vs a minimal one-multiselect app (same run, as a ratio),
and the same change with 100,000 synthetic companies (latency and websocket bytes per change).

Beside the minimal app, in the same rounds, bench/minimal_frame_app.py: the same multiselect as the filter of a
page in an eight-page app (top navigation, filter in the sidebar), without and with a data grid of synthetic rows,
so that what Streamlit itself costs that shape of page is measured with the page.

The latency is interaction_latency.py's `done_ms`: from the click to Streamlit reporting the rerun
finished with nothing stale (the whole page updated); `page_ms` (click to the count sentence
changing) is reported too. Synthetic data go to a temporary directory, never to data/.
Prints one JSON line last; exit status 1 only when a measurement failed (goals are in the JSON).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from atlas.vocabulary import NICHES, SUBSECTORS  # noqa: E402
from bench.common import count_text, niche_latency  # noqa: E402
from tests.conftest import add_synthetic_companies, copy_data_dir, synthetic_company  # noqa: E402
from tests.e2e import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, open_app  # noqa: E402

NICHE, NICHE_LABEL = "digital-health", "Digital health"
MINIMAL_APP = BENCH / "minimal_multiselect_app.py"
MINIMAL_WATCH = "1 of 2 chosen"  # the minimal and the frame apps' count sentence
FRAME_APP = BENCH / "minimal_frame_app.py"
SYNTHETIC = 100_000
ROUNDS, CHANGES = 3, 10  # filter-change comparison: rounds of (minimal, app), changes per round
CHANGES_100K = 20
GOAL_RATIO, GOAL_LATENCY_MS, GOAL_WS_BYTES = 1.3, 300.0, 1_000_000
# Real communes with their canton (data/communes.geojson) for commune-level synthetic companies.
COMMUNES = [
    ("Luxembourg", "Luxembourg"),
    ("Esch-sur-Alzette", "Esch-sur-Alzette"),
    ("Differdange", "Esch-sur-Alzette"),
    ("Leudelange", "Esch-sur-Alzette"),
    ("Contern", "Luxembourg"),
    ("Bissen", "Mersch"),
    ("Junglinster", "Grevenmacher"),
    ("Mertzig", "Diekirch"),
]
NICHE_CYCLE = [*NICHES, "", "digital-health;neurodegenerative-diseases"]
SITE_EVERY = 50  # one synthetic company in 50 sits at the House of BioHealth (site-level point)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def synthetic_rows(n: int) -> list[dict[str, str]]:
    """n valid synthetic companies: niches and subsectors cycled, a few at a site, the rest in a commune."""
    subsectors = list(SUBSECTORS)
    rows = []
    for i in range(n):
        fields = {
            "niches": NICHE_CYCLE[i % len(NICHE_CYCLE)],
            "subsector": subsectors[i % len(subsectors)],
            "founded_year": str(1990 + i % 36),
        }
        if i % SITE_EVERY:
            commune, canton = COMMUNES[i % len(COMMUNES)]
            fields |= {
                "site": "",
                "site_id": "",
                "lat": "",
                "lon": "",
                "town": commune,
                "commune": commune,
                "canton": canton,
                "location_precision": "commune",
            }
        rows.append(synthetic_company(f"synthetic-{i}", f"Synthetic company {i}", **fields))
    return rows


def niche_count(data_dir: Path, niche: str) -> tuple[int, int]:
    """(companies tagged `niche`, all companies), read with plain pandas."""
    companies = pd.read_csv(data_dir / "companies.csv", dtype=str, keep_default_na=False)
    tagged = companies["niches"].str.split(";").map(lambda niches: niche in niches)
    return int(tagged.sum()), len(companies)


def warm(url: str, path: str, expect_text: str) -> float:
    """Open / then `path` once (no deep link as a server's first session; loads caches); seconds taken."""
    t0 = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/", timeout=120_000)
        page.wait_for_selector('[data-testid="stApp"]', timeout=120_000)
        open_app(page, f"{url}{path}", expect_text, timeout_ms=120_000)
        browser.close()
    return time.perf_counter() - t0


def measure(url: str, watch_text: str, n: int) -> dict:
    """interaction_latency.py on the 'Niche' multiselect (remove / re-add 'Digital health')."""
    result = niche_latency(url, watch_text, n, option=NICHE_LABEL)
    if not result.get("ok"):
        raise RuntimeError(f"interaction_latency.py failed on {url}: {result.get('error')} {result.get('exceptions')}")
    return result


def summary(results: list[dict]) -> dict:
    """Medians over every sample of several interaction_latency runs."""
    samples = [s for r in results for s in r["samples"]]
    done = sorted(s["done_ms"] for s in samples)
    return {
        "changes": len(samples),
        "done_ms_median": round(statistics.median(done), 1),
        "done_ms_p90": done[min(len(done) - 1, int(0.9 * len(done)))],
        "done_ms_median_removing_niche": round(statistics.median(s["done_ms"] for s in samples if s["away"]), 1),
        "done_ms_median_adding_niche": round(statistics.median(s["done_ms"] for s in samples if not s["away"]), 1),
        "page_ms_median": round(statistics.median(s["page_ms"] for s in samples), 1),
        "wall_ms_median": round(statistics.median(s["wall_ms"] for s in samples), 1),
        "ws_bytes_per_change_median": statistics.median(s["ws_bytes"] for s in samples),
        "ws_bytes_per_change_max": max(s["ws_bytes"] for s in samples),
        "console_errors": sorted({e for r in results for e in r["console_errors"]}),
    }


def filter_change_vs_minimal() -> dict:
    """(a) The niche change on /companies, on the minimal app and on the frame app without and with its grid,
    in turns, in the same run; each as a ratio to the minimal app."""
    shown, total = niche_count(REPO / "data", NICHE)
    path, watch = f"/companies?niche={NICHE}", count_text(shown, total)
    servers = {
        "minimal": (StreamlitServer(app=MINIMAL_APP), "/", MINIMAL_WATCH),
        "frame": (StreamlitServer(app=FRAME_APP), "/", MINIMAL_WATCH),
        "frame_grid": (StreamlitServer(app=FRAME_APP, env={"BENCH_FRAME_VIEW": "grid"}), "/", MINIMAL_WATCH),
        "app": (StreamlitServer(), path, watch),
    }
    try:
        for server, server_path, text in servers.values():
            warm(server.url, server_path, text)
        runs: dict[str, list[dict]] = {name: [] for name in servers}
        for r in range(ROUNDS):
            order = list(servers.items())
            for name, (server, server_path, text) in order if r % 2 == 0 else reversed(order):
                log(f"round {r + 1}: {name}")
                runs[name].append(measure(server.url + server_path, text, CHANGES))
    finally:
        for server, _, _ in servers.values():
            server.stop()
    summaries = {name: summary(results) for name, results in runs.items()}
    minimal = summaries["minimal"]

    def ratio(name: str, figure: str = "done_ms_median") -> float:
        return round(summaries[name][figure] / minimal[figure], 2)

    return {
        "app": {"url": path, "watch_text": watch, **summaries["app"]},
        "minimal": {"app": MINIMAL_APP.name, "watch_text": MINIMAL_WATCH, **minimal},
        "frame": {"app": FRAME_APP.name, **summaries["frame"], "ratio_done_ms": ratio("frame")},
        "frame_grid": {
            "app": f"BENCH_FRAME_VIEW=grid {FRAME_APP.name}",
            **summaries["frame_grid"],
            "ratio_done_ms": ratio("frame_grid"),
        },
        "ratio_done_ms": ratio("app"),
        "ratio_page_ms": ratio("app", "page_ms_median"),
        "goal_ratio_max": GOAL_RATIO,
        "goal_ratio_met": ratio("app") <= GOAL_RATIO,
    }


def synthetic_100k() -> dict:
    """(b) The niche change on /companies with 100,000 synthetic companies added to a copy of data/."""
    with tempfile.TemporaryDirectory(prefix="bench-companies-") as tmp:
        data_dir = copy_data_dir(Path(tmp) / "data")
        t0 = time.perf_counter()
        add_synthetic_companies(data_dir, synthetic_rows(SYNTHETIC))
        generate_s = time.perf_counter() - t0
        shown, total = niche_count(data_dir, NICHE)
        path, watch = f"/companies?niche={NICHE}", count_text(shown, total)
        server = StreamlitServer(data_dir)
        try:
            first_open_s = warm(server.url, path, watch)
            log("100k: measuring")
            result = summary([measure(server.url + path, watch, CHANGES_100K)])
        finally:
            server.stop()
    return {
        "synthetic_companies": SYNTHETIC,
        "companies": total,
        "url": path,
        "watch_text": watch,
        "generate_s": round(generate_s, 1),
        "first_open_s": round(first_open_s, 1),
        **result,
        "goal_latency_ms": GOAL_LATENCY_MS,
        "goal_latency_met": result["done_ms_median"] < GOAL_LATENCY_MS,
        "goal_ws_bytes": GOAL_WS_BYTES,
        "goal_ws_bytes_met": result["ws_bytes_per_change_max"] < GOAL_WS_BYTES,
    }


def main() -> int:
    t0 = time.perf_counter()
    out: dict = {"benchmark": "companies", "ok": False, "load_average_1m_start": round(os.getloadavg()[0], 2)}
    try:
        log("filter change vs minimal app")
        out["filter_change"] = filter_change_vs_minimal()
        log("100,000 synthetic companies")
        out["synthetic_100k"] = synthetic_100k()
        out["ok"] = True
    except Exception as e:  # report what was measured so far, then fail
        out["error"] = f"{type(e).__name__}: {str(e)[:500]}"
    goals = {
        "ratio_at_most_1.3x": out.get("filter_change", {}).get("goal_ratio_met"),
        "100k_latency_under_300ms": out.get("synthetic_100k", {}).get("goal_latency_met"),
        "100k_ws_under_1MB_per_change": out.get("synthetic_100k", {}).get("goal_ws_bytes_met"),
    }
    out["goals_met"] = goals
    out["note"] = (
        "latency = done_ms (click to rerun finished, nothing stale); page_ms = click to the count sentence changing. "
        "Removing the niche shows every company, adding it back shows the niche's companies."
    )
    out["all_goals_met"] = all(v is True for v in goals.values())
    out["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    out["elapsed_s"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
