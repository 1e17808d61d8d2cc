"""AppTest of /present: every slide of the default story, the buttons, the presenter view, a broken story."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from atlas import stories
from tests.conftest import REPO
from tests.test_pages import open_page

APP = str(REPO / "app.py")
DEFAULT = stories.load_story(stories.DEFAULT_STORY)


def present(**params) -> AppTest:
    return open_page("pages/present.py", timeout=90, **params)


def text_of(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


@pytest.mark.parametrize("number", range(1, len(DEFAULT.slides) + 1))
def test_every_slide_of_the_default_story_shows(number):
    at = present(story="sector", slide=str(number))
    slide = DEFAULT.slides[number - 1]
    assert at.title[0].value.replace("\\", "") == slide.title
    text = text_of(at)
    assert f"Slide {number} of {len(DEFAULT.slides)}" in text
    assert "**Sources:**" in text
    assert at.get("image"), "the QR code of the live view"
    assert not at.error
    assert at.query_params["slide"] == [str(number)] or at.query_params["slide"] == str(number)


def test_next_and_previous_move_the_slide_in_the_url():
    at = present(story="sector", slide="2")
    at.button(key="present_next").click().run()
    assert "Slide 3 of" in text_of(at)
    at.button(key="present_previous").click().run()
    at.button(key="present_left").click().run()
    assert "Slide 1 of" in text_of(at)
    assert at.button(key="present_previous").disabled


def test_out_of_range_slide_opens_the_nearest():
    at = present(story="sector", slide="99")
    assert f"Slide {len(DEFAULT.slides)} of {len(DEFAULT.slides)}" in text_of(at)


def test_presenter_view_shows_the_speaker_notes():
    at = present(story="sector", slide="1", notes="1")
    text = text_of(at)
    assert "Speaker notes" in [s.value for s in at.subheader]
    assert DEFAULT.slides[0].notes.split("\n")[0][:40].replace(".", "\\.") in text or "official picture" in text
    assert f"Next: {DEFAULT.slides[1].title}" in text.replace("\\", "")
    audience = present(story="sector", slide="1")
    assert "Speaker notes" not in [s.value for s in audience.subheader]


def test_broken_story_gives_a_clear_message(tmp_path, monkeypatch):
    (tmp_path / "broken.toml").write_text(
        'title = "Broken"\n[[slide]]\ntitle = "One"\nchart = "pie"\n<b>x</b> = 1\n', encoding="utf-8"
    )
    (tmp_path / "typo.toml").write_text('title = "Typo"\n[[slide]]\ntitle = "One"\nchart = "pie"\n', encoding="utf-8")
    monkeypatch.setenv(stories.STORIES_DIR_ENV, str(tmp_path))
    at = present(story="broken")
    [error] = at.error
    assert "not valid TOML" in error.value.replace("\\", "") and "broken.toml" in error.value.replace("\\", "")
    at = present(story="typo")
    [error] = at.error
    assert "stories/typo.toml, slide 1, field 'chart': 'pie' is not one of" in error.value.replace("\\", "")


def test_unknown_story_names_the_stories_available():
    at = present(story="nope")
    [error] = at.error
    assert "sector" in error.value


def test_the_rail_switches_the_slide_language_and_keeps_the_slide():
    at = present(story="sector", slide="2")
    picker = at.segmented_control(key="language_picker")
    assert picker.options == ["EN", "FR", "DE"]
    picker.set_value("de").run()
    assert "Folie 2 von" in text_of(at)
    assert at.query_params["lang"] in ("de", ["de"]) and at.query_params["slide"] in ("2", ["2"])
