"""Import benchmark: the dry run (read, map, validate, diff) of a 20,000-company file in CSV and XLSX, and
its publish into the store on SQLite and on a throwaway PostgreSQL cluster.

The synthetic companies are generated here (names 'Synthetic import company N', websites under .example),
never written to data/. The file is the Atlas's own export (atlas.export) of the current companies with
1,000 changed and 500 new. Goals: dry run under 5 s, publish under 3 s.
Prints one JSON line last; exit status 1 only when a measurement failed (goals are in the JSON).
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

import pandas as pd  # noqa: E402

from atlas import geography, loading  # noqa: E402
from atlas.export import to_csv, to_xlsx  # noqa: E402
from atlas.importing import prepare_import, publish_import  # noqa: E402
from atlas.importing.read import read_table  # noqa: E402
from atlas.store import COMPANY_COLUMNS, Store  # noqa: E402
from atlas.text import slugify  # noqa: E402
from atlas.vocabulary import NICHES, SUBSECTORS  # noqa: E402
from tests.conftest import synthetic_company  # noqa: E402
from tests.postgres import PostgresCluster, postgres_bin  # noqa: E402

COMPANIES, CHANGED, ADDED = 20_000, 1_000, 500
ROUNDS = 3  # dry runs per format; the median is reported
GOAL_DRY_RUN_S, GOAL_PUBLISH_S = 5.0, 3.0
TOWNS = ["Luxembourg", "Esch-sur-Alzette", "Belval", "Foetz", "Differdange", "Mamer", "Beiler", "Junglinster"]
NICHE_CYCLE = [*NICHES, "", "digital-health;neurodegenerative-diseases"]
ABOUT = [("About", "synthetic benchmark companies")]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def synthetic_companies(first: int, n: int, landmarks: pd.DataFrame, communes) -> pd.DataFrame:
    """n valid synthetic companies numbered from `first`, placed by the geography as the build places them."""
    subsectors = list(SUBSECTORS)
    rows = []
    for i in range(first, first + n):
        name = f"Synthetic import company {i}"
        at_site = i % 50 == 0
        rows.append(
            synthetic_company(
                slugify(name),
                name,
                website=f"synthetic-{i}.example",
                founded_year=str(1990 + i % 36),
                subsector=subsectors[i % len(subsectors)],
                niches=NICHE_CYCLE[i % len(NICHE_CYCLE)],
                town="" if at_site else TOWNS[i % len(TOWNS)],
                site="House of BioHealth" if at_site else "",
                street_address="",
                notes="",
                verified_on="2026-01-15" if i % 3 == 0 else "",
            )
        )
    frame = pd.DataFrame(rows).reindex(columns=COMPANY_COLUMNS, fill_value="")
    placed = geography.place_companies(frame, landmarks, communes)[COMPANY_COLUMNS]
    placed["founded_year"] = placed["founded_year"].astype("Int64")
    placed[["lat", "lon"]] = placed[["lat", "lon"]].astype("float64")
    return placed


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def dry_run(data: bytes, name: str, current: pd.DataFrame, base: int, landmarks, communes) -> dict:
    """Median seconds of ROUNDS dry runs, the read step alone, and the report's counts."""
    read_s = statistics.median(timed(lambda: read_table(data, name))[0] for _ in range(ROUNDS))
    runs = [
        timed(
            lambda: prepare_import(
                data, name, current=current, base=base, landmarks=landmarks, communes=communes, mode="upsert"
            )
        )
        for _ in range(ROUNDS)
    ]
    report = runs[-1][1]
    return {
        "file_mb": round(len(data) / 1e6, 2),
        "read_s": round(read_s, 3),
        "dry_run_s": round(statistics.median(s for s, _ in runs), 3),
        "rows": report.rows,
        "errors": sum(p.severity == "error" for p in report.problems),
        "diff": report.diff.counts(),
        "report": report,
    }


def publish(url: str, current: pd.DataFrame, data: bytes, landmarks, communes) -> dict:
    """Seed the store with the current companies, prepare the file on it, and time publish_import."""
    with Store(url) as store:
        seed_s, _ = timed(lambda: store.seed_if_empty(current))
        report = prepare_import(
            data,
            "bench.csv",
            current=store.companies(),
            base=store.latest_number(),
            landmarks=landmarks,
            communes=communes,
        )
        publish_s, version = timed(lambda: publish_import(store, report, author="bench", note="synthetic benchmark"))
        read_s, companies = timed(lambda: store.companies())
        return {
            "seed_s": round(seed_s, 3),
            "publish_s": round(publish_s, 3),
            "read_latest_s": round(read_s, 3),
            "version": version.number,
            "counts": {"added": version.added, "changed": version.changed, "removed": version.removed},
            "companies_after": len(companies),
        }


def main() -> int:
    data_dir = loading.data_dir()
    landmarks = loading.load_landmarks(data_dir / loading.LANDMARKS_FILE)
    communes = loading.load_communes(data_dir / loading.COMMUNES_FILE)
    log(f"generating {COMPANIES:,} synthetic companies")
    current = synthetic_companies(0, COMPANIES, landmarks, communes)
    edited = current.copy()
    edited.loc[: CHANGED - 1, "description"] = edited.loc[: CHANGED - 1, "description"] + " (edited)"
    edited = pd.concat([edited, synthetic_companies(COMPANIES, ADDED, landmarks, communes)], ignore_index=True)
    files = {"csv": to_csv(edited, ABOUT), "xlsx": to_xlsx(edited, ABOUT)}
    result: dict = {"companies": COMPANIES, "changed": CHANGED, "added": ADDED, "rounds": ROUNDS}
    failed = False
    for kind, data in files.items():
        log(f"dry run {kind}")
        measured = dry_run(data, f"bench.{kind}", current, 1, landmarks, communes)
        report = measured.pop("report")
        failed |= bool(measured["errors"]) or measured["diff"] != {"added": ADDED, "changed": CHANGED, "removed": 0}
        result[f"dry_run_{kind}"] = measured | {"goal_s": GOAL_DRY_RUN_S, "ok": measured["dry_run_s"] < GOAL_DRY_RUN_S}
        del report
    with tempfile.TemporaryDirectory() as tmp:
        log("publish on SQLite")
        result["publish_sqlite"] = publish(f"sqlite:///{tmp}/bench.sqlite", current, files["csv"], landmarks, communes)
    if postgres_bin() is not None:
        log("publish on PostgreSQL")
        cluster = PostgresCluster()
        try:
            result["publish_postgresql"] = publish(cluster.new_database(), current, files["csv"], landmarks, communes)
        finally:
            cluster.stop()
    for key in ("publish_sqlite", "publish_postgresql"):
        if key in result:
            result[key] |= {"goal_s": GOAL_PUBLISH_S, "ok": result[key]["publish_s"] < GOAL_PUBLISH_S}
    print(json.dumps(result))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
