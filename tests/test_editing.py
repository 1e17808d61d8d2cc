"""One company's form values as a one-row file the import pipeline reads back; company status (closed, merged)."""

import pandas as pd
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from atlas.editing import EDITED_FIELDS, edit_file, form_values
from atlas.importing import prepare_import
from atlas.loading import active_companies
from atlas.store import MIGRATIONS_DIR, Store


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


def test_active_companies_leave_out_closed_and_merged():
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "status": ["", "active", "closed", "merged"]})
    assert active_companies(frame)["id"].tolist() == ["a", "b"]


def test_a_store_made_before_the_status_columns_is_upgraded(tmp_path, dataset):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        assert "status" not in {c["name"] for c in sa.inspect(conn).get_columns("company_row")}
    engine.dispose()
    with Store(url) as store:
        store.seed_if_empty(dataset.companies.drop(columns="search_key"))
        assert set(store.companies()["status"]) == {""}
