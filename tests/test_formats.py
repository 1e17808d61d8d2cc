"""Numbers, percentages and dates per language (Babel); `\u202f`/`\xa0` are no-break spaces."""

from contextvars import copy_context
from datetime import date

import pytest

from atlas import formats
from atlas.aggregation import published_figures
from atlas.strings import set_language


def in_language(language, function, *args):
    def run():
        set_language(language)
        return function(*args)

    return copy_context().run(run)


@pytest.mark.parametrize(
    ("language", "thousands", "share", "decimal", "day"),
    [
        ("en", "1,600", "12%", "1.5", "14 March 2025"),
        ("fr", "1\u202f600", "12\xa0%", "1,5", "14 mars 2025"),
        ("de", "1.600", "12\xa0%", "1,5", "14. März 2025"),
    ],
)
def test_formats_follow_the_language(language, thousands, share, decimal, day):
    assert in_language(language, formats.number, 1600) == thousands
    assert in_language(language, formats.percent, 0.12) == share
    assert in_language(language, formats.number, 1.5) == decimal
    assert in_language(language, formats.day, date(2025, 3, 14)) == day


def test_percent_keeps_wanted_decimals_only():
    assert in_language("en", formats.percent, 0.125, 1) == "12.5%"
    assert in_language("fr", formats.percent_of_100, 31.25) == "31\xa0%"


def test_published_figures_in_french(dataset):
    employment, share = published_figures(
        dataset.sector_figures,
        ("healthtech-employment-2020-mapping-update", "share-of-healthtech-companies-medical-devices-2025-mapping"),
    )
    assert in_language("fr", lambda: employment.text) == "≈1\u202f600 salariés"
    assert in_language("de", lambda: employment.text) == "≈1.600 Beschäftigte"
    assert in_language("fr", lambda: share.short) == "32\xa0%"
    assert employment.figure == "Healthtech employment (2020 mapping update)", "the source's wording stays as published"
