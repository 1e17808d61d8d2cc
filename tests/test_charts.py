"""Every chart says what it shows, where its numbers come from, and labels its axes."""

import pytest

from atlas import aggregation as agg
from atlas import charts
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
    assert [trace.marker.color for trace in shares.data] == [hex_colour(OKABE_ITO[4]), hex_colour(OKABE_ITO[5])]
    assert shares.data[1].marker.pattern.shape == "/", "published bars differ by hatching, not only by colour"


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two '#rrggbb' colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_marks_and_labels_have_enough_contrast(figures):
    marks = [charts.DATA_COLOUR, charts.PUBLISHED_COLOUR, charts.CUMULATIVE_COLOUR, charts.UNKNOWN_COLOUR]
    assert min(contrast(m, "#ffffff") for m in marks) >= 3, "WCAG 1.4.11: data marks against the background"
    matrix = figures[0].data[0]
    for square, text in zip(matrix.marker.color, matrix.textfont.color, strict=True):
        assert contrast(square, text) >= 4.5, (square, text)
    assert contrast(figures[0].layout.title.subtitle.font.color, "#ffffff") >= 4.5


def test_matrix_has_every_cell(figures, dataset):
    matrix = figures[0].data[0]
    assert len(matrix.customdata) == 28
    counts = agg.niche_subsector_matrix(dataset.companies)
    for (niche, subsector), text in zip(matrix.customdata, matrix.text, strict=True):
        assert int(text) == counts.loc[niche, subsector]
