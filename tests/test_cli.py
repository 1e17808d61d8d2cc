"""The command line, `python -m atlas`: versions, rollback and export on a store of its own."""

import io
import json
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from atlas.__main__ import main
from atlas.diff import diff_companies
from atlas.store import DATABASE_URL_ENV, Store
from tests.conftest import REPO


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    return url


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_versions_json_seeds_an_empty_store(store_url, capsys):
    code, out, _ = run(capsys, "versions", "--json")
    [seed] = json.loads(out)
    assert code == 0 and (seed["number"], seed["kind"], seed["added"], seed["parent"]) == (1, "seed", 52, None)
    assert seed["published_at"].endswith("+00:00") and seed["source_name"] == "companies.csv"


def test_rollback_publishes_the_old_companies_as_a_new_version(store_url, capsys):
    run(capsys, "versions")
    with Store(store_url) as store:
        companies = store.companies()
        store.publish(companies.iloc[5:], base=1, author="Analyst", note="drop five")
    code, out, _ = run(capsys, "rollback", "1", "--author", "Steward", "--note", "five were still open")
    assert code == 0 and "Published version 3" in out
    with Store(store_url) as store:
        assert diff_companies(store.companies(1), store.companies(3)).empty
        assert store.latest().author == "Steward" and store.latest().note == "five were still open"
    code, out, _ = run(capsys, "versions")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["3", "2", "1"]
    assert "rollback" in lines[0] and "Steward: five were still open" in lines[0] and "+5 ~0 -0" in lines[0]


@pytest.mark.parametrize(("number", "message"), [("9", "there is no version 9"), ("1", "already the latest")])
def test_refused_rollback_says_why_and_writes_nothing(store_url, capsys, number, message):
    code, _, err = run(capsys, "rollback", number, "--author", "Steward")
    assert code == 1 and message in err and "Traceback" not in err
    with Store(store_url) as store:
        assert store.latest_number() == 1


def test_rollback_needs_an_author(store_url):
    with pytest.raises(SystemExit) as exited:
        main(["rollback", "1"])
    assert exited.value.code == 2


def test_export_round_trip_in_both_formats(store_url, capsys, tmp_path):
    run(capsys, "versions")
    with Store(store_url) as store:
        companies = store.companies()
        companies.loc[0, "verified_on"] = "2026-06-30"
        store.publish(companies, base=1, author="a", note="checked one")
        published = store.companies(2).set_index("id")
    code, out, _ = run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "v2.csv"))
    assert code == 0 and "52 companies of version 2" in out
    data = (tmp_path / "v2.csv").read_bytes()
    assert "Dataset version: 2 (published" in data.decode("utf-8-sig").splitlines()[0]
    csv_table = pd.read_csv(io.BytesIO(data), skiprows=1, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    run(capsys, "export", "--version", "1", "--format", "xlsx", "--out", str(tmp_path / "v1.xlsx"))
    sheet = load_workbook(tmp_path / "v1.xlsx").worksheets[0]
    header, *rows = [[("" if c is None else c) for c in row] for row in sheet.iter_rows(values_only=True)]
    xlsx_table = pd.DataFrame(rows, columns=header)
    for table, verified in ((csv_table, "2026-06-30"), (xlsx_table, "")):
        table = table.set_index("Atlas id")
        assert sorted(table.index) == sorted(published.index)
        assert table.loc[published.index[0], "Verified on"] == verified
        for column, field in (("Name", "name"), ("Sources", "source_urls"), ("Town", "town"), ("Notes", "notes")):
            assert table[column].reindex(published.index).tolist() == published[field].tolist()
        assert pd.to_numeric(table["Latitude"]).reindex(published.index).equals(published["lat"])


def test_export_of_an_unknown_version_is_refused(store_url, capsys, tmp_path):
    code, _, err = run(capsys, "export", "--version", "4", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert code == 1 and "there is no version 4" in err and not (tmp_path / "x.csv").exists()


def test_python_dash_m_atlas_runs(store_url):
    done = subprocess.run(
        [sys.executable, "-m", "atlas", "versions", "--json"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["number"] == 1
    refused = subprocess.run([sys.executable, "-m", "atlas", "rollback"], cwd=REPO, capture_output=True, text=True)
    assert refused.returncode == 2 and "N" in refused.stderr
