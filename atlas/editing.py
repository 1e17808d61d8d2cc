"""One company edited in a form, as a one-row file for the import pipeline.

The form's values go through `atlas.importing.prepare_import` exactly like a spreadsheet row, so an edit
is validated, placed (commune, canton, point from town and site) and diffed by the same rules as an
upload. Fields the pipeline derives (canton, site id, point, location precision) are not edited.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from atlas.diff import as_text

EDITED_FIELDS = (
    "id",
    "name",
    "website",
    "founded_year",
    "subsector",
    "niches",
    "town",
    "commune",
    "street_address",
    "site",
    "description",
    "source_urls",
    "confidence",
    "notes",
    "verified_on",
    "status",
    "status_note",
)
DERIVED_FIELDS = ("canton", "site_id", "lat", "lon", "location_precision")  # shown, never typed
EDIT_FILENAME = "edit.csv"


def form_values(company: Mapping) -> dict[str, str]:
    """A company's edited fields as text for the form; sources one per line."""
    values = {f: as_text(company.get(f)) for f in EDITED_FIELDS}
    values["source_urls"] = "\n".join(values["source_urls"].split())
    return values


def edit_file(values: Mapping[str, object]) -> bytes:
    """The form's values as a one-row UTF-8 CSV whose headers are the field names (the importer knows them)."""
    row = {f: as_text(values.get(f)) for f in EDITED_FIELDS}
    row["source_urls"] = " ".join(row["source_urls"].split())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EDITED_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
