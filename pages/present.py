"""Present: a story from stories/ full screen, one slide per screen, for a projector and a clicker."""

import streamlit as st

from atlas import stories
from atlas.brief import BriefView, version_text
from atlas.strings import t
from atlas.text import escape_markdown
from components.data import get_dataset
from components.share import view_url
from components.slides import PRESENT_CSS, show_story_error, slide_body, slide_footer, slide_navigation, speaker_notes

st.html(PRESENT_CSS)
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

st.title(escape_markdown(slide.title), anchor=False)
shown = slide_body(slide, number, dataset)
sources = stories.slide_sources(slide, dataset, len(shown), version_text(getattr(dataset, "version", None)))
live_url = view_url(slide.live_page, slide.live_params)
brief = BriefView(
    slide.title,
    stories.slide_filters(slide, dataset.companies),
    stories.slide_map_settings(slide, dataset),
    live_url,
    f"{story.id}-slide-{number}",
)
slide_footer(slide, sources, live_url, brief)
slide_navigation(number, len(story.slides))
if presenter_view:
    speaker_notes(story, number)
st.page_link(
    "pages/present.py",
    label=t("present.notes_toggle"),
    icon=":material/speaker_notes:" if not presenter_view else ":material/speaker_notes_off:",
    query_params={**stories.slide_query(story.id, number), **({} if presenter_view else {"notes": "1"})},
)
