"""The difference between two company frames: added, removed, changed field by field."""

import pandas as pd

from atlas.diff import as_text, diff_companies


def frame(rows):
    return pd.DataFrame(rows, columns=["id", "name", "founded_year"])


def test_identical_frames_have_an_empty_diff(dataset):
    diff = diff_companies(dataset.companies, dataset.companies.copy())
    assert diff.empty and diff.counts() == {"added": 0, "changed": 0, "removed": 0}


def test_added_removed_and_changed_fields():
    old = frame([("a", "Alpha", 2016), ("b", "Beta", None)])
    new = frame([("a", "Alpha SA", 2016), ("c", "Gamma", 2020)])
    diff = diff_companies(old, new)
    assert diff.added == ("c",) and diff.removed == ("b",) and diff.changed == ("a",)
    [change] = diff.changes
    assert (change.column, change.old, change.new) == ("name", "Alpha", "Alpha SA")


def test_values_compare_as_file_text():
    old = frame([("a", "Alpha", 2016.0)])
    new = frame([("a", " Alpha ", "2016")])
    assert diff_companies(old, new).empty
    assert [as_text(v) for v in (None, pd.NA, float("nan"), 49.5, 3)] == ["", "", "", "49.5", "3"]
