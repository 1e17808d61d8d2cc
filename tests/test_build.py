"""data/ is exactly what `python -m atlas.build` makes from ../shared (no hand edits)."""

import filecmp

import pytest

from atlas.build import DEFAULT_SHARED, build, niche_slugs, subsector_slug
from atlas.loading import COMMUNES_FILE, COMPANIES_FILE, LANDMARKS_FILE, SECTOR_FIGURES_FILE
from tests.conftest import DATA


def test_label_to_slug():
    assert subsector_slug("software & digital health") == "software-digital-health"
    assert subsector_slug("") == ""
    assert niche_slugs("digital health;neurodegenerative diseases") == "digital-health;neurodegenerative-diseases"
    with pytest.raises(KeyError):
        niche_slugs("cardiology")


@pytest.mark.skipif(not (DEFAULT_SHARED / "research").is_dir(), reason="../shared is not beside this checkout")
def test_bundled_data_is_reproducible(tmp_path):
    # build() needs the hand-kept provenance files, which are not derived from ../shared.
    for name in ("sources.csv", "site_facts.csv"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    dataset = build(DEFAULT_SHARED, tmp_path)
    for name in (COMPANIES_FILE, LANDMARKS_FILE, COMMUNES_FILE, SECTOR_FIGURES_FILE):
        assert filecmp.cmp(tmp_path / name, DATA / name, shallow=False), f"data/{name} differs from a fresh build"
    assert len(dataset.companies) == 52
