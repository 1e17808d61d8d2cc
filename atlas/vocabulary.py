"""Controlled vocabularies: the slugs the data and the URLs use.

NICHES and SUBSECTORS map each slug to its English label as the research base spells it (the
build reads the base with them); what users see comes from the catalogue (`niche.<slug>`,
`subsector.<slug>`) in the current language. Slugs never change with the language.
"""

from __future__ import annotations

from atlas.strings import t

NICHES: dict[str, str] = {
    "digital-health": "Digital health",
    "neurodegenerative-diseases": "Neurodegenerative diseases",
    "molecular-diagnostics": "Molecular diagnostics",
    "immune-oncology": "Immune-oncology",
}

# The categories of the official 2025 mapping (Luxinnovation), in its order of size.
SUBSECTORS: dict[str, str] = {
    "medical-devices": "Medical devices",
    "software-digital-health": "Software & digital health",
    "bio-pharma": "Bio-pharma",
    "in-vitro-diagnostics": "In-vitro diagnostics",
    "clinical-laboratory": "Clinical laboratory",
    "distributor": "Distributor",
    "services": "Services",
}

CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium", "low")

# status of a company: closed and merged companies stay in the store with their history, but the pages
# list only active ones (a blank status is active).
COMPANY_STATUSES: tuple[str, ...] = ("active", "closed", "merged")
INACTIVE_STATUSES: tuple[str, ...] = ("closed", "merged")

# location_precision of a company: at a named site's point, only its commune, or unknown.
LOCATION_PRECISIONS: tuple[str, ...] = ("site", "commune", "unknown")

LANDMARK_KINDS: tuple[str, ...] = (
    "campus",
    "incubator",
    "hospital",
    "research",
    "university",
    "agency",
    "infrastructure",
    "transport",
)
LANDMARK_STATUSES: tuple[str, ...] = ("existing", "under construction", "planned")

# The four places the dashboard is about, in the order they are presented.
KEY_SITE_IDS: tuple[str, ...] = (
    "heal_campus",
    "house_of_biohealth",
    "sudspidol",
    "city_of_sciences",
)

# Bounding box of the Grand Duchy (WGS84), with a small margin around the ACT boundaries.
LUX_LON_RANGE = (5.70, 6.55)
LUX_LAT_RANGE = (49.43, 50.20)

# The official 2025 mapping's count, the denominator of every coverage statement.
OFFICIAL_COMPANY_COUNT_2025 = 130


def niche_label(slug: str) -> str:
    """Label of a niche slug in the current language (the slug itself if unknown)."""
    return t(f"niche.{slug}") if slug in NICHES else slug


def subsector_label(slug: str) -> str:
    """Label of a subsector slug in the current language; blank is 'Unknown'."""
    if not slug:
        return t("value.unknown")
    return t(f"subsector.{slug}") if slug in SUBSECTORS else slug


def confidence_label(level: str) -> str:
    """'high' / 'élevée' / 'hoch' for a confidence level (the value itself if unknown)."""
    return t(f"confidence.{level}") if level in CONFIDENCE_LEVELS else level


def precision_label(precision: str) -> str:
    """How a company is placed (site, commune, unknown) in the current language."""
    return t(f"precision.{precision}") if precision in LOCATION_PRECISIONS else precision


def status_label(status: str) -> str:
    """A site's status (existing, under construction, planned) in lower case, in the current language."""
    return t(f"status.{status}") if status in LANDMARK_STATUSES else status
