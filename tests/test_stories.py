"""Story files: the default story loads and checks against the data; broken files name file, slide and field."""

from __future__ import annotations

import re
import tomllib

import pytest

from atlas import stories
from atlas.map_layers import RING_RADII_KM

SECTOR = stories.STORIES_DIR / "sector.toml"


def write_story(tmp_path, text: str, name: str = "broken") -> str:
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return name


def problems_of(tmp_path, text: str, dataset=None) -> list[str]:
    with pytest.raises(stories.StoryError) as err:
        stories.load_story(write_story(tmp_path, text), dataset, tmp_path)
    return err.value.problems


def test_default_story_loads_and_every_slide_has_a_source_line(dataset):
    story = stories.load_story(stories.DEFAULT_STORY, dataset)
    assert story.title and len(story.slides) == 6
    for slide in story.slides:
        sources = stories.slide_sources(slide, dataset, len(dataset.companies), "bundled files")
        assert sources, slide.title
        assert slide.live_page in stories.PAGES


def test_default_story_covers_what_the_issue_asks(dataset):
    story = stories.load_story(stories.DEFAULT_STORY, dataset)
    figures = {f for s in story.slides for f in s.figures}
    assert "healthtech-entities-companies-mapped-2025-mapping" in figures  # 130 companies
    assert "healthtech-sector-employment-2025-mapping" in figures  # about 2,500 jobs
    assert any(s.chart == "subsector_shares" for s in story.slides)
    assert any(s.map and s.map.get("view") == "south" for s in story.slides)
    nearby = [s for s in story.slides if s.listing == "nearby"]
    assert nearby and stories.slide_map_settings(nearby[0], dataset).radius == 10
    assert any("young" in s.kpis for s in story.slides)
    assert any({"luxinnovation", "house_of_biohealth"} <= set(s.places) for s in story.slides)


def test_default_story_types_no_number_of_its_own(dataset):
    """Numbers in titles, texts and notes are only ring radii or years of the figures the story cites."""
    raw = tomllib.loads(SECTOR.read_text(encoding="utf-8"))
    cited = {f for s in raw["slide"] for f in s.get("figures", [])}
    figures = dataset.sector_figures.set_index("id")
    allowed = {str(r) for r in RING_RADII_KM} | {str(figures.loc[f, "year_of_data"]) for f in cited} | {"2025"}
    words = " ".join(s.get(k, "") for s in raw["slide"] for k in ("title", "text", "notes"))
    assert set(re.findall(r"\d+", words)) <= allowed


def test_slide_urls_and_numbers():
    assert stories.slide_path("sector", 3) == "/present?story=sector&slide=3"
    assert stories.slide_query("sector", 3) == {"story": "sector", "slide": "3"}
    assert stories.slide_number("3", 6) == 3
    assert stories.slide_number("99", 6) == 6
    assert stories.slide_number("0", 6) == 1
    assert stories.slide_number("two", 6) == 1
    assert stories.slide_number(None, 6) == 1


def test_live_view_of_a_map_slide_carries_its_settings(dataset):
    story = stories.load_story(stories.DEFAULT_STORY, dataset)
    south = next(s for s in story.slides if s.map and s.map.get("view") == "south")
    assert south.live_page == "map"
    assert south.live_params["view"] == "south"
    niches = next(s for s in story.slides if s.listing == "companies")
    assert niches.live_page == "companies" and "digital-health" in niches.live_params["niche"]


def test_invalid_toml_names_the_file(tmp_path):
    [problem] = problems_of(tmp_path, 'title = "x"\n[[slide]\n')
    assert problem.startswith("stories/broken.toml is not valid TOML")


def test_missing_story_lists_the_available_ones(tmp_path):
    write_story(tmp_path, 'title = "x"\n[[slide]]\ntitle = "a"\nkpis = ["companies"]\n', "good")
    with pytest.raises(stories.StoryError) as err:
        stories.load_story("../etc/passwd", None, tmp_path)
    assert "good" in err.value.problems[0]


def test_every_problem_names_file_slide_and_field(tmp_path):
    text = """
title = "Broken"
[[slide]]
title = "Fine"
kpis = ["companies"]
[[slide]]
chart = "pie"
[[slide]]
title = "Nearby without a map"
list = "nearby"
[[slide]]
title = "Empty"
[[slide]]
title = "Wrong types"
figures = "healthtech-sector-employment-2025-mapping"
map = { view = "moon", zoom = 3 }
colour = "red"
"""
    problems = problems_of(tmp_path, text)
    expected = [
        "stories/broken.toml, slide 2, field 'title'",
        "stories/broken.toml, slide 2, field 'chart': 'pie' is not one of",
        "stories/broken.toml, slide 3, field 'list'",
        "stories/broken.toml, slide 4, field 'kpis, figures, map, chart, list, places'",
        "stories/broken.toml, slide 5, field 'figures': expected a list",
        "stories/broken.toml, slide 5, field 'map': 'zoom' is not one of",
        "stories/broken.toml, slide 5, field 'map': Ignored view='moon'",
        "stories/broken.toml, slide 5, field 'colour': unknown field",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert not any("slide 1," in p for p in problems)


def test_ids_are_checked_against_the_data(tmp_path, dataset):
    text = """
title = "Ids"
[[slide]]
title = "Unknown ids"
figures = ["healthtech-jobs-on-mars"]
places = ["atlantis"]
map = { near = "atlantis" }
filters = { niche = ["cardiology"] }
"""
    problems = problems_of(tmp_path, text, dataset)
    assert any("field 'figures'" in p and "healthtech-jobs-on-mars" in p for p in problems)
    assert any("field 'places'" in p and "atlantis" in p for p in problems)
    assert any("field 'map'" in p and "atlantis" in p for p in problems)
    assert any("field 'filters'" in p and "cardiology" in p for p in problems)


def test_story_without_title_or_slides(tmp_path):
    problems = problems_of(tmp_path, 'subtitle = "x"\n')
    assert any("needs a title" in p for p in problems)
    assert any("no slides" in p for p in problems)
    assert any("unknown top-level keys subtitle" in p for p in problems)


def test_stories_dir_from_the_environment(tmp_path, monkeypatch):
    write_story(tmp_path, 'title = "x"\n[[slide]]\ntitle = "a"\nkpis = ["companies"]\n', "mine")
    monkeypatch.setenv(stories.STORIES_DIR_ENV, str(tmp_path))
    assert stories.story_ids() == ["mine"]
    assert stories.load_story("mine").slides[0].kpis == ("companies",)
