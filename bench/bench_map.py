"""Benchmark of the Map page (not a test): first render against a minimal app, payload, and 100,000 companies.

1. First render of /map and of bench/minimal_app.py, served side by side and measured in the same
   browser, alternating, after one warm-up each; medians of RUNS runs (--rounds) and their ratio (goal <= 2x,
   issue 11), with the /map websocket payload. First render = the chart's canvas visible; busy_until =
   the end of the page's last main-thread long task (the map drawn). With --baseline DIR, the /map of
   another checkout (e.g. a git worktree of an older commit) is measured in the same rounds. So are two
   baselines, to show what Streamlit itself costs: bench/minimal_pydeck_app.py (st.pydeck_chart with one
   layer) and the same chart as the page of an eight-page app with a sidebar filter
   (bench/minimal_frame_app.py with BENCH_FRAME_VIEW=map).
2. Filter-change latency (bench/interaction_latency.py: remove and re-add the Niche option "Digital
   health", watching the "N of M companies" sentence) of bench/minimal_multiselect_app.py and of /map
   on the bundled data, for reference.
3. Scale: data/ copied to a temporary directory with 100,000 SYNTHETIC companies appended (ids
   synthetic-<n>; 40 % site-level at the House of BioHealth, 60 % commune-level across the real
   communes; niches and subsectors cycled), served with HEALTHTECH_DATA_DIR: the /map websocket
   payload (goal < 2 MB) and the filter-change latency (goal < 500 ms, in-page median).

Nothing is written to data/. Prints one JSON line last, with every figure, whether each goal is met,
and the machine's load average (other processes on the machine skew browser timings).
Run: .venv/bin/python bench/bench_map.py [--baseline DIR] [--rounds N]  (about seven minutes).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from bench import e2e_probe  # noqa: E402
from bench.common import count_text, niche_latency, print_result  # noqa: E402
from tests.e2e import StreamlitServer, entry_point  # noqa: E402

RUNS = 5
SCALE_N = 100_000
# Every console error and failed request counts: serve.py answers page links without a 404 probe.
EVERY_PROBLEM_COUNTS = re.compile(r"(?!)")
CHART_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
GOALS = {"first_render_ratio_max": 2.0, "scale_payload_bytes_max": 2_000_000, "filter_latency_ms_max": 500}
NICHE_CYCLE = (
    "digital-health",
    "neurodegenerative-diseases",
    "molecular-diagnostics",
    "immune-oncology",
    "digital-health;molecular-diagnostics",
    "",
)
SUBSECTOR_CYCLE = (
    "medical-devices",
    "software-digital-health",
    "bio-pharma",
    "in-vitro-diagnostics",
    "clinical-laboratory",
    "distributor",
    "services",
)


def log(*parts) -> None:
    """Progress on stderr (stdout ends with the one JSON line)."""
    print(*parts, file=sys.stderr, flush=True)


def probe_args(wait_text=(), wait_selector=(), timeout=90) -> SimpleNamespace:
    """The options e2e_probe.one_run reads."""
    return SimpleNamespace(
        wait_text=list(wait_text),
        wait_selector=list(wait_selector),
        timeout=timeout,
        settle_ms=300,
        viewport="1400x900",
    )


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def problems(run: dict) -> list[str]:
    return run["console_errors"] + run["page_errors"] + run["failed_requests"] + run["http_errors"] + run["exceptions"]


# ---------------------------------------------------------------------------------------------
# 1. First render, /map against the minimal app (and a one-layer pydeck app, for context)
# ---------------------------------------------------------------------------------------------


def first_render(browser, servers: dict[str, StreamlitServer], rounds: int = RUNS) -> dict:
    """Medians of `rounds` first renders of each target, in turns, in the same browser, after a warm-up.

    `servers` holds "app" (its /map is measured), "minimal", "minimal_deck" and "frame_deck" (their /), and
    optionally "baseline" (another checkout's /map)."""
    canvas = probe_args(wait_selector=[CHART_CANVAS])
    targets = {
        "map": (f"{servers['app'].url}/map", canvas),
        "minimal": (f"{servers['minimal'].url}/", probe_args(wait_text=["Minimal app"])),
        "minimal_pydeck": (f"{servers['minimal_deck'].url}/", canvas),
        "frame_pydeck": (f"{servers['frame_deck'].url}/", canvas),
    }
    atlas_servers = [servers["app"]]
    if "baseline" in servers:
        targets["baseline_map"] = (f"{servers['baseline'].url}/map", canvas)
        atlas_servers.append(servers["baseline"])
    # warm-up: each server's first sessions (the Atlas's data cache and first runs), not measured
    for server in atlas_servers:
        e2e_probe.one_run(browser, f"{server.url}/", probe_args(wait_text=["companies"]), EVERY_PROBLEM_COUNTS, None)
    for url, args in targets.values():
        e2e_probe.one_run(browser, url, args, EVERY_PROBLEM_COUNTS, None)
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for i in range(rounds):
        log(f"first render round {i + 1}/{rounds}")
        for name, (url, args) in targets.items():
            runs[name].append(e2e_probe.one_run(browser, url, args, EVERY_PROBLEM_COUNTS, None))
    found = all(r["found"] for rs in runs.values() for r in rs)
    out: dict = {"first_render_found": found}
    for name, rs in runs.items():
        out[f"{name}_first_render_ms"] = median(r.get("first_render_ms") for r in rs)
        out[f"{name}_first_render_runs_ms"] = [r.get("first_render_ms") for r in rs]
        out[f"{name}_script_done_ms"] = median(r.get("script_done_ms") for r in rs)
        out[f"{name}_long_tasks_ms"] = median(r.get("long_tasks_total_ms") for r in rs)
        out[f"{name}_busy_until_ms"] = median(r.get("busy_until_ms") for r in rs)
        out[f"{name}_ws_bytes"] = median(r["ws_bytes_received"] for r in rs)

    def ratio(name: str, to: str = "minimal") -> float | None:
        first, base = out[f"{name}_first_render_ms"], out[f"{to}_first_render_ms"]
        return round(first / base, 2) if found and first and base else None

    out["first_render_ratio"] = ratio("map")
    out["minimal_pydeck_ratio"] = ratio("minimal_pydeck")
    out["frame_pydeck_ratio"] = ratio("frame_pydeck")
    out["map_to_minimal_pydeck_ratio"] = ratio("map", "minimal_pydeck")
    out["map_to_frame_pydeck_ratio"] = ratio("map", "frame_pydeck")
    if "baseline" in servers:
        out["baseline_first_render_ratio"] = ratio("baseline_map")
    out["map_problems"] = sorted({p for r in runs["map"] for p in problems(r)})
    return out


def latency(url: str, watch_text: str, n: int = 6) -> dict:
    """bench/interaction_latency.py: remove and re-add the Niche option "Digital health", n times."""
    result = niche_latency(url, watch_text, n, timeout_s=180)
    return {
        "ok": result.get("ok", False),
        "page_ms": (result.get("page_ms") or {}).get("median"),
        "page_ms_p90": (result.get("page_ms") or {}).get("p90"),
        "done_ms": (result.get("done_ms") or {}).get("median"),
        "ws_bytes": result.get("ws_bytes_per_change_median"),
        "error": result.get("error"),
    }


# ---------------------------------------------------------------------------------------------
# 2. 100,000 synthetic companies
# ---------------------------------------------------------------------------------------------


def synthetic_data_dir(target: Path, n: int) -> Path:
    """A copy of data/ with n synthetic companies appended to companies.csv (never data/ itself)."""
    shutil.copytree(REPO / "data", target)
    communes = json.loads((target / "communes.geojson").read_text(encoding="utf-8"))["features"]
    communes = [(f["properties"]["COMMUNE"], f["properties"]["CANTON"]) for f in communes]
    hobh = next(
        r for r in csv.DictReader((target / "landmarks.csv").open(encoding="utf-8")) if r["id"] == "house_of_biohealth"
    )
    path = target / "companies.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        for i in range(n):
            row = dict.fromkeys(header, "")
            row.update(
                id=f"synthetic-{i}",
                name=f"Synthetic company {i}",
                description="Synthetic company generated by bench/bench_map.py",
                source_urls="https://example.org/synthetic-benchmark",
                confidence="low",
                subsector=SUBSECTOR_CYCLE[i % len(SUBSECTOR_CYCLE)],
                niches=NICHE_CYCLE[i % len(NICHE_CYCLE)],
            )
            if i % 5 < 2:  # site-level at the House of BioHealth
                row.update(
                    site=hobh["name"],
                    site_id="house_of_biohealth",
                    town="Esch-sur-Alzette",
                    commune="Esch-sur-Alzette",
                    canton="Esch-sur-Alzette",
                    lat=hobh["lat"],
                    lon=hobh["lon"],
                    location_precision="site",
                )
            else:  # known only by a real commune
                commune, canton = communes[i % len(communes)]
                row.update(commune=commune, canton=canton, location_precision="commune")
            writer.writerow(row)
    return target


def count_with_niche(path: Path, niche: str) -> tuple[int, int]:
    """(companies with `niche`, all companies) in a companies.csv, read independently of the app."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return sum(niche in r["niches"].split(";") for r in rows), len(rows)


def scale(browser) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-map-"))
    try:
        t0 = time.perf_counter()
        data = synthetic_data_dir(tmp / "data", SCALE_N)
        n_digital, total = count_with_niche(data / "companies.csv", "digital-health")
        log(f"synthetic data: {total} companies in {time.perf_counter() - t0:.1f}s")
        srv = StreamlitServer(data)
        try:
            t0 = time.perf_counter()
            e2e_probe.one_run(
                browser,
                f"{srv.url}/",
                probe_args(wait_text=[count_text(total, total).split(" ", 1)[1]], timeout=180),
                EVERY_PROBLEM_COUNTS,
                None,
            )
            log(f"first session on 100k data: {time.perf_counter() - t0:.1f}s")
            map_args = probe_args(wait_selector=[CHART_CANVAS], wait_text=[count_text(total, total)], timeout=120)
            runs = [
                e2e_probe.one_run(browser, f"{srv.url}/map", map_args, EVERY_PROBLEM_COUNTS, None) for _ in range(2)
            ]
            log("filter latency on 100k data")
            lat = latency(f"{srv.url}/map?niche=digital-health", count_text(n_digital, total))
        finally:
            srv.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "scale_companies": total,
        "scale_map_found": all(r["found"] for r in runs),
        "scale_map_first_render_ms": median(r.get("first_render_ms") for r in runs),
        "scale_map_script_done_ms": median(r.get("script_done_ms") for r in runs),
        "scale_map_ws_bytes": median(r["ws_bytes_received"] for r in runs),
        "scale_map_problems": sorted({p for r in runs for p in problems(r)}),
        **{f"scale_filter_{k}": v for k, v in lat.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Map page benchmark")
    parser.add_argument("--baseline", type=Path, help="another checkout whose /map is measured in the same rounds")
    parser.add_argument("--rounds", type=int, default=RUNS, help=f"first-render rounds (default {RUNS})")
    opts = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    result: dict = {}
    servers = {
        "app": StreamlitServer(),
        "minimal": StreamlitServer(app=BENCH / "minimal_app.py"),
        "minimal_deck": StreamlitServer(app=BENCH / "minimal_pydeck_app.py"),
        "frame_deck": StreamlitServer(app=BENCH / "minimal_frame_app.py", env={"BENCH_FRAME_VIEW": "map"}),
        "minimal_multiselect": StreamlitServer(app=BENCH / "minimal_multiselect_app.py"),
    }
    if opts.baseline:
        base_dir = opts.baseline.resolve()
        servers["baseline"] = StreamlitServer(app=entry_point(base_dir), cwd=base_dir)
    try:
        with e2e_probe.sync_playwright() as pw:
            browser = e2e_probe.launch_browser(pw, os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
            try:
                result.update(first_render(browser, servers, opts.rounds))
                log("filter latency: minimal multiselect app, /map on the bundled data")
                base = latency(f"{servers['minimal_multiselect'].url}/", "1 of 2 chosen")
                n_digital, total = count_with_niche(REPO / "data" / "companies.csv", "digital-health")
                real = latency(f"{servers['app'].url}/map?niche=digital-health", count_text(n_digital, total))
                result.update({f"minimal_filter_{k}": v for k, v in base.items()})
                result.update({f"map_filter_{k}": v for k, v in real.items()})
                for server in servers.values():
                    server.stop()
                result.update(scale(browser))
            finally:
                browser.close()
    finally:
        for server in servers.values():
            if server.process.poll() is None:
                server.stop()
    ratio, payload, lat_ms = (
        result["first_render_ratio"],
        result["scale_map_ws_bytes"],
        result["scale_filter_page_ms"],
    )
    if result["minimal_filter_page_ms"] and lat_ms:
        result["scale_filter_ratio_to_minimal"] = round(lat_ms / result["minimal_filter_page_ms"], 2)
    result["goals"] = GOALS
    result["goal_first_render_ratio_met"] = ratio is not None and ratio <= GOALS["first_render_ratio_max"]
    result["goal_scale_payload_met"] = (
        result["scale_map_found"] and payload is not None and payload < GOALS["scale_payload_bytes_max"]
    )
    result["goal_filter_latency_met"] = (
        result["scale_filter_ok"] and lat_ms is not None and lat_ms < GOALS["filter_latency_ms_max"]
    )
    result["clean"] = not result["map_problems"] and not result["scale_map_problems"]
    return print_result(result, load_before, started)


if __name__ == "__main__":
    sys.exit(main())
