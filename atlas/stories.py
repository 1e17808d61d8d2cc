"""Presenter stories: slide decks written as TOML files in stories/, loaded and checked here.

A story file has a `title` and a list of `[[slide]]` tables. Each slide has a `title` and shows
one or more of: `kpis` (names of KPI tiles), `figures` (ids in sector_figures.csv), `map` (the Map
page's URL settings), `chart` (a chart name), `list` ("companies" in view, or "nearby": within
the map's radius of its `near` site), `places` (site ids). `filters` holds the shared filter
parameters, `text` a line of words, `notes` the speaker notes, `page` the Atlas page the slide's
QR code opens. Numbers are never typed into a story: they come from the data and the figures.

A file that breaks these rules raises StoryError, every problem naming the file, the slide and
the field. Slides are numbered from 1 in URLs: /present?story=sector&slide=3.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from atlas import map_layers as ml
from atlas.aggregation import OFFICIAL_SHARE_IDS, published_figure
from atlas.filters import FILTER_PARAMS, filter_options, parse_filter_params
from atlas.strings import t
from atlas.text import url_domain
from atlas.vocabulary import OFFICIAL_COMPANY_COUNT_2025

STORIES_DIR = Path(__file__).resolve().parent.parent / "stories"
STORIES_DIR_ENV = "HEALTHTECH_STORIES_DIR"
DEFAULT_STORY = "sector"
STORY_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,60}")  # a file name, never a path
KPI_NAMES = ("companies", "known_year", "young", "niches", "hobh")  # the tiles of components/kpi.py
CHARTS = ("subsector_shares", "niche_matrix", "timeline", "cantons", "sites")
LISTS = ("companies", "nearby")
PAGES = ("overview", "map", "companies", "insights", "sites", "about")
MAP_KEYS = ("view", "layers", "near", "radius", "color")
SLIDE_KEYS = frozenset(
    {"title", "text", "notes", "kpis", "figures", "map", "chart", "list", "places", "filters", "page"}
)
SHOWN_KEYS = ("kpis", "figures", "map", "chart", "list", "places")


class StoryError(ValueError):
    """A story file that cannot be shown; `problems` name the file, the slide and the field."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Slide:
    """One screen of a story."""

    title: str
    text: str = ""
    notes: str = ""
    kpis: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    map: dict[str, str] | None = None
    chart: str = ""
    listing: str = ""
    places: tuple[str, ...] = ()
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: str = ""

    @property
    def live_page(self) -> str:
        """The Atlas page that shows this slide's view on a phone (its QR code's target)."""
        if self.page:
            return self.page
        if self.map is not None:
            return "map"
        if self.listing == "companies":
            return "companies"
        return "insights" if self.chart else "overview"

    @property
    def live_params(self) -> dict[str, str | list[str]]:
        """The URL parameters of that page: the filters, and the map settings on the Map page."""
        params: dict[str, str | list[str]] = dict(self.filters)
        if self.live_page == "map" and self.map:
            settings, _ = ml.parse_map_params(self.map, [self.map.get("near", ml.DEFAULT_NEAR)], [])
            params.update(ml.map_params(settings))
        return params


@dataclass(frozen=True)
class Story:
    """A titled list of slides read from one file."""

    id: str
    title: str
    slides: tuple[Slide, ...]


def stories_dir() -> Path:
    """The story directory in use: $HEALTHTECH_STORIES_DIR, else the bundled `stories/`."""
    configured = os.environ.get(STORIES_DIR_ENV, "").strip()
    return Path(configured).expanduser().resolve() if configured else STORIES_DIR


def story_ids(directory: Path | None = None) -> list[str]:
    """The stories available: the names of the .toml files in the story directory, sorted."""
    return sorted(p.stem for p in (directory or stories_dir()).glob("*.toml"))


def slide_query(story_id: str, number: int) -> dict[str, str]:
    """The query parameters of slide `number` (from 1) of a story."""
    return {"story": story_id, "slide": str(number)}


def slide_path(story_id: str, number: int) -> str:
    """The app path of a slide: /present?story=sector&slide=3."""
    return f"/present?story={story_id}&slide={number}"


