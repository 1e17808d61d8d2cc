"""`python -m atlas import`: exit codes 0/1/2, the --json shape, the report, publishing and the store left alone."""

import json
import subprocess
import sys

import pytest

from atlas.__main__ import main
from atlas.store import DATABASE_URL_ENV, Store
from tests.conftest import REPO
from tests.importing_files import csv_bytes, xlsx_bytes
from tests.test_importing_pipeline import messy_export

JSON_KEYS = {"rows", "valid_rows", "problems", "added", "changed", "removed", "version"}
VALID = [
    ["Nom", "Site web", "Localité", "Sous-secteur", "Sources", "Confiance"],
    ["Synthétique CLI", "cli.example", "Mamer", "Services", "https://cli.example/a", "faible"],
]


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    return url


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def latest(url):
    with Store(url) as store:
        return store.latest_number()


def test_messy_file_exits_1_with_the_problems_and_writes_nothing(store_url, tmp_path, capsys, dataset):
    path = tmp_path / "cartographie.csv"
    path.write_bytes(messy_export(dataset))
    code, out, _ = run(capsys, "import", path, "--json", "--publish", "--author", "analyst")
    report = json.loads(out)
    assert code == 1 and set(report) == JSON_KEYS
    assert (report["rows"], report["valid_rows"], report["version"]) == (9, 4, None)
    assert [(p["row"], p["column"], p["severity"]) for p in report["problems"] if p["severity"] == "error"] == [
        (2, "Nom", "error"),
        (3, "Nom", "error"),
        (4, "Sources", "error"),
        (5, "Latitude", "error"),
        (5, "Longitude", "error"),
        (6, "Date de vérification", "error"),
    ]
    assert report["changed"] == ["arspectra"] and report["removed"] == []
    assert latest(store_url) == 1  # seeded, nothing published


def test_human_report_names_rows_columns_and_old_to_new(store_url, tmp_path, capsys, dataset):
    path = tmp_path / "cartographie.csv"
    path.write_bytes(messy_export(dataset))
    code, out, _ = run(capsys, "import", path)
    assert code == 1
    assert "9 rows, 4 valid; 6 errors, 4 warnings" in out
    assert "error: row 6, column 'Date de vérification': 31/02/2020 is not a real date." in out
    assert "arspectra: verified_on: '' -> '2025-12-01'" in out
    assert "Added (3): societe-exemple-sante" in out
    assert "Not published" in out


def test_valid_file_dry_run_then_publish(store_url, tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_bytes(csv_bytes(VALID, ";", "cp1252"))
    code, out, _ = run(capsys, "import", path, "--json")
    assert code == 0 and json.loads(out)["added"] == ["synthetique-cli"] and json.loads(out)["version"] is None
    assert latest(store_url) == 1
    code, out, _ = run(capsys, "import", path, "--publish", "--author", "analyst", "--note", "one more", "--json")
    assert code == 0 and json.loads(out)["version"] == 2
    with Store(store_url) as store:
        version = store.latest()
        assert (version.author, version.note, version.source_name, version.added) == (
            "analyst",
            "one more",
            "new.csv",
            1,
        )
    code, out, _ = run(capsys, "import", path, "--publish", "--author", "analyst")
    assert code == 0 and "Nothing to publish" in out and latest(store_url) == 2


def test_replace_mode_lists_the_removed_companies(store_url, tmp_path, capsys, dataset):
    path = tmp_path / "new.csv"
    path.write_bytes(csv_bytes(VALID))
    code, out, _ = run(capsys, "import", path, "--mode", "replace", "--json")
    assert code == 0 and set(json.loads(out)["removed"]) == set(dataset.companies["id"])


def test_mapping_and_sheet_options(store_url, tmp_path, capsys):
    path = tmp_path / "two-sheets.xlsx"
    rows = [["Nom", "Lien", "Interne"], ["Synthétique Feuille", "https://feuille.example", "x"]]
    path.write_bytes(xlsx_bytes({"Lisez-moi": [["Ceci", "est une note"]], "Entreprises": rows}))
    code, out, _ = run(
        capsys, "import", path, "--sheet", "Entreprises", "--map", "Lien=source_urls", "--map", "Interne=-", "--json"
    )
    report = json.loads(out)
    assert code == 0 and report["added"] == ["synthetique-feuille"]
    assert [p["column"] for p in report["problems"]] == [None]  # only the default-confidence warning
    code, out, _ = run(capsys, "import", path, "--sheet", "Firmen", "--json")
    assert code == 2 and "Entreprises" in json.loads(out)["problems"][0]["message"]


@pytest.mark.parametrize(
    ("content", "extra", "needle"),
    [
        (b"", [], "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"), [], "password"),
        (csv_bytes(VALID), ["--map", "Nom=turnover"], "Unknown field"),
        (csv_bytes(VALID), ["--map", "no-equals-sign"], "COLUMN=FIELD"),
        (csv_bytes(VALID), ["--publish"], "--author"),
    ],
)
def test_unreadable_file_or_bad_options_exit_2(store_url, tmp_path, capsys, content, extra, needle):
    path = tmp_path / "upload.csv"  # the type is told by content: the OLE blob is refused as a workbook
    path.write_bytes(content)
    code, out, _ = run(capsys, "import", path, "--json", *extra)
    report = json.loads(out)
    assert code == 2 and set(report) == JSON_KEYS and report["version"] is None
    assert needle in report["problems"][0]["message"]
    code, _, err = run(capsys, "import", path, *extra)
    assert code == 2 and needle in err


def test_missing_file_exits_2(store_url, tmp_path, capsys):
    code, _, err = run(capsys, "import", tmp_path / "nowhere.csv")
    assert code == 2 and "nowhere.csv" in err


def test_export_then_import_is_nothing_to_publish(store_url, tmp_path, capsys):
    for fmt in ("csv", "xlsx"):
        out_file = tmp_path / f"all.{fmt}"
        assert run(capsys, "export", "--format", fmt, "--out", out_file)[0] == 0
        code, out, _ = run(capsys, "import", out_file, "--mode", "replace", "--publish", "--author", "a", "--json")
        report = json.loads(out)
        assert code == 0 and (report["added"], report["changed"], report["removed"]) == ([], [], [])
        assert [p["severity"] for p in report["problems"]] == ["warning"] * len(report["problems"])
    assert latest(store_url) == 1


def test_terminal_output_escapes_control_characters(store_url, tmp_path, capsys):
    path = tmp_path / "hostile.csv"
    hostile = "Evil\x1b[2J\u202eNote"
    path.write_bytes(csv_bytes([["Atlas id", "Notes", "Onglet\x1b[31m"], ["doctena", hostile, ""]]))
    code, out, _ = run(capsys, "import", path)
    assert code == 0 and "doctena: notes:" in out
    assert "\x1b" not in out and "\u202e" not in out
    assert "Evil\\x1b[2J\\u202eNote" in out and "Onglet\\x1b[31m" in out


def test_python_dash_m_atlas_import(store_url, tmp_path):
    path = tmp_path / "new.csv"
    path.write_bytes(csv_bytes(VALID))
    proc = subprocess.run(
        [sys.executable, "-m", "atlas", "import", str(path), "--json"], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["added"] == ["synthetique-cli"]
