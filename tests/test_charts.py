"""Every chart says what it shows, where its numbers come from, and labels its axes."""

import pytest

from atlas import aggregation as agg
from atlas.charts import counts_figure, matrix_figure, subsector_shares_figure, timeline_figure
from atlas.palette import OKABE_ITO, hex_colour

SOURCE = "Computed from the test source line"


@pytest.fixture(scope="module")
def figures(dataset):
    c = dataset.companies
    return [
        matrix_figure(agg.niche_subsector_matrix(c), SOURCE),
        timeline_figure(agg.founding_timeline(c), SOURCE),
        counts_figure(agg.counts_by(c, "canton"), "canton", "Companies per canton", "Canton", SOURCE),
        subsector_shares_figure(agg.subsector_shares(c, dataset.sector_figures), SOURCE),
    ]


def test_titles_sources_and_axes(figures):
    for fig in figures:
        layout = fig.layout
        assert layout.title.text and layout.title.subtitle.text == SOURCE
        assert layout.xaxis.title.text and layout.yaxis.title.text


def test_data_and_published_series_are_told_apart(figures):
    shares = figures[-1]
    names = [trace.name for trace in shares.data]
    assert names == ["This dataset (computed)", "Official 2025 mapping (published)"]
    assert [trace.marker.color for trace in shares.data] == [hex_colour(OKABE_ITO[4]), hex_colour(OKABE_ITO[0])]


def test_matrix_has_every_cell(figures, dataset):
    matrix = figures[0].data[0]
    assert len(matrix.customdata) == 28
    counts = agg.niche_subsector_matrix(dataset.companies)
    for (niche, subsector), text in zip(matrix.customdata, matrix.text, strict=True):
        assert int(text) == counts.loc[niche, subsector]