def slide_number(value: str | None, count: int) -> int:
    """The slide number from the URL value, clamped to 1..count; 1 when missing or not a number."""
    if value is None or not value.strip().isdigit():
        return 1
    return min(max(int(value), 1), max(count, 1))


def load_story(story_id: str, dataset=None, directory: Path | None = None) -> Story:
    """Read and check stories/<story_id>.toml; with `dataset`, ids and values are checked against it."""
    directory = directory or stories_dir()
    path = directory / f"{story_id}.toml"
    name = f"stories/{path.name}"
    if not STORY_ID.fullmatch(story_id) or not path.is_file():
        raise StoryError([t("stories.missing_file", file=name, known=", ".join(story_ids(directory)) or "-")])
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise StoryError([t("stories.bad_toml", file=name, reason=str(err))]) from None
    return parse_story(story_id, raw, name, dataset)


def parse_story(story_id: str, raw: Mapping, name: str, dataset=None) -> Story:
    """A Story from a parsed TOML document; StoryError listing every problem found."""
    problems: list[str] = []
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(t("stories.no_title", file=name))
    unknown = sorted(set(raw) - {"title", "slide"})
    if unknown:
        problems.append(t("stories.unknown_top", file=name, keys=", ".join(unknown)))
    tables = raw.get("slide")
    if not isinstance(tables, list) or not tables or not all(isinstance(s, dict) for s in tables):
        problems.append(t("stories.no_slides", file=name))
        tables = []
    slides = []
    for number, table in enumerate(tables, start=1):
        slide, slide_problems = _parse_slide(table, lambda f, n=number: t("stories.where", file=name, n=n, field=f))
        problems += slide_problems
        if dataset is not None and not slide_problems:
            problems += _check_against_data(
                slide, dataset, lambda f, n=number: t("stories.where", file=name, n=n, field=f)
            )
        slides.append(slide)
    if problems:
        raise StoryError(problems)
    return Story(id=story_id, title=title.strip(), slides=tuple(slides))


