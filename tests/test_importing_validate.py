"""Row checks: hostile-looking text, coordinates, the schema's rules, and the same company twice."""

import pytest

from atlas.importing.validate import DuplicateFinder, coordinate_problem, hostile_text, schema_problems
from tests.conftest import FORMULA_NAME, HOSTILE_NAME


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (FORMULA_NAME, "formula"),
        ("+33 1 23", "formula"),
        ("@SUM(A1)", "formula"),
        ("-2", "formula"),
        (HOSTILE_NAME, "html"),
        ("<script>alert(1)</script>", "html"),
        ("Tom &amp; Jerry", "html"),
        ("abc\u202edef", "bidi"),
        ("Doctena", None),
        ("3 < 4 and 5 > 2", None),
        ("", None),
        (2016, None),
        (None, None),
    ],
)
def test_hostile_text(value, kind):
    assert hostile_text(value) == kind


@pytest.mark.parametrize(
    ("field", "value", "bad"),
    [("lat", 49.61, False), ("lon", 6.13, False), ("lat", 48.85, True), ("lon", 2.35, True), ("lat", None, False)],
)
def test_coordinates_outside_luxembourg(field, value, bad):
    assert (coordinate_problem(field, value) is not None) == bad


def record(**fields):
    base = {
        "id": "synthetic-one",
        "name": "Synthetic One",
        "source_urls": "https://one.example",
        "confidence": "low",
        "location_precision": "unknown",
    }
    return base | fields


def test_schema_problems_name_the_field():
    assert schema_problems(record()) == []
    assert schema_problems(record(website="not a site")) == [
        ("website", "'not a site' is neither a host name nor an http(s) URL")
    ]
    [(field, message)] = schema_problems(record(source_urls="https://a.lu ftp://b.lu"))
    assert field == "source_urls" and "ftp://b.lu" in message


def test_duplicate_finder_points_at_the_first_row_with_the_same_key():
    finder = DuplicateFinder()
    assert finder.check(1, {"name": "a", "website": "a.lu"}) is None
    assert finder.check(2, {"name": "b", "website": ""}) is None
    assert finder.check(3, {"name": "c", "website": ""}) is None  # blank keys never match
    assert finder.check(4, {"name": "d", "website": "a.lu"}) == ("website", 1)
    assert finder.check(5, {"name": "b", "website": "d.lu"}) == ("name", 2)
