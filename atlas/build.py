"""Build the bundled `data/` directory from the research base in ../shared.

    python -m atlas.build [--shared ../shared] [--out data]

Companies: the rows of research/companies.csv with include=yes, with a stable id, subsector
and niche slugs, and commune, canton and position derived by `atlas.geography`. Landmarks,
communes and sector figures are copied (sector figures get a stable id). The output is then
loaded through `atlas.loading`, so a build that does not validate fails.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

import pandas as pd

from atlas import geography, loading
from atlas.text import slugify
from atlas.vocabulary import NICHES, SUBSECTORS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"

_SUBSECTOR_SLUGS = {label.casefold(): slug for slug, label in SUBSECTORS.items()}
_NICHE_SLUGS = {label.casefold(): slug for slug, label in NICHES.items()}


def subsector_slug(label: str) -> str:
    """'software & digital health' -> 'software-digital-health'; blank stays blank."""
    return _SUBSECTOR_SLUGS[label.strip().casefold()] if label.strip() else ""


def niche_slugs(labels: str) -> str:
    """'digital health; neurodegenerative diseases' -> 'digital-health;neurodegenerative-diseases'."""
    return ";".join(_NICHE_SLUGS[p.strip().casefold()] for p in labels.split(";") if p.strip())


def build_companies(research: pd.DataFrame, landmarks: pd.DataFrame, communes) -> pd.DataFrame:
    """The included research rows in the data/ schema, placed on the map."""
    rows = research[research["include"].str.strip().str.lower() == "yes"].copy()
    rows["id"] = rows["name"].map(slugify)
    rows["subsector"] = rows["subsector"].map(subsector_slug)
    rows["niches"] = rows["niches"].map(niche_slugs)
    rows["verified_on"] = ""  # the research base records no verification date: unknown
    placed = geography.place_companies(rows, landmarks, communes)
    columns = [c for c in loading.COMPANY_COLUMNS if c not in loading.OWNER_COLUMNS]
    return placed[columns].sort_values("id", ignore_index=True)


def build(shared: Path, out: Path) -> loading.Dataset:
    """Write companies, landmarks, communes and sector figures into `out`, then load them."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "data" / "lu_communes.geojson", out / loading.COMMUNES_FILE)
    shutil.copyfile(shared / "data" / "landmarks.csv", out / loading.LANDMARKS_FILE)
    communes = loading.load_communes(out / loading.COMMUNES_FILE)
    landmarks = loading.load_landmarks(out / loading.LANDMARKS_FILE)

    research = pd.read_csv(shared / "research" / "companies.csv", dtype=str, keep_default_na=False)
    companies = build_companies(research, landmarks, communes)
    companies.to_csv(out / loading.COMPANIES_FILE, index=False, quoting=csv.QUOTE_MINIMAL)

    figures = pd.read_csv(shared / "research" / "sector_figures.csv", dtype=str, keep_default_na=False)
    figures.insert(0, "id", figures["figure"].map(slugify))
    figures.to_csv(out / loading.SECTOR_FIGURES_FILE, index=False)
    return loading.load_files(out)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=REPO / "data")
    args = parser.parse_args()
    dataset = build(args.shared, args.out)
    print(f"{len(dataset.companies)} companies, {len(dataset.landmarks)} landmarks written to {args.out}")


if __name__ == "__main__":
    main()
