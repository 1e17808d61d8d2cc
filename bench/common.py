"""Shared by the benchmarks: the Niche filter-change measurement and the closing JSON line of every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from atlas import formats
from atlas.strings import t

BENCH = Path(__file__).resolve().parent


def count_text(shown: int, total: int) -> str:
    """The pages' "N of M companies" sentence as it shows in English (numbers grouped: 33,348 of 100,052)."""
    return t("count.companies", n=formats.number(shown), total=formats.number(total))


def niche_latency(url: str, watch_text: str, n: int, option: str = "Digital health", timeout_s: int = 200) -> dict:
    """interaction_latency.py on the 'Niche' multiselect (remove / re-add `option`, n times); its JSON.

    A run that printed nothing comes back as {"ok": False, "error": <stderr tail>}.
    """
    cmd = [
        sys.executable,
        str(BENCH / "interaction_latency.py"),
        url,
        *("--widget", "multiselect", "--label", "Niche", "--option", option),
        *("--watch-text", watch_text, "--n", str(n), "--warmup", "--timeout", "60"),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, cwd=BENCH.parent)
    lines = proc.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"ok": False, "error": proc.stderr[-2000:]}


def print_result(result: dict, load_before: float, started: float) -> int:
    """Add the machine's load, its cores and the elapsed time to `result`, print it as one JSON line; exit code 0."""
    result["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result["cpus"] = os.cpu_count()
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0
