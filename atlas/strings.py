"""Every user-facing string of the app, in one place (English now; French and German later).

`t("key", **values)` returns the string for the current language with values filled in.
Labels of niches and subsectors live in `atlas.vocabulary`.
"""

from __future__ import annotations

LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "Luxembourg HealthTech Atlas",
        "app.tagline": "Luxembourg's health-technology landscape, from public sources.",
        # Pages: navigation title and one-line purpose
        "page.overview.title": "Overview",
        "page.overview.purpose": "What Luxembourg's healthtech sector looks like, in published figures and in our data.",
        "page.map.title": "Map",
        "page.map.purpose": "Where the HE:AL Campus, its neighbours and the sector's companies are.",
        "page.companies.title": "Companies",
        "page.companies.purpose": "Find companies by niche, subsector, age and place, with their sources.",
        "page.insights.title": "Insights",
        "page.insights.purpose": "How the companies in the data spread over niches, subsectors, years and places.",
        "page.sites.title": "Sites",
        "page.sites.purpose": "The campus, the House of BioHealth, the hospitals, institutes and incubators around them.",
        "page.about.title": "About the data",
        "page.about.purpose": "Where every figure comes from, what the data cover and what they miss.",
        # Filter panel
        "filters.header": "Filters",
        "filters.niche": "Niche",
        "filters.subsector": "Subsector",
        "filters.founded": "Founded",
        "filters.canton": "Canton",
        "filters.site": "Site",
        "filters.search": "Search",
        "filters.search_help": "Words in the company name or description.",
        "filters.reset": "Clear filters",
        "filters.founded_excludes": "The founding-year filter leaves out {n} companies whose founding year is unknown.",
        # Counts and coverage
        "count.companies": "{n} of {total} companies",
        "coverage.short": (
            "The public record covers {n} of the ~{official} companies of the official 2025 mapping; "
            "the others are not in this dataset."
        ),
        # URL notes
        "url.unknown_param": "Ignored the unknown URL parameter '{param}'.",
        "url.unknown_value": "Ignored '{value}' in the URL parameter '{param}': no such value.",
        "url.bad_founded": "Ignored founded='{value}': expected a year range such as 2015-2025.",
        # Errors
        "error.data_title": "The data could not be loaded",
        "error.data_body": "Fix the file named below (or point HEALTHTECH_DATA_DIR at a valid data directory), then reload.",
        "error.more_problems": "…and {n} more problems.",
        # Values
        "value.unknown": "Unknown",
        "value.none": "None",
        # Company card
        "card.no_description": "No description in the sources.",
        "card.niches": "Niches",
        "card.subsector": "Subsector",
        "card.founded": "Founded",
        "card.location": "Location",
        "card.canton": "Canton",
        "card.address": "Address",
        "card.confidence": "Confidence of the sources",
        "card.website": "Website",
        "card.notes": "Notes",
        "card.sources": "Sources ({n})",
        "card.link_map": "Show on the map",
        "card.link_companies": "Open in the Companies page",
        # Map page (issue 3): keys "map.*"
        # Companies, insights and overview pages (issue 4): keys "companies.*", "insights.*", "overview.*", "export.*"
        # Sites and About pages: keys "sites.*", "about.*"
        # Footer
        "footer.sources": (
            "Sources: companies from public news, agency and company pages (each with its links); "
            "boundaries © ACT / data.public.lu (CC0); sites from Eurostat GISCO, Wikipedia and public pages."
        ),
        "footer.about": "Origins, licences and known gaps: About the data",
    },
}


def t(key: str, **values: object) -> str:
    """The UI string `key` in the current language, formatted with `values`."""
    text = STRINGS[LANGUAGE][key]
    return text.format(**values) if values else text
