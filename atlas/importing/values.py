"""Cells to company values: labels to slugs, text years and dates, decimal commas, towns to communes.

Each converter takes a cell as the file holds it (text, number, date or None) and returns the value
in the data schema, or raises `ValueError` with a message for the owner. Subsector, niche and
confidence labels are recognised in English, French and German, and as the slugs themselves.
Places follow `atlas.geography`, as the build does.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from functools import lru_cache

import geopandas as gpd
import pandas as pd

from atlas import geography
from atlas.export import FORMULA_PREFIXES
from atlas.strings import t
from atlas.text import slugify
from atlas.vocabulary import CONFIDENCE_LEVELS, NICHES, SUBSECTORS

# slug -> other labels (French, German, common variants); the English label and the slug are implied.
SUBSECTOR_SYNONYMS: dict[str, tuple[str, ...]] = {
    "medical-devices": ("Dispositifs médicaux", "Dispositif médical", "Medizinprodukte", "Medizintechnik", "Medtech"),
    "software-digital-health": (
        "Logiciels et santé numérique",
        "Logiciel et santé numérique",
        "Santé numérique et logiciels",
        "Software und digitale Gesundheit",
        "Software & digitale Gesundheit",
        "Digital health & software",
    ),
    "bio-pharma": ("Biopharma", "Biopharmaceutique", "Bio-pharmaceutique", "Biopharmazie", "Biopharmazeutik"),
    "in-vitro-diagnostics": (
        "IVD",
        "Diagnostic in vitro",
        "Diagnostics in vitro",
        "In-vitro-Diagnostik",
        "In-vitro-Diagnostika",
    ),
    "clinical-laboratory": (
        "Laboratoire clinique",
        "Laboratoire d'analyses médicales",
        "Klinisches Labor",
        "Klinisches Laboratorium",
    ),
    "distributor": ("Distributeur", "Distribution", "Händler", "Vertrieb", "Großhändler"),
    "services": ("Service", "Dienstleistungen", "Dienstleistung"),
}
NICHE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "digital-health": ("Santé numérique", "Santé digitale", "e-santé", "Digitale Gesundheit"),
    "neurodegenerative-diseases": (
        "Maladies neurodégénératives",
        "Neurodegenerative Erkrankungen",
        "Neurodegenerative Krankheiten",
    ),
    "molecular-diagnostics": ("Diagnostic moléculaire", "Molekulare Diagnostik", "Molekulardiagnostik"),
    "immune-oncology": ("Immuno-oncology", "Immuno-oncologie", "Immunonkologie", "Immuno-Onkologie"),
}
CONFIDENCE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "high": ("élevée", "élevé", "haute", "forte", "hoch"),
    "medium": ("moyenne", "moyen", "mittel"),
    "low": ("faible", "basse", "niedrig", "gering"),
}
UNKNOWN_LABELS = ("Unknown", "Inconnu", "Inconnue", "Unbekannt", "n/a", "-")  # a subsector shown as unknown
NICHE_SEPARATORS = re.compile(r"[;,|\n]")
_CONNECTIVES = {"and", "et", "und"}
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
_BARE_HOST_URL = re.compile(r"^https://([^/?#\s]+)/?$", re.I)
_SOURCE_SEPARATORS = re.compile(r"[;,]?\s+")


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """A label compared without accents, case, punctuation or 'and/et/und': 'Logiciels & santé' -> 'logiciels-sante'."""
    return "-".join(w for w in slugify(label).split("-") if w not in _CONNECTIVES)


def _label_table(labels: dict[str, str], synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(text): slug for slug in labels for text in (slug, labels[slug], *synonyms.get(slug, ()))}


_SUBSECTORS = _label_table(SUBSECTORS, SUBSECTOR_SYNONYMS)
_NICHES = _label_table(NICHES, NICHE_SYNONYMS)
_CONFIDENCE = _label_table({c: c for c in CONFIDENCE_LEVELS}, CONFIDENCE_SYNONYMS)
_UNKNOWN = {label_key(u) for u in UNKNOWN_LABELS}


def text(cell: object) -> str:
    """A cell as text: blanks are '', whole numbers have no '.0', dates are YYYY-MM-DD.

    The apostrophe that an export puts before formula-like text (see `atlas.export.neutralise`) is
    removed, so the value is the original text; it stays text.
    """
    if isinstance(cell, str):
        value = cell.strip()
        return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES) else value
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float):
        if math.isnan(cell):
            return ""
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell).strip()


def subsector(cell: object) -> str:
    """A subsector label (EN/FR/DE) or slug -> slug; blank or 'Unknown' -> ''."""
    value = text(cell)
    key = label_key(value)
    if not key or key in _UNKNOWN:
        return ""
    if key in _SUBSECTORS:
        return _SUBSECTORS[key]
    raise ValueError(t("import.value.subsector", value=value, known=", ".join(SUBSECTORS.values())))


def niches(cell: object) -> str:
    """Niche labels (EN/FR/DE) or slugs, separated by ; , | or new lines -> 'slug;slug'."""
    slugs = []
    for part in NICHE_SEPARATORS.split(text(cell)):
        key = label_key(part)
        if not key:
            continue
        if key not in _NICHES:
            raise ValueError(t("import.value.niche", value=part.strip(), known=", ".join(NICHES.values())))
        if _NICHES[key] not in slugs:
            slugs.append(_NICHES[key])
    return ";".join(slugs)


def confidence(cell: object) -> str:
    """'high'/'élevée'/'hoch' -> 'high' (and so on); blank stays ''."""
    value = text(cell)
    key = label_key(value)
    if not key:
        return ""
    if key in _CONFIDENCE:
        return _CONFIDENCE[key]
    raise ValueError(t("import.value.confidence", value=value, known=", ".join(CONFIDENCE_LEVELS)))


def _real_date(year: int, month: int, day: int, written: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(t("import.value.impossible_date", value=written)) from None


def _date_of(cell: object) -> date | None:
    """A date cell or text (DD/MM/YYYY, DD.MM.YYYY, YYYY-MM-DD) as a date; None when blank or not a date."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    value = text(cell)
    if match := _DAY_FIRST.match(value):
        day, month, year = (int(g) for g in match.groups())
        return _real_date(year, month, day, value)
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
        return _real_date(year, month, day, value)
    return None


