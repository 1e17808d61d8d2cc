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
        "sites.key_places": "The four key places",
        "sites.key_places_intro": (
            "The planned HE:AL Campus sits between the House of BioHealth, the future Südspidol hospital "
            "and the City of Sciences at Belval, in the south around Esch-sur-Alzette."
        ),
        "sites.other_places": "Research institutes, hospitals, incubators and infrastructure",
        "sites.status": "Status",
        "sites.location": "Location",
        "sites.address": "Address",
        "sites.facts": "What the sources report",
        "sites.disagree": "Sources disagree on: {topics}. Each version is shown with its source.",
        "sites.col_topic": "Topic",
        "sites.col_value": "Value",
        "sites.col_as_of": "As of",
        "sites.col_source": "Source",
        "sites.sources": "Sources",
        "sites.companies_here": "{n} companies in the data are at this site.",
        "sites.status_existing": "Existing",
        "sites.status_planned": "Planned",
        "sites.status_under construction": "Under construction",
        "sites.kind_campus": "Campuses",
        "sites.kind_incubator": "Incubators",
        "sites.kind_hospital": "Hospitals",
        "sites.kind_research": "Research institutes",
        "sites.kind_university": "University",
        "sites.kind_agency": "Agencies",
        "sites.kind_infrastructure": "Infrastructure",
        "sites.kind_transport": "Transport",
        "about.files": "Data files",
        "about.files_intro": "Every file the app reads, with its origin, licence and date. The app reads them from {path}.",
        "about.col_file": "File",
        "about.col_title": "Content",
        "about.col_origin": "Origin",
        "about.col_licence": "Licence",
        "about.col_edition": "Edition",
        "about.col_copied": "Copied in",
        "about.col_url": "Source",
        "about.coverage": "Coverage",
        "about.coverage_metric": "Companies with public sources",
        "about.coverage_of": "of {official} in the official 2025 mapping",
        "about.coverage_source": "Official count: {figure} ({year}), source: {link}.",
        "about.gaps": "Known gaps",
        "about.gap_list": (
            "- The public record covers {n} of the ~{official} companies of the official 2025 mapping.\n"
            "- {no_year} companies have no known founding year; {no_place} have no known location.\n"
            "- No company in the public sources is tagged immune-oncology.\n"
            "- Site coordinates marked approximate are derived, not surveyed (see the Sites page).\n"
            "- The commune boundaries are simplified: points near a border may fall in the neighbouring commune."
        ),
        "about.completeness": "Completeness per field",
        "about.completeness_caption": "Share of the {n} companies with a value, computed from the dataset.",
        "about.col_field": "Field",
        "about.col_known": "Known",
        "about.field_website": "Website",
        "about.field_founded_year": "Founding year",
        "about.field_town": "Town",
        "about.field_commune": "Commune",
        "about.field_street_address": "Street address",
        "about.field_site": "Site (e.g. House of BioHealth)",
        "about.field_subsector": "Subsector",
        "about.field_niches": "Niche(s)",
        "about.field_description": "Description",
        "about.field_lat": "Map point (site level)",
        "about.col_share": "Share known",
        "about.locations": "How companies are placed",
        "about.locations_text": (
            "A company at a named site with a sourced point (the House of BioHealth) is shown at that point, "
            "as approximate as the site. A company with only a town is placed at commune level (no point). "
            "Localities that are not communes are mapped as follows:"
        ),
        "about.col_locality": "Locality",
        "about.col_commune": "Commune",
        "about.col_reason": "Why",
        "about.corrections": "Report a correction",
        "about.corrections_text": (
            "Found a mistake or a missing company? Open an issue in the project's repository with the company, "
            "the field, the corrected value and a public source URL. Data owners can also point the app at "
            "their own files with the HEALTHTECH_DATA_DIR environment variable (same file names and columns)."
        ),
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
