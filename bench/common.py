"""Shared by the benchmarks: the Niche filter-change measurement through interaction_latency.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


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