def founded_year(cell: object, today: date | None = None) -> int | None:
    """A founding year from a year (2016, '2016') or a date (DD/MM/YYYY, YYYY-MM-DD, a date cell)."""
    this_year = (today or date.today()).year
    value = text(cell)
    if not value:
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
        year = int(cell)
    elif match := _YEAR.match(value):
        year = int(match.group(1))
    elif (found := _date_of(cell)) is not None:
        year = found.year
    else:
        raise ValueError(t("import.value.not_year", value=value))
    if not 1800 <= year <= this_year:
        raise ValueError(t("import.value.year_range", value=year, last=this_year))
    return year


def verified_on(cell: object, today: date | None = None) -> str:
    """When the record was last checked, as YYYY-MM-DD (from DD/MM/YYYY, YYYY-MM-DD or a date cell)."""
    value = text(cell)
    if not value:
        return ""
    found = _date_of(cell)
    if found is None:
        if _YEAR.match(value):
            raise ValueError(t("import.value.year_not_date", value=value))
        raise ValueError(t("import.value.not_date", value=value))
    if found > (today or date.today()):
        raise ValueError(t("import.value.future_date", value=value))
    return found.isoformat()


def number(cell: object) -> float | None:
    """A number, with a decimal point or a decimal comma ('49,61'); blank -> None."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return None if isinstance(cell, float) and math.isnan(cell) else float(cell)
    value = text(cell).replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        result = float(value)
    except ValueError:
        raise ValueError(t("import.value.not_number", value=text(cell))) from None
    if not math.isfinite(result):
        raise ValueError(t("import.value.not_number", value=text(cell)))
    return result


def website(cell: object) -> str:
    """A website as the data keep it: 'https://host' (no path) becomes 'host'; other URLs stay whole."""
    value = text(cell)
    match = _BARE_HOST_URL.match(value)
    return match.group(1) if match else value


def source_urls(cell: object) -> str:
    """Source URLs separated by spaces, new lines, or '; ' / ', ' -> one space-separated list."""
    return " ".join(u for u in _SOURCE_SEPARATORS.split(text(cell)) if u)


def website_key(value: str) -> str:
    """A website compared without scheme, 'www.', case or trailing slash: 'https://www.X.lu/' -> 'x.lu'."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (value or "").strip().lower())
    return key.removeprefix("www.").rstrip("/")


@lru_cache(maxsize=65536)
def name_key(value: str) -> str:
    """A company name compared as its slug (accents, case and punctuation ignored), like its id."""
    return slugify(value or "")


# How each field's cell becomes a value (ValueError with a message when it cannot); other fields are `text`.
CONVERTERS = {
    "founded_year": founded_year,
    "verified_on": verified_on,
    "subsector": subsector,
    "niches": niches,
    "confidence": confidence,
    "lat": number,
    "lon": number,
    "website": website,
    "source_urls": source_urls,
}


def place(companies: pd.DataFrame, landmarks: pd.DataFrame, communes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Commune, canton, site id, point and precision from town and site, as the build does.

    A company whose town is blank but whose `commune` names a commune keeps that commune (placed at
    commune level); any other commune text is replaced by the one derived from town or site.
    """
    given = companies["commune"].copy()
    placed = geography.place_companies(companies, landmarks, communes)
    cantons = geography.canton_of_commune(communes)
    keep = (placed["commune"] == "") & given.isin(list(cantons))
    placed.loc[keep, "commune"] = given[keep]
    placed.loc[keep, "canton"] = given[keep].map(cantons)
    placed.loc[keep & (placed["location_precision"] == "unknown"), "location_precision"] = "commune"
    return placed
