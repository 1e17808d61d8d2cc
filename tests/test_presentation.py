"""Formatting of store versions for people: time in UTC, who, why, from which file, what changed."""

from datetime import UTC, datetime, timedelta, timezone

from atlas.presentation import utc_text, version_lines
from atlas.store import DatasetVersion


def version(**fields) -> DatasetVersion:
    base = {
        "number": 4,
        "published_at": datetime(2026, 12, 1, 18, 5, 30, tzinfo=UTC),
        "author": "Analyst",
        "note": "Q4 mapping",
        "kind": "import",
        "source_name": "mapping.xlsx",
        "source_checksum": "0123456789abcdef" * 4,
        "added": 3,
        "changed": 2,
        "removed": 1,
        "parent": 3,
    }
    return DatasetVersion(**{**base, **fields})


def test_utc_text_converts_to_utc():
    assert utc_text(datetime(2026, 12, 1, 20, 5, tzinfo=timezone(timedelta(hours=2)))) == "2026-12-01 18:05 UTC"


def test_version_lines_say_who_when_why_source_and_changes():
    assert version_lines(version()) == [
        "Published 2026-12-01 18:05 UTC by Analyst: import of a file.",
        "Note: Q4 mapping",
        "Source file: mapping.xlsx (SHA-256 0123456789ab).",
        "Compared with version 3: 3 added, 2 changed, 1 removed.",
    ]


def test_seed_has_no_parent_and_rollback_no_file():
    seed = version_lines(version(kind="seed", parent=None, note="", source_name="companies.csv"))
    assert seed[0].endswith("first start, seeded from the bundled data files.") and seed[1] == "No note."
    assert len(seed) == 3
    rollback = version_lines(version(kind="rollback", source_name="", source_checksum=""))
    assert "rollback to an earlier version" in rollback[0] and not any("Source file" in line for line in rollback)
