"""Run every benchmark in bench/ (files named bench_*.py) and print their figures.

Each benchmark prints one JSON object on its last stdout line; results are also written to
bench/results/<name>.json. Figures are always reported beside a minimal Streamlit app measured
in the same run, as a ratio.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"


def main() -> int:
    """Run the benchmarks named on the command line, or all of them."""
    RESULTS.mkdir(exist_ok=True)
    names = sys.argv[1:] or sorted(p.stem for p in BENCH.glob("bench_*.py"))
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        proc = subprocess.run(
            [sys.executable, str(BENCH / f"{name}.py")], cwd=BENCH.parent, capture_output=True, text=True
        )
        lines = proc.stdout.strip().splitlines()
        if proc.returncode or not lines:
            failed += 1
            print(proc.stdout[-2000:], proc.stderr[-4000:])
            continue
        result = json.loads(lines[-1])
        (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2))
        print(json.dumps(result, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
