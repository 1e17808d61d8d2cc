"""Benchmark of the owners' page: time from file upload to report, measured in the browser.

An editor signs in through a local OIDC provider (oidc-provider-mock) and uploads SYNTHETIC owners'
spreadsheets (French headers, semicolons, Windows-1252), generated here: about 130 companies (the size
of the official mapping) and 20,000. The time runs from handing the file to the uploader until the
report and the difference are on screen and the script run has finished. Beside it, the same files
uploaded to a minimal app that only receives them (bench/minimal_upload_app.py), in the same run,
and the server-side `prepare_import` alone. Each run uses a file with different bytes, so nothing is
served from the page's per-session cache.

    .venv/bin/python bench/bench_manage.py        # one JSON line on stdout; progress on stderr
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

import oidc_provider_mock  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from atlas.importing import prepare_import  # noqa: E402
from atlas.loading import load_files  # noqa: E402
from atlas.vocabulary import SUBSECTORS  # noqa: E402
from bench.bench_companies import synthetic_rows  # noqa: E402
from tests.e2e import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PageProblems,
    StreamlitServer,
    free_port,
    sign_in,
    wait_done,
    write_auth_secrets,
)
from tests.importing_files import csv_bytes  # noqa: E402

SIZES = (130, 20_000)
RUNS = {130: 3, 20_000: 2}
EDITOR = "bench.editor@example.org"
HEADER = ["Nom", "Site web", "Année de création", "Localité", "Sous-secteur", "Niches", "Sources", "Confiance", "Notes"]
REPORT_DONE = "What would change against version"
TIMEOUT_MS = 240_000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def owners_file(n: int, run: int) -> bytes:
    """n SYNTHETIC companies as an owners' export; `run` changes one column so that every file differs."""
    rows = [HEADER]
    for r in synthetic_rows(n):
        rows.append(
            [
                f"Synthetic bench company {r['id'].split('-')[-1]}",
                f"{r['id']}.example.org",
                r["founded_year"],
                r.get("town", ""),
                SUBSECTORS[r["subsector"]],
                r["niches"].replace(";", "|"),
                f"https://{r['id']}.example.org/source",
                "faible",
                f"synthetic benchmark run {run}",
            ]
        )
    return csv_bytes(rows, delimiter=";", encoding="cp1252")


def upload_time(page, data: bytes, name: str, done_text: str) -> float:
    """Seconds from giving the uploader `data` until `done_text` shows and the run has finished."""
    start = time.perf_counter()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_text(done_text).first.wait_for(timeout=TIMEOUT_MS)
    wait_done(page, TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    page.locator('[data-testid="stFileChipDeleteBtn"]').first.click()  # abandon the upload: nothing is written
    page.get_by_text(done_text).first.wait_for(state="detached", timeout=TIMEOUT_MS)
    wait_done(page, TIMEOUT_MS)
    return elapsed


def server_side(n: int) -> float:
    """prepare_import alone on the same kind of file (no browser, no upload), seconds."""
    dataset = load_files()
    current = dataset.companies.drop(columns="search_key")
    data = owners_file(n, 0)
    start = time.perf_counter()
    report = prepare_import(
        data, "bench.csv", current=current, base=1, landmarks=dataset.landmarks, communes=dataset.communes
    )
    elapsed = time.perf_counter() - start
    assert not report.has_errors and len(report.diff.added) == n, report.problems[:3]
    return elapsed


def main() -> int:
    """Measure, print one JSON line."""
    result: dict = {"synthetic": True, "sizes": {}}
    tmp = Path(tempfile.mkdtemp(prefix="bench-manage-"))
    with oidc_provider_mock.run_server_in_thread() as idp:
        port = free_port()
        secrets_file = write_auth_secrets(
            tmp / "secrets.toml", app_port=port, idp_url=f"http://127.0.0.1:{idp.server_port}", editors=[EDITOR]
        )
        app = StreamlitServer(port=port, secrets_file=secrets_file)
        minimal = StreamlitServer(app=BENCH / "minimal_upload_app.py")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.problems = PageProblems()  # sign_in records which URLs are the provider's
                sign_in(page, app.url, EDITOR)
                base = browser.new_context().new_page()
                base.goto(minimal.url)
                wait_done(base)
                for n in SIZES:
                    files = [owners_file(n, run) for run in range(RUNS[n])]
                    log(f"{n} companies: {len(files[0]) / 1e6:.2f} MB per file")
                    page_times = [upload_time(page, f, f"bench-{n}-{i}.csv", REPORT_DONE) for i, f in enumerate(files)]
                    base_times = [upload_time(base, f, f"bench-{n}-{i}.csv", "Received") for i, f in enumerate(files)]
                    prepare = server_side(n)
                    result["sizes"][str(n)] = {
                        "file_mb": round(len(files[0]) / 1e6, 2),
                        "upload_to_report_s": [round(t, 2) for t in page_times],
                        "upload_to_report_median_s": round(statistics.median(page_times), 2),
                        "minimal_upload_median_s": round(statistics.median(base_times), 2),
                        "prepare_import_s": round(prepare, 2),
                    }
                    log(json.dumps(result["sizes"][str(n)]))
                browser.close()
        finally:
            app.stop()
            minimal.stop()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
