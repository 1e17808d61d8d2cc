"""What each layer of the Map costs in the browser (not a test): first render with each layer alone and without it.

The Map page's deck spec (default settings, bundled data) is taken with AppTest and replayed by
bench/deck_replay_app.py, which draws only the layers named in `?keep=`. In the same browser and the
same rounds, alternating, it measures the minimal app, the replay with every layer, with no layer,
each layer alone (and, with --without, each layer left out), and the real /map page. Figures are medians of RUNS runs
(with their spread: min and max) and ratios to the minimal app of the same run.
Prints one JSON line last. Run: .venv/bin/python bench/bench_map_layers.py [--runs N] [--without]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench import e2e_probe  # noqa: E402
from bench.bench_map import CHART_CANVAS, log, probe_args  # noqa: E402
from bench.common import print_result  # noqa: E402
from tests.e2e import StreamlitServer  # noqa: E402


def map_spec() -> tuple[str, str]:
    """(deck spec JSON, tooltip JSON) of the Map page with default settings."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/map.py").run()
    chart = at.get("deck_gl_json_chart")[0].proto
    return chart.json, chart.tooltip


def spread(values: list) -> dict:
    """Median, min and max of the runs that finished."""
    done = sorted(v for v in values if v is not None)
    if not done:
        return {"median": None, "min": None, "max": None}
    return {"median": done[len(done) // 2], "min": done[0], "max": done[-1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--without", action="store_true", help="also measure every layer left out (twice as long)")
    opts = parser.parse_args()
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    spec_json, tooltip_json = map_spec()
    layer_ids = [layer["id"] for layer in json.loads(spec_json)["layers"]]
    with tempfile.TemporaryDirectory(prefix="bench-layers-") as tmp:
        (Path(tmp) / "spec.json").write_text(spec_json, encoding="utf-8")
        (Path(tmp) / "tooltip.json").write_text(tooltip_json or "null", encoding="utf-8")
        os.environ["DECK_SPEC"], os.environ["DECK_TOOLTIP"] = f"{tmp}/spec.json", f"{tmp}/tooltip.json"
        servers = {
            "app": StreamlitServer(),
            "minimal": StreamlitServer(app=BENCH / "minimal_app.py"),
            "replay": StreamlitServer(app=BENCH / "deck_replay_app.py"),
        }
        canvas = probe_args(wait_selector=[CHART_CANVAS], timeout=60)
        replay = servers["replay"].url
        targets = {
            "minimal": (f"{servers['minimal'].url}/", probe_args(wait_text=["Minimal app"])),
            "map_page": (f"{servers['app'].url}/map", canvas),
            "all_layers": (f"{replay}/", canvas),
            "no_layer": (f"{replay}/?keep=", canvas),
            **{f"only_{i}": (f"{replay}/?keep={i}", canvas) for i in layer_ids},
        }
        if opts.without:
            targets |= {
                f"without_{i}": (f"{replay}/?keep={','.join(x for x in layer_ids if x != i)}", canvas)
                for i in layer_ids
            }
        ignore = re.compile(e2e_probe.DEFAULT_IGNORE)
        runs: dict[str, list] = {name: [] for name in targets}
        try:
            with e2e_probe.sync_playwright() as pw:
                browser = e2e_probe.launch_browser(pw, os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
                e2e_probe.one_run(browser, f"{servers['app'].url}/", probe_args(wait_text=["companies"]), ignore, None)
                for name in ("minimal", "map_page", "all_layers"):  # warm-up: first sessions of each server
                    e2e_probe.one_run(browser, *targets[name], ignore, None)
                for i in range(opts.runs):
                    log(f"round {i + 1}/{opts.runs}")
                    for name, (url, args) in targets.items():
                        r = e2e_probe.one_run(browser, url, args, ignore, None)
                        runs[name].append(r.get("first_render_ms") if r["found"] else None)
                        log(f"  {name}: {runs[name][-1]} ms")
                browser.close()
        finally:
            for server in servers.values():
                server.stop()
    base = spread(runs["minimal"])["median"]
    result = {"runs": opts.runs, "layers": layer_ids, "first_render_ms": {}, "ratio_to_minimal": {}}
    for name, values in runs.items():
        result["first_render_ms"][name] = spread(values)
        med = result["first_render_ms"][name]["median"]
        result["ratio_to_minimal"][name] = round(med / base, 2) if med and base else None
    return print_result(result, load_before, started)


if __name__ == "__main__":
    sys.exit(main())
