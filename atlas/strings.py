"""Every user-facing string of the app, in one place (English now; French and German later).

`t("key", **values)` returns the string for the current language with values filled in.
Labels of niches and subsectors live in `atlas.vocabulary`.
"""

from __future__ import annotations

LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "Luxembourg HealthTech Atlas",
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
        "map.bad_param": "Ignored {param}='{value}' in the URL: not a valid map setting.",
        "map.kind.campus": "Campus",
        "map.kind.incubator": "Incubator",
        "map.kind.hospital": "Hospital",
        "map.kind.research": "Research institute",
        "map.kind.university": "University",
        "map.kind.agency": "Agency",
        "map.kind.infrastructure": "Infrastructure",
        "map.kind.transport": "Transport",
        "map.label.heal_campus": "HE:AL Campus (planned)",
        "map.label.house_of_biohealth": "House of BioHealth",
        "map.label.sudspidol": "Südspidol (planned)",
        "map.label.city_of_sciences": "City of Sciences, Belval",
        "map.tt_site_kind": "{kind}, {status}",
        "map.tt_site_precision": "Position {precision}.",
        "map.tt_approximate": "Approximate {precision}.",
        "map.tt_shared_point": "{n} places share this point; their markers are drawn apart.",
        "map.tt_company_where": "At {site} (approximate {precision}).",
        "map.tt_spread": "{n} companies share this site; their markers are spread around it.",
        "map.tt_cluster": "{n} companies at {site}",
        "map.tt_companies": "Companies",
        "map.tt_more": "and {n} more",
        "map.tt_commune_kind": "Commune, canton {canton}",
        "map.tt_commune_count": "{n} companies known only at commune level",
        "map.tt_commune_where": "No street position: shaded on the whole commune.",
        "map.several_niches": "Several niches",
        "map.no_niche": "No niche",
        "map.ring_label": "{km} km",
        "map.what_company": "Company",
        "map.view": "View",
        "map.view.country": "Whole country",
        "map.view.south": "South (Esch / Belval)",
        "map.view.city": "Luxembourg City",
        "map.layers": "Layers",
        "map.layer.sites": "Sites",
        "map.layer.companies": "Companies",
        "map.layer.communes": "Communes choropleth",
        "map.layer.rings": "Rings",
        "map.color": "Colour companies by",
        "map.color.niche": "Niche",
        "map.color.subsector": "Subsector",
        "map.near": "Rings and distances around",
        "map.radius": "Within (km)",
        "map.online": "Online basemap",
        "map.online_help": "Adds street tiles from Carto. Needs internet; off by default, the map works offline.",
        "map.alt": (
            "Map of Luxembourg: {sites} sites including the HE:AL Campus, the House of BioHealth, Südspidol and "
            "the City of Sciences; {located} companies at a site; {communes} companies shaded by commune."
        ),
        "map.legend": "Legend",
        "map.legend_sites": "**Sites** (letter = kind; filled = existing, outlined = planned, pale = under construction)",
        "map.legend_companies": "**Companies** by {what} (small dots, spread around a shared site)",
        "map.legend_cluster": "**Companies**: one blue marker per site with the number of companies (too many to draw one by one)",
        "map.legend_communes": "**Communes**: blue shading = companies known only at commune level (darkest: {top})",
        "map.legend_uncertainty": "**Circles** around approximate sites show how far off the position may be (e.g. ±1 km).",
        "map.legend_rings": "**Rings**: 5, 10 and 20 km around {site}",
        "map.unknown_note": "{n} companies without a known location are not on the map.",
        "map.unknown_link": "See them in the Companies page",
        "map.commune_note": "{n} companies are known only by their commune: they are counted in the commune shading, not drawn as points.",
        "map.proximity_title": "Within {km} km of {site}",
        "map.proximity_caption": (
            "Geodesic distances from the site's point. Approximate places are only as precise as their "
            "stated precision; companies known only by their commune are not listed."
        ),
        "map.col_name": "Name",
        "map.col_what": "What",
        "map.col_distance": "Distance (km)",
        "map.col_precision": "Position precision",
        "map.proximity_capped": "The {shown} nearest of {n} places are listed.",
        "map.proximity_empty": "Nothing within this distance.",
        "map.click_hint": "Click a company or a site on the map to open its card.",
        "map.site_status": "Status",
        "map.site_kind": "Kind",
        "map.site_address": "Address",
        "map.site_precision": "Position",
        "map.site_sources": "Sources ({n})",
        # Companies, insights and overview pages (issue 4): keys "companies.*", "insights.*", "overview.*", "export.*"
        "insights.computed_from": (
            "Charts computed from the {n} companies in view (of {total} in the dataset; "
            "the official 2025 mapping counts {official})."
        ),
        "insights.empty": "No company matches these filters, so there is nothing to chart. Clear a filter to see more.",
        "insights.matrix_title": "Companies per niche and subsector",
        "insights.matrix_hover": "%{y} × %{x}: %{text} companies<extra></extra>",
        "insights.matrix_alt": "Grid of company counts per personalised-medicine niche (rows) and subsector (columns).",
        "insights.matrix_hint": "Click a square to filter the whole dashboard to that niche and subsector.",
        "insights.matrix_left_out": "{n} of the {total} companies in view have no niche or no subsector and are not in the grid.",
        "insights.timeline_title": "Companies founded per year, and in total so far",
        "insights.timeline_per_year": "Founded that year",
        "insights.timeline_cumulative": "Total so far",
        "insights.timeline_alt": "Bar chart of companies founded per year with a line of the running total.",
        "insights.timeline_none": "No company in view has a known founding year.",
        "insights.young_header": "Young companies",
        "insights.young_computed": "Founded {since}–{year}, in this dataset",
        "insights.young_computed_help": "Computed from the dataset: {count} of the {known} companies in view with a known founding year.",
        "insights.young_caveat": (
            "Only {known} of the {total} companies in view have a known founding year, so the computed share "
            "rests on few companies. The published shares count all companies of each mapping."
        ),
        "insights.young_published": "Published, data of {year}",
        "insights.canton_title": "Companies per canton",
        "insights.canton_alt": "Bar chart of companies per canton; companies with an unknown place are counted as Unknown.",
        "insights.site_title": "Companies per site",
        "insights.site_alt": "Bar chart of companies per named site; most companies have no named site.",
        "insights.site_none": "No named site",
        "insights.shares_title": "Share of companies per subsector: this dataset and the official 2025 mapping",
        "insights.shares_data": "This dataset (computed)",
        "insights.shares_official": "Official 2025 mapping (published)",
        "insights.shares_alt": "Grouped bars comparing subsector shares in this dataset with the official 2025 mapping.",
        "insights.shares_note": (
            "The official 2025 mapping publishes no share for services; its shares are of all {official} mapped "
            "companies. The dataset's shares are of the {known} companies in view with a known subsector."
        ),
        "insights.axis_subsector": "Subsector",
        "insights.axis_niche": "Niche",
        "insights.axis_year": "Founding year",
        "insights.axis_founded": "Companies founded",
        "insights.axis_cumulative": "Companies in total",
        "insights.axis_companies": "Companies",
        "insights.axis_canton": "Canton",
        "insights.axis_site": "Site",
        "insights.axis_share": "Share of companies (%)",
        "insights.source_dataset": "Computed from the Atlas dataset: {n} of {total} companies (public sources per company)",
        "insights.source_shares": "Sources: Atlas dataset ({known} companies with a known subsector); Luxinnovation, 2025 mapping",
        "overview.for_whom": (
            "An open map of Luxembourg's health-technology sector, from public sources. **Ministry officials** see "
            "what exists, where, how young and in which niche, with figures they can quote. **Foreign companies** "
            "see where the HE:AL Campus and its neighbours are and who works in their niche. **Presenters** get a "
            "clean offline view and exports for their decks."
        ),
        "overview.kpi_header": "In this dataset",
        "overview.kpi_companies": "Companies with public sources",
        "overview.kpi_companies_help": "Of about {official} in the official 2025 mapping; the others have no public record we could source.",
        "overview.kpi_known_year": "Founding year known",
        "overview.kpi_known_year_help": "{count} of {total} companies have a sourced founding year.",
        "overview.kpi_young": "Founded {since}–{year}",
        "overview.kpi_young_help": "{count} of the {known} companies with a known founding year (computed from the dataset).",
        "overview.kpi_niches": "Niches covered",
        "overview.kpi_niches_help": "Personalised-medicine niches with at least one company; none is tagged immune-oncology.",
        "overview.kpi_hobh": "At the House of BioHealth",
        "overview.kpi_hobh_help": "Companies whose sources place them at the House of BioHealth (it reports 40 tenants in 2025).",
        "overview.published_header": "Published sector figures",
        "overview.published_caption": "As published by the ministry, Luxinnovation and the press; each with its year and source.",
        "overview.theme_companies": "Healthtech companies per mapping",
        "overview.theme_employment": "People employed",
        "overview.theme_added_value": "Added value",
        "overview.theme_young_small": "Young and small companies",
        "overview.figure_year": "{year}",
        "overview.figure_no_year": "year not stated",
        "overview.places_header": "The four key places",
        "overview.places_link": "Sites: status, sources and conflicting figures",
        "overview.map_link": "See them on the map",
        "overview.covers_header": "What this dashboard covers",
        "overview.covers": (
            "The public record covers **{n} of the ~{official} companies** of the official 2025 mapping. Unknown facts "
            "stay blank and are shown as unknown; approximate places are marked approximate."
        ),
        "overview.covers_link": "About the data: sources, licences, gaps",
        "card.site": "Site",
        "card.town": "Town",
        "card.commune": "Commune",
        "companies.col.name": "Company",
        "companies.col.website": "Website",
        "companies.col.niches": "Niches",
        "companies.col.subsector": "Subsector",
        "companies.col.founded": "Founded",
        "companies.col.town": "Town",
        "companies.col.canton": "Canton",
        "companies.col.site": "Site",
        "companies.col.confidence": "Source confidence",
        "companies.col.confidence_help": "high: two or more sources; medium: one good source; low: a brief mention.",
        "companies.select_hint": "Select a row to open the company's card, with its sources and a link to the map.",
        "companies.table_alt": "Table of the companies matching the filters, sorted by name.",
        "companies.page": "Page",
        "companies.page_note": "Rows {first}–{last} of {n}, sorted by name ({pages} pages).",
        "companies.empty_niche": "No company in the public sources is tagged {label} yet.",
        "companies.empty_subsector": "No company in the public sources is in the subsector {label} yet.",
        "companies.empty_generic": "No company in the data matches these filters: {filters}.",
        "companies.empty_coverage": (
            "The data cover {n} of the ~{official} companies of the official 2025 mapping; "
            "clear a filter to widen the search."
        ),
        "companies.unknown_company": "No company has the id '{id}' named in the link.",
        "companies.not_in_view": "This company does not match the current filters; the link opened its card anyway.",
        "companies.export_header": "Take this list away",
        "companies.location_unknown": "Showing only the companies whose location no source gives (linked from the map).",
        "companies.location_commune": "Showing only the companies known at commune level (no point of their own).",
        "companies.location_site": "Showing only the companies placed at a named site.",
        "companies.copy_link": "Copy link to this view",
        "companies.copy_link_help": "Opens this page with the same filters (and the open company card).",
        "export.csv": "Download CSV",
        "export.xlsx": "Download Excel (XLSX)",
        "export.csv_help": "Line 1 describes the filters and the sources; the table starts on line 2.",
        "export.xlsx_help": "Sheet 'Companies' holds the rows; sheet 'About this export' the filters and sources.",
        "export.filters": "Filters",
        "export.no_filters": "none (all companies)",
        "export.about_title": "Export of",
        "export.date": "Exported on",
        "export.rows": "Rows",
        "export.coverage": "Coverage",
        "export.link": "Link to this view",
        "export.sources": "Sources",
        "export.source_note": (
            "Companies from public news, agency and company pages; each row lists the pages it rests on "
            "in the 'Sources' column. Blank cells are facts no source stated."
        ),
        "export.sheet_companies": "Companies",
        "export.sheet_about": "About this export",
        # Sites and About pages: keys "sites.*", "about.*"
        "sites.key_places": "The four key places",
        "sites.key_places_intro": (
            "The planned HE:AL Campus sits between the House of BioHealth, the future Südspidol hospital "
            "and the City of Sciences at Belval, in the south around Esch-sur-Alzette."
        ),
        "sites.other_places": "Research institutes, hospitals, incubators and infrastructure",
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
            "the field, the corrected value and a public source URL. Data owners load their own spreadsheet "
            "as a new version with the command line `python -m atlas import` (see the README)."
        ),
        # Data owners' page (issue 8): sign-in keys "access.*", page keys "manage.*"
        "page.manage.title": "Manage data",
        "page.manage.purpose": (
            "For the data owners: load the spreadsheet, review what would change, publish, correct one company, "
            "and go back to an earlier version."
        ),
        "access.unconfigured_title": "Sign-in is not configured here, so nobody can change the data on this page.",
        "access.unconfigured_body": (
            "To let the data owners sign in: copy {example} to `.streamlit/secrets.toml` (it is never committed), "
            "fill in your OpenID Connect provider, list the editors' e-mail addresses under `[atlas] editors` "
            "(or in the `{env}` environment variable, comma separated), and restart the app."
        ),
        "access.example_title": "What .streamlit/secrets.toml needs",
        "access.cli_intro": "Until then, whoever runs the server can change the data with the command line:",
        "access.cli_example": (
            "python -m atlas import mapping.xlsx        # dry run: the report and the difference, nothing written\n"
            'python -m atlas import mapping.xlsx --publish --author "Your Name" --note "2025 mapping"\n'
            "python -m atlas versions\n"
            'python -m atlas rollback 3 --author "Your Name" --note "why"'
        ),
        "access.signed_out": (
            "Only the data owners can change the data. Sign in with your organisation's account to continue; "
            "you come back to the home page, from where Manage data opens the tools."
        ),
        "access.sign_in": "Sign in",
        "access.sign_out": "Sign out",
        "access.signed_in": "Signed in as {email}.",
        "access.signed_in_editor": "Signed in as {email}, editor.",
        "access.not_editor": (
            "You are signed in as {email}, which is not on the list of editors, so you cannot change the data here. "
            "If you should have access, ask the data owners to add your address. The rest of the Atlas works as usual."
        ),
        "access.action_refused": (
            "Nothing was changed: only a signed-in editor can do this. Sign in again, or ask the data owners for access."
        ),
        "manage.latest": "Published now: version {number}, by {author}, {time}.",
        "manage.tab_upload": "Upload a spreadsheet",
        "manage.tab_edit": "Correct one company",
        "manage.tab_history": "History and roll back",
        "manage.tab_audit": "Audit trail",
        "manage.upload": "Spreadsheet (XLSX or CSV, up to {mb} MB)",
        "manage.upload_help": (
            "The first sheet of an XLSX workbook, or a CSV in UTF-8 or Windows-1252, comma or semicolon separated; "
            "up to {mb} MB and {rows} rows. Headers in English, French or German are recognised. "
            "Nothing is written until you publish."
        ),
        "manage.upload_nothing_yet": "Choose a file: you will see its problems and what would change before anything is written.",
        "manage.mode": "What the file is",
        "manage.mode_upsert": "Additions and updates (companies not in the file stay)",
        "manage.mode_replace": "The complete list (companies not in the file are removed)",
        "manage.file_unreadable": "The file could not be read, so nothing was imported: {reason}",
        "manage.mapping_refused": "The column mapping cannot be used: {reason} Choose another field for that column.",
        "manage.mapping": "Columns: {used} used, {unused} not used",
        "manage.mapping_help": (
            "Which field each column of your file fills, as recognised from its header. Change a field if it is "
            "wrong, or choose — to leave a column out."
        ),
        "manage.col_file_column": "Column in your file",
        "manage.col_field_used": "Field in the Atlas",
        "manage.report": "Report",
        "manage.rows": "Rows",
        "manage.valid_rows": "Rows without error",
        "manage.errors": "Errors",
        "manage.warnings": "Warnings",
        "manage.no_problems": "No problems found.",
        "manage.has_errors": (
            "{n} error(s): the file cannot be published as it is. Correct the rows below in your spreadsheet "
            "and upload it again."
        ),
        "manage.col_row": "Row",
        "manage.col_column": "Column",
        "manage.col_severity": "Severity",
        "manage.col_reason": "Reason",
        "manage.download_report": "Download the report (CSV)",
        "manage.offending_rows": "The rows with errors, as they are in your file",
        "manage.cut": "Showing the first {n} of {total}.",
        "manage.difference": "What would change against version {base}",
        "manage.count_added": "Added",
        "manage.count_changed": "Changed",
        "manage.count_removed": "Removed",
        "manage.no_difference": "Nothing would change: the data already hold exactly this.",
        "manage.table_added": "Added companies ({n})",
        "manage.table_removed": "Removed companies ({n})",
        "manage.table_changed": "Changed fields ({n}): old and new value side by side",
        "manage.col_id": "Atlas id",
        "manage.col_name": "Name",
        "manage.col_town": "Town",
        "manage.col_website": "Website",
        "manage.col_source_urls": "Sources",
        "manage.col_field": "Field",
        "manage.col_old": "Old value",
        "manage.col_new": "New value",
        "manage.replace_removes": (
            "The file is treated as the complete list: {n} companies that are not in it would be removed "
            "(they stay in the earlier versions)."
        ),
        "manage.publish_title": "Publish this as a new version",
        "manage.note": "Note (required): what this version is and why",
        "manage.note_placeholder": "e.g. Official 2025 mapping, cluster export of 14 March",
        "manage.publish": "Publish",
        "manage.publish_blocked_errors": "Publishing is disabled while the file has errors.",
        "manage.publish_blocked_empty": "Publishing is disabled: nothing would change.",
        "manage.publish_refused": "Nothing was published: the file has errors or changes nothing.",
        "manage.note_required": "Nothing was published: write a note saying what this version is, then try again.",
        "manage.stale": (
            "Nothing was published: the data changed while you were reviewing (version {base} was current; "
            "{author} has since published version {number}). The difference below is now against version "
            "{number}: review it and publish again."
        ),
        "manage.publish_failed": "Nothing was published: {reason}",
        "manage.store_failed": (
            "Nothing was published: the data store could not be written. Try again in a minute; if it keeps "
            "failing, tell whoever runs the server (the details are in the server log)."
        ),
        "manage.published": "Published version {number}. Every page of the Atlas shows it now.",
        "manage.edit_pick": "Company",
        "manage.edit_pick_placeholder": "Choose the company to correct",
        "manage.edit_gone": "This company is no longer in the latest version. Choose another one.",
        "manage.edit_base": "Values of version {number}. Saving publishes a new version with you as author.",
        "manage.edit_derived": "Derived from town and site when you save (not typed): {fields}.",
        "manage.derived_canton": "canton",
        "manage.derived_site_id": "site id",
        "manage.derived_lat": "latitude",
        "manage.derived_lon": "longitude",
        "manage.derived_location_precision": "placed at",
        "manage.edit_note_placeholder": "e.g. Moved to Belval (source: press release of 2 May)",
        "manage.save": "Save as a new version",
        "manage.edit_errors": "Not saved: correct the fields named below and save again.",
        "manage.edit_nothing": "Nothing was saved: no field changed.",
        "manage.stale_edit": (
            "Not saved: the data changed meanwhile (version {base} was current; {author} has since published "
            "version {number}). The form now shows version {number}: make your correction again."
        ),
        "manage.saved": "Saved as version {number}.",
        "manage.field_name": "Name",
        "manage.field_website": "Website",
        "manage.field_founded_year": "Founding year",
        "manage.field_subsector": "Subsector",
        "manage.field_niches": "Niches",
        "manage.field_town": "Town or locality",
        "manage.field_commune": "Commune (when the town is unknown)",
        "manage.field_street_address": "Street address",
        "manage.field_site": "Site (e.g. House of BioHealth)",
        "manage.field_description": "Description",
        "manage.field_source_urls": "Sources (at least one http(s) link)",
        "manage.field_confidence": "Confidence of the sources",
        "manage.field_notes": "Notes",
        "manage.field_verified_on": "Verified on",
        "manage.field_status": "Status",
        "manage.field_status_note": "Status note (when closed or merged: what happened, with its source)",
        "manage.status_active": "Active",
        "manage.status_closed": "Closed",
        "manage.status_merged": "Merged",
        "manage.help_status": (
            "Closed and merged companies stay in every version with their history, but the pages no longer list them."
        ),
        "manage.help_source_urls": "One link per line. Every company keeps at least one public source.",
        "manage.help_verified_on": "When the record was last checked: DD/MM/YYYY or YYYY-MM-DD; blank = unknown.",
        "manage.no_versions": "No version has been published yet.",
        "manage.vcol_version": "Version",
        "manage.vcol_time": "Published",
        "manage.vcol_author": "Author",
        "manage.vcol_kind": "Kind",
        "manage.vcol_note": "Note",
        "manage.vcol_file": "File",
        "manage.history_pick": "Show the difference of",
        "manage.version_label": "Version {number}, by {author}: {note}",
        "manage.history_difference": "Version {number} against version {parent}",
        "manage.history_first": "Version {number}, the first: every company was added",
        "manage.rollback_latest": "This is the latest version; choose an earlier one to roll back to it.",
        "manage.rollback": "Roll back to version {number}…",
        "manage.rollback_confirm": (
            "Publish the companies of version {number} again, as a new version after version {latest}? "
            "Nothing is deleted: version {latest} and every other version stay in the history."
        ),
        "manage.rollback_note": "Rollback to version {number}",
        "manage.rollback_yes": "Yes, roll back to version {number}",
        "manage.cancel": "Cancel",
        "manage.rollback_stale": (
            "Not rolled back: someone published version {latest} meanwhile. Check the history and try again."
        ),
        "manage.rolled_back": "Rolled back: version {new} holds the companies of version {number}.",
        "manage.audit_caption": (
            "Every change, newest first: who, when, what, and from which file (name and SHA-256 checksum). "
            "The trail is append-only; nobody can change it from this page."
        ),
        "manage.acol_time": "Time",
        "manage.acol_author": "Who",
        "manage.acol_action": "What",
        "manage.acol_version": "Version",
        "manage.acol_source_name": "File",
        "manage.acol_source_checksum": "SHA-256 of the file",
        "manage.acol_note": "Note",
        "manage.download_audit": "Download the audit trail (CSV)",
        # Footer
        "footer.sources": (
            "Sources: companies from public news, agency and company pages (each with its links); "
            "boundaries © ACT / data.public.lu (CC0); sites from Eurostat GISCO, Wikipedia and public pages."
        ),
        "footer.about": "Origins, licences and known gaps: About the data",
        # Import of owners' spreadsheets (issue 7): atlas/importing and `python -m atlas import`
        "import.file.empty": "The file is empty.",
        "import.file.too_big": "The file is {mb} MB; the import takes files up to {max_mb} MB.",
        "import.file.encrypted": (
            "The workbook is password-protected. Remove the password in Excel (File > Info > Protect Workbook) "
            "and import it again."
        ),
        "import.file.old_excel": "This is an old Excel (.xls) or other binary Office file: save it as .xlsx or CSV.",
        "import.file.not_table": (
            "This does not look like a table: none of the first {lines} lines has two or more cells."
        ),
        "import.file.too_many_rows": "The file has more than {max_rows} rows; split it into smaller files.",
        "import.file.bad_workbook": "The workbook cannot be read (it may be damaged): {reason}",
        "import.file.unpacks_too_big": "The workbook unpacks to more than {max_mb} MB; save it without the extra content.",
        "import.file.no_sheets": "The workbook has no sheets.",
        "import.file.no_such_sheet": "The workbook has no sheet named '{sheet}'; its sheets are: {sheets}.",
        "import.file.empty_sheet": "The sheet '{sheet}' is empty.",
        "import.file.not_text": "The file is neither a workbook nor text in UTF-8 or Windows-1252.",
        "import.file.bad_csv": "The CSV file cannot be read at line {line}: {reason}",
        "import.file.no_known_columns": (
            "None of the columns is a company field ({columns}); name them with --map COLUMN=FIELD."
        ),
        "import.file.skipped_lines": "{n} line(s) above the header were not part of the table and were skipped.",
        "import.column.unnamed": "column {n}",
        "import.column.unknown": 'Column \'{column}\' is not recognised and is not imported; map it with --map "{column}=FIELD" or leave it out with --map "{column}=-".',
        "import.column.twice": "Column '{column}' holds {field}, as column '{other}' already does; keep one.",
        "import.map.unknown_field": "Unknown field '{field}'; the fields are: {fields} (or - to leave a column out).",
        "import.map.no_such_column": "The mapping names column '{column}', which the file does not have.",
        "import.value.subsector": "Unknown subsector '{value}'; the subsectors are: {known}.",
        "import.value.niche": "Unknown niche '{value}'; the niches are: {known}.",
        "import.value.confidence": "Unknown confidence '{value}'; use one of: {known}.",
        "import.value.impossible_date": "{value} is not a real date.",
        "import.value.not_year": "'{value}' is not a year (write 2016 or a date such as 15/03/2016).",
        "import.value.year_range": "The founding year {value} is outside 1800–{last}.",
        "import.value.year_not_date": "'{value}' is a year; a verification date needs day, month and year (DD/MM/YYYY).",
        "import.value.not_date": "'{value}' is not a date (write DD/MM/YYYY or YYYY-MM-DD).",
        "import.value.future_date": "{value} is in the future.",
        "import.value.not_number": "'{value}' is not a number.",
        "import.value.outside_lat": "Latitude {value} is outside Luxembourg ({low}–{high}).",
        "import.value.outside_lon": "Longitude {value} is outside Luxembourg ({low}–{high}).",
        "import.value.half_point": "A point needs both latitude and longitude.",
        "import.warn.formula": "Looks like a spreadsheet formula; kept as text and never run.",
        "import.warn.html": "Looks like HTML; kept as text and never rendered.",
        "import.warn.bidi": "Holds invisible text-direction characters; kept as text.",
        "import.warn.derived": (
            "The file says '{value}'; the Atlas derives '{derived}' from the town and the site, and keeps that."
        ),
        "import.warn.unknown_town": ("'{town}' is neither a commune nor a known locality: the commune is left blank."),
        "import.warn.point_not_used": (
            "Coordinates not used: the Atlas places a company at its site's sourced point or at commune level."
        ),
        "import.blank": "blank",
        "import.row.no_name": "The company name is missing.",
        "import.row.no_id": "The name '{name}' has no letters or digits to make an id from.",
        "import.row.new_id": "Atlas id '{given}' is not in the current data; the new company gets id '{id}'.",
        "import.row.default_confidence": (
            "No confidence given: the new company is recorded with confidence '{level}' (the lowest level)."
        ),
        "import.file.default_confidence": (
            "The file has no confidence column: {n} new company(ies) are recorded with confidence '{level}' "
            "(the lowest level)."
        ),
        "import.row.duplicate_name": "The same company as row {row} (same name).",
        "import.row.duplicate_website": "The same company as row {row} (same website).",
        "import.row.duplicate_id": "The same company as row {row}.",
        "import.row.no_source": "No http(s) source: every company needs at least one source URL.",
        "import.mode.unknown": "Unknown mode '{mode}'; use one of: {modes}.",
        "import.publish.has_errors": "Not published: the file has {n} error(s). Fix them and import it again.",
        "import.cli.help": "Check a spreadsheet (XLSX or CSV) against the latest version; publish it on request.",
        "import.cli.description": "Without --publish this is a dry run: it prints the problems and the difference and writes nothing. Exit code 0: valid (and published); 1: rows have errors, nothing written; 2: the file cannot be read.",
        "import.cli.file": "The XLSX or CSV file to import.",
        "import.cli.sheet": "The sheet to read (default: the first).",
        "import.cli.mode": "upsert: rows add or update, nothing is removed; replace: companies not in the file are removed.",
        "import.cli.map": "Use column COLUMN as FIELD (or - to leave it out); repeatable. Fields: {fields}.",
        "import.cli.publish": "Publish the file as a new version if it has no errors.",
        "import.cli.author": "Who publishes (required with --publish).",
        "import.cli.note": "What the version is about.",
        "import.cli.json": "Print one JSON object instead of the report.",
        "import.cli.bad_map": "--map takes COLUMN=FIELD, not '{item}'.",
        "import.cli.cannot_read": "{file}: {message}",
        "import.cli.author_needed": "--publish needs --author NAME.",
        "import.cli.dry_run": "Dry run: nothing written. Add --publish --author NAME to publish.",
        "import.cli.nothing_to_publish": "Nothing to publish: the file matches the latest version.",
        "import.cli.default_note": "Import of {file}",
        "import.cli.published": "Published as version {number}.",
        "import.cli.refused": "Not published, nothing written: {reason}",
        "import.cli.more": "  … and {n} more (--json lists them all)",
        "import.cli.summary": "{file}{sheet}: {rows} rows, {valid} valid; {errors} errors, {warnings} warnings; mode {mode}, compared with version {base}",
        "import.cli.columns": "Columns: {columns}",
        "import.cli.problems": "Problems:",
        "import.cli.added": "Added ({n})",
        "import.cli.changed": "Changed ({n})",
        "import.cli.removed": "Removed ({n})",
        # Data store and versions (issue 7): keys "store.*", "version.*", "verified.*"
        "store.error_title": "The data store could not be reached",
        "store.error_body": (
            "The app could not read the company data from its database. Check HEALTHTECH_DATABASE_URL "
            "(or [connections.atlas] in .streamlit/secrets.toml) and that the database is running, then reload."
        ),
        "version.header": "Dataset version",
        "version.metric": "Version in use",
        "version.published": "Published {when} by {author}: {kind}.",
        "version.kind_seed": "first start, seeded from the bundled data files",
        "version.kind_import": "import of a file",
        "version.kind_edit": "edit",
        "version.kind_rollback": "rollback to an earlier version",
        "version.note": "Note: {note}",
        "version.no_note": "No note.",
        "version.source": "Source file: {name} (SHA-256 {checksum}).",
        "version.counts": "Compared with version {parent}: {added} added, {changed} changed, {removed} removed.",
        "version.store": (
            "Companies are read from the versioned data store ({dialect}): every change is a new version and "
            "old versions are kept whole."
        ),
        "verified.metric": "Verified in the last 12 months",
        "verified.text": (
            "{recent} of {n} companies were checked in the last 12 months (on or after {since}); "
            "{unrecorded} have no check date recorded. Older records may be out of date."
        ),
        "card.verified_on": "Last verified",
        "card.not_recorded": "not recorded",
        "export.version": "Dataset version",
        "export.version_value": "{number} (published {when})",
    },
}


def t(key: str, **values: object) -> str:
    """The UI string `key` in the current language, formatted with `values`."""
    text = STRINGS[LANGUAGE][key]
    return text.format(**values) if values else text
