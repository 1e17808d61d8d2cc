"""The benchmarks' baseline apps (bench/minimal_*.py) run and show what the benchmarks watch: a broken
baseline would skew every ratio the benchmarks report, or stop them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.e2e import REPO

BENCH = REPO / "bench"


def bench_app(name: str, monkeypatch) -> AppTest:
    """A baseline app as `streamlit run` serves it: its folder on sys.path (the frame app imports a sibling)."""
    monkeypatch.syspath_prepend(str(BENCH))
    return AppTest.from_file(str(BENCH / name), default_timeout=30).run()


@pytest.mark.parametrize("view", ["", "grid", "map"])
def test_the_frame_app_counts_what_its_sidebar_filter_chooses_and_draws_the_view_asked_for(view, monkeypatch):
    monkeypatch.setenv("BENCH_FRAME_VIEW", view)
    app = bench_app("minimal_frame_app.py", monkeypatch)
    assert not app.exception
    assert [m.value for m in app.markdown] == ["1 of 2 chosen"]
    assert len(app.get("dataframe")) == (1 if view == "grid" else 0)
    assert len(app.get("deck_gl_json_chart")) == (1 if view == "map" else 0)
    if view == "grid":
        assert set(app.dataframe[0].value["niche"]) == {"Digital health"}

    app.sidebar.multiselect[0].select("Neurodegenerative diseases").run()

    assert [m.value for m in app.markdown] == ["2 of 2 chosen"]
    if view == "grid":
        assert len(app.dataframe[0].value) == 130


def test_the_pydeck_app_draws_one_chart_of_one_layer(monkeypatch):
    app = bench_app("minimal_pydeck_app.py", monkeypatch)
    assert not app.exception
    charts = app.get("deck_gl_json_chart")
    assert len(charts) == 1
    assert '"ScatterplotLayer"' in charts[0].proto.json
