"""Controlled vocabularies: the slugs the data and the URLs use, with their English labels."""

from __future__ import annotations

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
    """English label of a niche slug (the slug itself if unknown)."""
    return NICHES.get(slug, slug)


def subsector_label(slug: str) -> str:
    """English label of a subsector slug; blank stays 'Unknown'."""
    if not slug:
        return "Unknown"
    return SUBSECTORS.get(slug, slug)
