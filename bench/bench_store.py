"""Data store benchmark (not a test): publishing 20,000 companies on SQLite and PostgreSQL, the time a running
app takes to show a new version, and a page rerun with the store vs the file-based loading (same run, ratio).

1. Publish: 20,000 SYNTHETIC companies (ids synthetic-<n>, generated here as in bench_companies.py) published
   into an empty store, then an update of the same size (200 changed, 100 added, 100 removed) on top;
   validation, diff and the one transaction included; wall time and this process's CPU time (the wall
   time of a busy shared machine overstates it). SQLite in a temporary directory and a throwaway
   PostgreSQL cluster (tests/postgres.py). Goal: publish < 3 s.
2. A running app (streamlit run, its own SQLite store holding the 20,000 companies) has /about open in
   headless chromium; a new version is published from this process; the page is reloaded until it shows
   the new version number. Seconds from the commit to the page showing it. Goal: < 30 s.
3. Page rerun: AppTest reruns of /companies on the same 20,000 companies, alternately with the store-backed
   components.data and with the file-based loading of before the store (load_files cached per directory,
   as components/data.py did), medians and ratio. Goal: ratio <= 1.1 (unchanged in speed).

Nothing is written to data/ or var/. Prints one JSON line last. Run: .venv/bin/python bench/bench_store.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

import components.data  # noqa: E402
from atlas.loading import data_dir, load_files, seed_store  # noqa: E402
from atlas.store import COMPANY_COLUMNS, DATABASE_URL_ENV, DatasetVersion, Store  # noqa: E402
from bench.bench_companies import synthetic_rows  # noqa: E402
from tests.conftest import add_synthetic_companies, copy_data_dir  # noqa: E402
from tests.e2e import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, wait_done  # noqa: E402
from tests.postgres import PostgresCluster  # noqa: E402

SYNTHETIC = 20_000
PUBLISH_RUNS = 3
SHOW_RUNS = 2
RERUNS = 12
GOAL_PUBLISH_S, GOAL_SHOW_S, GOAL_RERUN_RATIO = 3.0, 30.0, 1.1
VERSION_METRIC = '[data-testid="stMetric"]:has-text("Version in use") [data-testid="stMetricValue"]'


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def update_of(companies: pd.DataFrame, round_: int) -> pd.DataFrame:
    """The same companies with 200 renamed, the first 100 removed and 100 new synthetic ones added."""
    frame = companies.iloc[100:].copy()
    frame.iloc[:200, frame.columns.get_loc("name")] = [f"Synthetic renamed {round_}-{i}" for i in range(200)]
    new = pd.DataFrame(synthetic_rows(100))
    new["id"] = [f"synthetic-new-{round_}-{i}" for i in range(100)]
    return pd.concat([frame, new.reindex(columns=COMPANY_COLUMNS, fill_value="")], ignore_index=True)


def publish_times(url: str, companies: pd.DataFrame) -> dict:
    """Seconds to publish 20,000 companies into an empty store, then updates of the same size (median)."""
    with Store(url) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        store.publish(companies, base=None, author="bench", note="synthetic", source_name="synthetic.csv")
        first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
        updates, cpu, current = [], [], companies
        for round_ in range(PUBLISH_RUNS):
            current = update_of(current, round_)
            t0, c0 = time.perf_counter(), time.process_time()
            version = store.publish(current, base=store.latest_number(), author="bench", note="synthetic update")
            updates.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        t0 = time.perf_counter()
        polls = [store.latest_number() for _ in range(100)]
        poll_ms = (time.perf_counter() - t0) * 10
    assert polls[-1] == version.number and (version.added, version.removed) == (100, 100)
    return {
        "publish_empty_s": round(first, 2),
        "publish_empty_cpu_s": round(first_cpu, 2),
        "publish_update_s_median": round(statistics.median(updates), 2),
        "publish_update_s": [round(s, 2) for s in updates],
        "publish_update_cpu_s_median": round(statistics.median(cpu), 2),
        "update_counts": {"added": version.added, "changed": version.changed, "removed": version.removed},
        "poll_latest_number_ms": round(poll_ms, 2),
        "goal_publish_met": max(first, *updates) < GOAL_PUBLISH_S,
    }


def shown_version(page) -> str:
    return page.locator(VERSION_METRIC).first.inner_text(timeout=60_000).strip()


def time_to_show(directory: Path, companies: pd.DataFrame, tmp: Path) -> dict:
    """Seconds from publishing a version to a running app's /about showing it (page reloaded every 0.5 s)."""
    url = f"sqlite:///{tmp / 'app.sqlite'}"
    with Store(url) as store:
        store.publish(companies, base=None, author="bench", note="synthetic")
    server = StreamlitServer(directory, database_url=url)
    waits = []
    try:
        with sync_playwright() as p, Store(url) as store:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{server.url}/about", timeout=120_000)
            wait_done(page, 120_000)
            for round_ in range(SHOW_RUNS):
                version = store.publish(
                    update_of(store.companies(), round_), base=store.latest_number(), author="bench", note=""
                )
                published = time.perf_counter()
                while shown_version(page) != str(version.number):
                    if time.perf_counter() - published > 60:
                        raise RuntimeError("the new version did not show within 60 s")
                    time.sleep(0.5)
                    page.reload()
                    wait_done(page, 60_000)
                waits.append(time.perf_counter() - published)
            browser.close()
    finally:
        server.stop()
    return {
        "show_new_version_s": [round(s, 1) for s in waits],
        "poll_interval_s": components.data.VERSION_POLL_SECONDS,
        "goal_show_met": max(waits) < GOAL_SHOW_S,
    }


