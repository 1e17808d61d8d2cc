"""Which company field each column of a file holds: headers recognised in English, French and German.

A header is compared as lower-case ASCII words ('Année de création' -> 'annee de creation'). The
Atlas's own export headers and the data file's field names are recognised too, so an export imports
back. An explicit mapping (header -> field, or -> nothing to leave a column out) overrides the guess.
Columns that are neither recognised nor mapped are reported by name, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from atlas.importing.problems import ERROR, WARNING, ImportProblem
from atlas.loading import COMPANY_COLUMNS
from atlas.strings import t
from atlas.text import fold

FIELDS: tuple[str, ...] = tuple(COMPANY_COLUMNS)
NOT_IMPORTED = ("", "-", "none", "ignore")  # mapping targets that leave a column out

# field -> headers that mean it (any language; compared by header_key). The field name itself is implied.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("Atlas id", "ID", "Identifiant", "Kennung", "Slug"),
    "name": (
        "Name",
        "Company",
        "Company name",
        "Nom",
        "Nom de l'entreprise",
        "Entreprise",
        "Société",
        "Raison sociale",
        "Firma",
        "Firmenname",
        "Unternehmen",
        "Unternehmensname",
    ),
    "website": (
        "Website",
        "Web site",
        "Web",
        "URL",
        "Site web",
        "Site internet",
        "Webseite",
        "Internetseite",
        "Homepage",
    ),
    "founded_year": (
        "Founded",
        "Founding year",
        "Year founded",
        "Year of foundation",
        "Année de création",
        "Année de fondation",
        "Création",
        "Fondée en",
        "Gründungsjahr",
        "Gegründet",
        "Gründung",
    ),
    "town": ("Town", "City", "Locality", "Localité", "Ville", "Ort", "Ortschaft", "Stadt"),
    "commune": ("Commune", "Municipality", "Gemeinde"),
    "canton": ("Canton", "Kanton"),
    "street_address": ("Address", "Street address", "Adresse", "Adresse postale", "Anschrift", "Straße", "Strasse"),
    "site": ("Site", "Campus", "Location site", "Standort"),
    "site_id": ("Site id",),
    "subsector": (
        "Subsector",
        "Sub-sector",
        "Sector",
        "Sous-secteur",
        "Secteur",
        "Teilsektor",
        "Untersektor",
        "Sektor",
    ),
    "niches": ("Niches", "Niche", "Nische", "Nischen"),
    "description": ("Description", "Activity", "Activité", "Beschreibung", "Tätigkeit"),
    "source_urls": ("Sources", "Source", "Source URLs", "Source URL", "Quellen", "Quelle"),
    "confidence": ("Confidence", "Confiance", "Fiabilité", "Vertrauen", "Zuverlässigkeit"),
    "notes": (
        "Notes",
        "Note",
        "Remarks",
        "Comments",
        "Remarques",
        "Commentaires",
        "Anmerkungen",
        "Bemerkungen",
        "Notizen",
    ),
    "lat": ("Latitude", "Breitengrad", "Breite"),
    "lon": ("Longitude", "Lng", "Längengrad", "Länge"),
    "location_precision": ("Location precision", "Précision de localisation", "Lagegenauigkeit"),
    "verified_on": (
        "Verified on",
        "Verified",
        "Last verified",
        "Date verified",
        "Date de vérification",
        "Vérifié le",
        "Überprüft am",
        "Geprüft am",
        "Verifiziert am",
    ),
}


def header_key(header: str) -> str:
    """A header as lower-case ASCII words: 'Überprüft am' -> 'uberpruft am', 'source_urls' -> 'source urls'."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(header)))


_FIELD_OF_KEY: dict[str, str] = {
    header_key(h): field for field, headers in HEADER_SYNONYMS.items() for h in (field, *headers)
}


def guess_field(header: str) -> str | None:
    """The company field a header names, or None when it is not recognised."""
    return _FIELD_OF_KEY.get(header_key(header))


def column_label(header: str, index: int) -> str:
    """A column's name for reports: its header, or 'column N' (1-based) when the header is blank."""
    return header or t("import.column.unnamed", n=index + 1)


@dataclass(frozen=True)
class ColumnMapping:
    """The field of each column (None = not imported), and what the mapping found wrong."""

    labels: tuple[str, ...]  # column names for reports, one per column
    fields: tuple[str | None, ...]  # one per column
    unknown: tuple[str, ...]  # columns neither recognised nor mapped
    problems: tuple[ImportProblem, ...]

    @property
    def mapping(self) -> dict[str, str | None]:
        """File header -> company field (None = not used)."""
        return dict(zip(self.labels, self.fields, strict=True))

    @cached_property
    def imported(self) -> tuple[tuple[int, str, str], ...]:
        """(index, label, field) of the columns imported: the first column of each field."""
        first: dict[str, tuple[int, str, str]] = {}
        for index, (label, field) in enumerate(zip(self.labels, self.fields, strict=True)):
            if field is not None:
                first.setdefault(field, (index, label, field))
        return tuple(first.values())

    @cached_property
    def _column_of_field(self) -> dict[str, str]:
        return {field: label for _, label, field in self.imported}

    def column_of(self, field: str) -> str | None:
        """The file's (first) column holding `field`, or None when the file has none."""
        return self._column_of_field.get(field)


def check_overrides(overrides: dict[str, str] | None) -> dict[str, str | None]:
    """An explicit mapping with its targets checked: fields as named, 'not imported' as None.

    An unknown field raises ValueError naming the fields that exist.
    """
    checked: dict[str, str | None] = {}
    for header, target in (overrides or {}).items():
        target = (target or "").strip()
        if target.lower() in NOT_IMPORTED:
            checked[header] = None
        elif target in FIELDS:
            checked[header] = target
        else:
            raise ValueError(t("import.map.unknown_field", field=target, fields=", ".join(FIELDS)))
    return checked


def map_columns(header: tuple[str, ...], overrides: dict[str, str] | None = None) -> ColumnMapping:
    """Each column's field: the explicit mapping first (by exact header, else by header words), else the guess."""
    explicit = check_overrides(overrides)
    labels = tuple(column_label(h, i) for i, h in enumerate(header))
    problems: list[ImportProblem] = []
    used_overrides: set[str] = set()
    fields: list[str | None] = []
    unknown: list[str] = []
    for raw, label in zip(header, labels, strict=True):
        override = _override_for(explicit, raw, label)
        if override is not None:
            used_overrides.add(override)
            fields.append(explicit[override])
            continue
        field = guess_field(raw) if raw else None
        fields.append(field)
        if field is None:
            unknown.append(label)
            problems.append(ImportProblem(None, label, WARNING, t("import.column.unknown", column=label)))
    for h in explicit:
        if h not in used_overrides:
            problems.append(ImportProblem(None, h, WARNING, t("import.map.no_such_column", column=h)))
    seen: dict[str, str] = {}
    for label, field in zip(labels, fields, strict=True):
        if field is None:
            continue
        if field in seen:
            problems.append(
                ImportProblem(
                    None, label, ERROR, t("import.column.twice", column=label, other=seen[field], field=field)
                )
            )
        seen.setdefault(field, label)
    return ColumnMapping(labels=labels, fields=tuple(fields), unknown=tuple(unknown), problems=tuple(problems))


def _override_for(explicit: dict[str, str | None], raw: str, label: str) -> str | None:
    """The key of `explicit` that names this column (its header, its label, or the same header words)."""
    if raw in explicit:
        return raw
    if label in explicit:
        return label
    words = header_key(raw)
    return next((h for h in explicit if words and header_key(h) == words), None)
