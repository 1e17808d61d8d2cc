"""One company's form values as a one-row file the import pipeline reads back to the same record."""

from atlas.editing import EDITED_FIELDS, edit_file, form_values
from atlas.importing import prepare_import


def test_form_values_put_one_source_per_line():
    values = form_values(
        {"id": "a", "name": "Alpha", "source_urls": "https://a.example https://b.example", "founded_year": 2016}
    )
    assert values["source_urls"] == "https://a.example\nhttps://b.example"
    assert values["founded_year"] == "2016"
    assert set(values) == set(EDITED_FIELDS)


def test_unchanged_form_imports_back_to_no_difference(dataset):
    current = dataset.companies.drop(columns="search_key")
    for company in current.head(10).to_dict("records"):
        data = edit_file(form_values(company))
        report = prepare_import(
            data, "edit.csv", current=current, base=1, landmarks=dataset.landmarks, communes=dataset.communes
        )
        assert not report.has_errors, report.problems
        assert report.diff.empty, (company["id"], report.diff)


def test_a_form_without_source_is_an_error(dataset):
    current = dataset.companies.drop(columns="search_key")
    values = form_values(current.iloc[0].to_dict()) | {"source_urls": "  "}
    report = prepare_import(
        edit_file(values), "edit.csv", current=current, base=1, landmarks=dataset.landmarks, communes=dataset.communes
    )
    assert report.has_errors
    assert any("source" in p.message for p in report.problems if p.severity == "error")


def test_hostile_text_in_a_form_stays_text(dataset):
    current = dataset.companies.drop(columns="search_key")
    values = form_values(current.iloc[0].to_dict()) | {"notes": '=HYPERLINK("http://x","y") <script>x</script>'}
    report = prepare_import(
        edit_file(values), "edit.csv", current=current, base=1, landmarks=dataset.landmarks, communes=dataset.communes
    )
    assert not report.has_errors
    [change] = report.diff.changes
    assert change.new == '=HYPERLINK("http://x","y") <script>x</script>'
    assert any(p.severity == "warning" for p in report.problems)