def file_based_loading(version: DatasetVersion) -> dict:
    """components.data as it was before the store: load_files cached per data directory (the store's
    `version` attached, since pages now name it)."""

    @st.cache_data(show_spinner=False)
    def cached(directory: str):
        return replace(load_files(Path(directory)), version=version)

    @st.cache_data(show_spinner=False)
    def options(directory: str):
        return components.data.filter_options(cached(directory).companies)

    def get_dataset():
        return cached(str(data_dir()))

    def get_filter_options():
        get_dataset()  # as components/data.py did: the dataset first, then the options
        return options(str(data_dir()))

    return {"get_dataset": get_dataset, "get_filter_options": get_filter_options}


def rerun_times(directory: Path, tmp: Path) -> dict:
    """Median AppTest rerun of /companies with the store and with the file-based loading, alternating."""
    os.environ["HEALTHTECH_DATA_DIR"] = str(directory)
    os.environ[DATABASE_URL_ENV] = url = f"sqlite:///{tmp / 'rerun.sqlite'}"
    with Store(url) as store:
        seed_store(store, directory)
        version = store.latest()
    store_functions = {
        "get_dataset": components.data.get_dataset,
        "get_filter_options": components.data.get_filter_options,
    }
    variants = {"store": store_functions, "files": file_based_loading(version)}
    apps, times = {}, {name: [] for name in variants}
    for name, functions in variants.items():
        for attribute, function in functions.items():
            setattr(components.data, attribute, function)
        apps[name] = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
        apps[name].run()
        apps[name].switch_page("pages/companies.py").run()  # first run: seeds the store, fills the caches
        assert not apps[name].exception, apps[name].exception
    for _ in range(RERUNS):
        for name, functions in variants.items():
            for attribute, function in functions.items():
                setattr(components.data, attribute, function)
            t0 = time.perf_counter()
            apps[name].run()
            times[name].append(time.perf_counter() - t0)
    shown = {name: app.markdown for name, app in apps.items()}
    assert [m.value for m in shown["store"]] == [m.value for m in shown["files"]], "both variants show the same page"
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["store"] / medians["files"]
    return {
        "rerun_companies_store_ms": round(medians["store"] * 1000),
        "rerun_companies_files_ms": round(medians["files"] * 1000),
        "rerun_ratio_store_vs_files": round(ratio, 2),
        "goal_rerun_met": ratio <= GOAL_RERUN_RATIO,
    }


def main() -> int:
    started = time.perf_counter()
    result: dict = {"synthetic_companies": SYNTHETIC}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp_name:
        tmp = Path(tmp_name)
        directory = copy_data_dir(tmp / "data")
        add_synthetic_companies(directory, synthetic_rows(SYNTHETIC))
        companies = load_files(directory).companies[COMPANY_COLUMNS]
        phases = {"generate_s": time.perf_counter() - started}
        log(f"{len(companies)} companies; SQLite publish")
        result["sqlite"] = publish_times(f"sqlite:///{tmp / 'publish.sqlite'}", companies)
        phases["sqlite_s"] = time.perf_counter() - started
        log("PostgreSQL publish")
        cluster = PostgresCluster()
        try:
            result["postgresql"] = publish_times(cluster.new_database(), companies)
        finally:
            cluster.stop()
        phases["postgresql_s"] = time.perf_counter() - started
        log("time for a running app to show a new version")
        result["running_app"] = time_to_show(directory, companies, tmp)
        phases["running_app_s"] = time.perf_counter() - started
        log("page rerun: store vs files")
        result["page_rerun"] = rerun_times(directory, tmp)
        phases["page_rerun_s"] = time.perf_counter() - started
    result["elapsed_after_phase_s"] = {k: round(v, 1) for k, v in phases.items()}
    result["goals"] = {"publish_s": GOAL_PUBLISH_S, "show_s": GOAL_SHOW_S, "rerun_ratio": GOAL_RERUN_RATIO}
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["total_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
