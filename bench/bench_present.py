"""Benchmark of presenter mode and the one-page brief (not a test), each beside a minimal Streamlit app.

1. Brief generation in this process (no browser): median wall and CPU time of the PDF and of the
   PNG of the Map view (south, all layers), after one warm-up, RUNS runs. Goal: under 3 s.
2. Brief download in the browser: from the click on "One-page brief (PDF)" / "(PNG)" on /map to
   the file arriving, beside the click on a lazy st.download_button of bench/minimal_present_app.py
   (a callable returning a few bytes), measured in the same browser, alternating.
3. Slide change in the browser: from the PageDown / PageUp key press to the new slide counter and
   Streamlit's run finishing (in-page timings, bench/interaction_latency.py's recorder), through
   every slide of the default story and back, beside the same keys on the minimal app.

Prints one JSON line last, with the machine's load average (other processes skew browser timings).
Run: .venv/bin/python bench/bench_present.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from atlas import map_layers as ml  # noqa: E402
from atlas import stories  # noqa: E402
from atlas.brief import BriefView, brief_pdf, brief_png  # noqa: E402
from atlas.filters import Filters, filter_options  # noqa: E402
from atlas.loading import data_dir, load_dataset  # noqa: E402
from bench.interaction_latency import RECORDER_JS  # noqa: E402
from tests.e2e import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, wait_done  # noqa: E402

RUNS = 3
DOWNLOADS = 3
TIMEOUT_MS = 180_000
GOAL_BRIEF_S = 3.0


def log(*parts) -> None:
    """Progress on stderr (stdout ends with the one JSON line)."""
    print(*parts, file=sys.stderr, flush=True)


def median_ms(values: list[float]) -> float | None:
    """Median in milliseconds, one decimal."""
    return round(statistics.median(values) * 1000, 1) if values else None


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (pdftoppm), user plus system."""
    return sum(os.times()[:4])


def brief_in_process() -> dict:
    """Wall and CPU time of the PDF and the PNG brief of the south map view (CPU time is what an idle
    machine's wall time would be; the wall time here depends on what else runs)."""
    dataset = load_dataset(data_dir())
    options = filter_options(dataset.companies)
    view = BriefView("Benchmark brief", Filters(), ml.MapSettings(view="south"), "http://localhost:8501/map", "map")
    out = {}
    for name, build in (("pdf", brief_pdf), ("png", brief_png)):
        build(view, dataset, options)  # warm-up
        walls, cpus = [], []
        for _ in range(RUNS):
            wall, cpu = time.perf_counter(), cpu_seconds()
            build(view, dataset, options)
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu_seconds() - cpu)
        out[name] = {"wall_ms": median_ms(walls), "cpu_ms": median_ms(cpus), "max_wall_ms": round(max(walls) * 1000)}
    return out


def download_ms(page, button: str) -> float:
    """Seconds from the click on `button` to the download event."""
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        start = time.perf_counter()
        page.get_by_role("button", name=button).click(timeout=TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    info.value.path()  # the whole file arrived
    return elapsed


def downloads(browser, atlas: StreamlitServer, minimal: StreamlitServer) -> dict:
    """Click-to-file of the brief on /map and of the minimal app's download, alternating."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    atlas_page, minimal_page = context.new_page(), context.new_page()
    atlas_page.goto(f"{atlas.url}/")
    wait_done(atlas_page, TIMEOUT_MS)
    atlas_page.goto(f"{atlas.url}/map?view=south")
    wait_done(atlas_page, TIMEOUT_MS)
    minimal_page.goto(minimal.url)
    wait_done(minimal_page, TIMEOUT_MS)
    times: dict[str, list[float]] = {"pdf": [], "png": [], "minimal": []}
    download_ms(minimal_page, "Download")  # warm-up
    for _ in range(DOWNLOADS):
        times["minimal"].append(download_ms(minimal_page, "Download"))
        times["pdf"].append(download_ms(atlas_page, "One-page brief (PDF)"))
        times["png"].append(download_ms(atlas_page, "One-page brief (PNG)"))
    context.close()
    out = {k: median_ms(v) for k, v in times.items()}
    out["pdf_ratio"] = round(out["pdf"] / out["minimal"], 1)
    return out


def slide_changes(browser, url: str, total: int, counter: str) -> dict:
    """In-page ms from PageDown/PageUp to the next counter text and to the run finishing."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.add_init_script(RECORDER_JS)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text[:200]) if m.type == "error" and "404" not in m.text else None)
    page.goto(urlsplit(url)._replace(path="/", query="").geturl())  # a deep link into a fresh server can 404
    wait_done(page, TIMEOUT_MS)
    page.goto(url)
    page.get_by_text(counter.format(n=1, total=total), exact=True).wait_for(timeout=TIMEOUT_MS)
    wait_done(page, TIMEOUT_MS)
    steps = [(n, "PageDown") for n in range(2, total + 1)] + [(n, "PageUp") for n in range(total - 1, 0, -1)]
    samples = []
    for number, key in [(2, "PageDown"), (1, "PageUp"), *steps]:  # the first pair warms up
        page.evaluate("([t, p]) => window.__latArm(t, p)", [counter.format(n=number, total=total), True])
        page.keyboard.press(key)
        page.wait_for_function("() => window.__lat && window.__lat.tDone !== null", timeout=TIMEOUT_MS, polling=10)
        record = page.evaluate("window.__lat")
        samples.append((record["tCond"] - record["tInput"], record["tDone"] - record["tInput"]))
    page.close()
    samples = samples[2:]
    return {
        "changes": len(samples),
        "counter_ms": round(statistics.median(s[0] for s in samples), 1),
        "done_ms": round(statistics.median(s[1] for s in samples), 1),
        "max_done_ms": round(max(s[1] for s in samples), 1),
        "console_errors": errors,
    }


def main() -> int:
    """Run the three measurements and print the JSON line."""
    log("brief in process")
    result = {"load_before": os.getloadavg(), "brief_in_process": brief_in_process()}
    story = stories.load_story(stories.DEFAULT_STORY)
    atlas, minimal = StreamlitServer(), StreamlitServer(app=BENCH / "minimal_present_app.py")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            log("slide changes")
            result["slide_change"] = {
                "atlas": slide_changes(
                    browser, f"{atlas.url}/present?story=sector&slide=1", len(story.slides), "Slide {n} of {total}"
                ),
                "minimal": slide_changes(browser, f"{minimal.url}/?slide=1", 6, "Slide {n} of {total}"),
            }
            atlas_done, minimal_done = (result["slide_change"][k]["done_ms"] for k in ("atlas", "minimal"))
            result["slide_change"]["ratio"] = round(atlas_done / minimal_done, 1)
            log("downloads")
            result["brief_download"] = downloads(browser, atlas, minimal)
            browser.close()
    finally:
        atlas.stop()
        minimal.stop()
    result["goal_brief_under_s"] = GOAL_BRIEF_S
    result["goal_met_wall"] = result["brief_in_process"]["png"]["wall_ms"] < GOAL_BRIEF_S * 1000
    result["goal_met_cpu"] = result["brief_in_process"]["png"]["cpu_ms"] < GOAL_BRIEF_S * 1000
    result["load_after"] = os.getloadavg()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
