"""Checks on imported rows: hostile-looking text, the same company twice, and the company schema.

Text that a spreadsheet would run as a formula, that looks like HTML, or that holds bidirectional
control characters is kept as text (it is shown and exported inertly everywhere) and reported as a
warning. Every other rule is the schema's (`atlas.validation.CompanyRow`), reported as an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from atlas.export import FORMULA_PREFIXES
from atlas.strings import t
from atlas.validation import CompanyRow
from atlas.vocabulary import LUX_LAT_RANGE, LUX_LON_RANGE

_HTML = re.compile(r"<\s*/?\s*[a-z!][^>]*>|<\s*[a-z]+[\s/]|&#?[a-z0-9]+;", re.I)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def hostile_text(value: object) -> str | None:
    """Why a text value needs care ('formula', 'html', 'bidi'), or None for ordinary text."""
    if not isinstance(value, str) or not value:
        return None
    if value.isascii() and "<" not in value and "&" not in value and not value.startswith(FORMULA_PREFIXES):
        return None  # the common case, decided without a regular expression
    if value.startswith(FORMULA_PREFIXES):
        return "formula"
    if _HTML.search(value):
        return "html"
    if _BIDI_CONTROLS.search(value):
        return "bidi"
    return None


def hostile_text_message(kind: str) -> str:
    """The warning for text of that kind: kept as text, never run."""
    return t(f"import.warn.{kind}")


def coordinate_problem(field: str, value: float | None) -> str | None:
    """A message when a latitude or longitude lies outside Luxembourg."""
    if value is None:
        return None
    low, high = LUX_LAT_RANGE if field == "lat" else LUX_LON_RANGE
    if low <= value <= high:
        return None
    return t(f"import.value.outside_{field}", value=value, low=low, high=high)


def schema_problems(record: Mapping[str, object]) -> list[tuple[str | None, str]]:
    """(field or None, message) for each rule of the company schema the record breaks."""
    try:
        CompanyRow.model_validate(record)
    except ValidationError as err:
        return [(str(e["loc"][0]) if e["loc"] else None, e["msg"].removeprefix("Value error, ")) for e in err.errors()]
    return []


class DuplicateFinder:
    """Remembers the first row of each company key (normalised name, website, matched id) in a file."""

    def __init__(self) -> None:
        self._first: dict[tuple[str, str], int] = {}

    def check(self, row: int, keys: Mapping[str, str]) -> tuple[str, int] | None:
        """(kind, earlier row) for the first key already seen in an earlier row; remembers this row's keys."""
        found = None
        for kind, key in keys.items():
            if not key:
                continue
            earlier = self._first.setdefault((kind, key), row)
            if earlier != row and found is None:
                found = (kind, earlier)
        return found
