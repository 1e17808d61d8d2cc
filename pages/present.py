"""Present: a story from stories/ full screen, one slide per screen, for a projector and a clicker."""

import streamlit as st

from atlas import stories
from atlas.brief import BriefView, version_text
from atlas.strings import t
from atlas.text import escape_markdown
from components.data import get_dataset
from components.language import apply_language
from components.navigation import run_through_app
from components.share import view_url
from components.slides import (
    present_styles,
    show_story_error,
    slide_body,
    slide_rail,
    slide_sources_line,
    speaker_notes,
)

run_through_app()
apply_language()  # app.py did it already; again here for a page run on its own (AppTest)
present_styles()
dataset = get_dataset()
story_id = st.query_params.get("story") or stories.DEFAULT_STORY
try:
    story = stories.load_story(story_id, dataset)
except stories.StoryError as err:
    show_story_error(err)
    st.stop()

number = stories.slide_number(st.query_params.get("slide"), len(story.slides))
for key, value in stories.slide_query(story.id, number).items():
    if st.query_params.get(key) != value:
        st.query_params[key] = value
slide = story.slides[number - 1]
presenter_view = st.query_params.get("notes") == "1"

body, rail = st.columns([11, 2], gap="medium")
with body:
    st.title(escape_markdown(slide.title), anchor=False)
    shown = slide_body(slide, number, dataset)
    sources = stories.slide_sources(slide, dataset, len(shown), version_text(getattr(dataset, "version", None)))
    slide_sources_line(sources)
live_url = view_url(slide.live_page, slide.live_params)
brief = BriefView(
    t("brief.title", view=slide.title),
    stories.slide_filters(slide, dataset.companies),
    stories.slide_map_settings(slide, dataset),
    live_url,
    f"{story.id}-slide-{number}",
)
with rail:
    slide_rail(story, number, live_url, brief, presenter_view)
if presenter_view:
    speaker_notes(story, number)