def _strings(value: object) -> tuple[str, ...] | None:
    """A list of strings as a tuple; None when `value` is anything else."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _parse_slide(table: Mapping, where) -> tuple[Slide, list[str]]:
    """One slide table: the Slide (defaults where broken) and its problems."""
    problems: list[str] = []

    def bad(key: str, reason: str) -> None:
        problems.append(f"{where(key)}: {reason}")

    for key in sorted(set(table) - SLIDE_KEYS):
        bad(key, t("stories.unknown_field", allowed=", ".join(sorted(SLIDE_KEYS))))
    values: dict = {}
    for key in ("title", "text", "notes", "chart", "list", "page"):
        if key in table:
            if isinstance(table[key], str):
                values[key] = table[key].strip()
            else:
                bad(key, t("stories.not_text"))
    if not values.get("title"):
        bad("title", t("stories.required"))
    for key, allowed in (("chart", CHARTS), ("list", LISTS), ("page", PAGES)):
        if values.get(key) and values[key] not in allowed:
            bad(key, t("stories.not_one_of", value=values[key], allowed=", ".join(allowed)))
    for key in ("kpis", "figures", "places"):
        if key in table:
            items = _strings(table[key])
            if items is None:
                bad(key, t("stories.not_list"))
            else:
                values[key] = items
    for name in values.get("kpis", ()):
        if name not in KPI_NAMES:
            bad("kpis", t("stories.not_one_of", value=name, allowed=", ".join(KPI_NAMES)))
    if "map" in table:
        values["map"] = _map_table(table["map"], lambda reason: bad("map", reason))
    if "filters" in table:
        values["filters"] = _filters_table(table["filters"], lambda reason: bad("filters", reason))
    if values.get("list") == "nearby" and not values.get("map"):
        bad("list", t("stories.nearby_needs_map"))
    if not any(values.get(k) or (k == "map" and k in values) for k in SHOWN_KEYS):
        bad(", ".join(SHOWN_KEYS), t("stories.nothing_shown"))
    if "list" in values:
        values["listing"] = values.pop("list")
    values.setdefault("title", "")
    return Slide(**{k: v for k, v in values.items() if v is not None}), problems


def _map_table(value: object, bad) -> dict[str, str] | None:
    """Map settings as URL strings ({} is the default map); None (with a problem) when malformed."""
    if not isinstance(value, dict):
        bad(t("stories.not_table"))
        return None
    out = {}
    for key, item in value.items():
        if key not in MAP_KEYS:
            bad(t("stories.not_one_of", value=key, allowed=", ".join(MAP_KEYS)))
        elif key == "layers" and _strings(item) is not None:
            out[key] = ",".join(item)
        elif isinstance(item, str | int) and not isinstance(item, bool):
            out[key] = str(item)
        else:
            bad(t("stories.bad_value", key=key))
    _, notes = ml.parse_map_params(out, [out.get("near", ml.DEFAULT_NEAR)], [])
    for note in notes:
        bad(note)
    return out


def _filters_table(value: object, bad) -> dict[str, list[str]]:
    """Filter parameters as URL value lists; malformed entries are reported and dropped."""
    if not isinstance(value, dict):
        bad(t("stories.not_table"))
        return {}
    out = {}
    for key, item in value.items():
        if key not in FILTER_PARAMS:
            bad(t("stories.not_one_of", value=key, allowed=", ".join(FILTER_PARAMS)))
        elif isinstance(item, str):
            out[key] = [item]
        elif _strings(item) is not None:
            out[key] = list(item)
        else:
            bad(t("stories.bad_value", key=key))
    return out


def _check_against_data(slide: Slide, dataset, where) -> list[str]:
    """Problems of ids and values that the dataset does not know."""
    problems = []
    figure_ids = set(dataset.sector_figures["id"])
    site_ids = set(dataset.landmarks["id"])
    for figure_id in slide.figures:
        if figure_id not in figure_ids:
            problems.append(f"{where('figures')}: {t('stories.unknown_figure', id=figure_id)}")
    for site_id in slide.places:
        if site_id not in site_ids:
            problems.append(f"{where('places')}: {t('stories.unknown_place', id=site_id)}")
    if slide.map is not None:
        _, notes = ml.parse_map_params(slide.map, site_ids, [])
        problems += [f"{where('map')}: {note}" for note in notes]
    if slide.filters:
        parsed = parse_filter_params(slide.filters, filter_options(dataset.companies))
        problems += [f"{where('filters')}: {note}" for note in parsed.notes]
    return problems


def slide_filters(slide: Slide, companies: pd.DataFrame):
    """The slide's filters as a Filters value."""
    return parse_filter_params(slide.filters, filter_options(companies))


def slide_map_settings(slide: Slide, dataset) -> ml.MapSettings:
    """The slide's map settings (the default map when the slide has none)."""
    settings, _ = ml.parse_map_params(slide.map or {}, dataset.landmarks["id"], dataset.companies["id"])
    return settings


def slide_sources(slide: Slide, dataset, shown: int, version_text: str) -> list[str]:
    """The source line of a slide, one entry per source: published figures with their year and
    site, the dataset with its coverage and version, boundaries and site positions for maps."""
    sources = []
    for figure_id in slide.figures:
        figure = published_figure(dataset.sector_figures, figure_id)
        year = figure.year or t("stories.no_year")
        sources.append(t("stories.source_figure", figure=figure.figure, year=year, site=url_domain(figure.source_url)))
    if slide.chart == "subsector_shares":
        shares = [published_figure(dataset.sector_figures, i) for i in OFFICIAL_SHARE_IDS.values()]
        years = ", ".join(sorted({f.year for f in shares}))
        sites = ", ".join(sorted({url_domain(f.source_url) for f in shares}))
        sources.append(t("stories.source_shares", year=years, site=sites))
    if slide.kpis or slide.chart or slide.listing or slide.map is not None:
        sources.append(
            t(
                "stories.source_dataset",
                n=shown,
                total=len(dataset.companies),
                official=OFFICIAL_COMPANY_COUNT_2025,
                version=version_text,
            )
        )
    if slide.map is not None or slide.places:
        sources.append(t("stories.source_places"))
    if slide.places:
        landmarks = dataset.landmarks.set_index("id")
        sites = sorted({url_domain(landmarks.loc[p, "source_urls"].split()[0]) for p in slide.places})
        sources.append(t("stories.source_place_pages", sites=", ".join(sites)))
    return sources
