"""Pure formatting of company facts for display: locations, niches, links, unknowns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import pandas as pd

from atlas import formats
from atlas.store import DatasetVersion
from atlas.strings import t
from atlas.validation import is_http_url
from atlas.vocabulary import niche_label


def is_blank(value: object) -> bool:
    """True for '', None, NaN and pandas NA."""
    return value is None or (isinstance(value, str) and not value.strip()) or bool(pd.isna(value))


def or_unknown(value: object, unknown: str | None = None) -> str:
    """The value as text, or `unknown` ('Unknown' in the current language) when blank."""
    if is_blank(value):
        return t("value.unknown") if unknown is None else unknown
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def utc_text(moment: datetime) -> str:
    """A moment as '2026-12-01 19:40 UTC'."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def version_lines(version: DatasetVersion) -> list[str]:
    """What to say about a dataset version: who published it when and why, its source file and its changes."""
    lines = [
        t(
            "version.published",
            when=utc_text(version.published_at),
            author=version.author,
            kind=t(f"version.kind_{version.kind}"),
        ),
        t("version.note", note=version.note) if version.note else t("version.no_note"),
    ]
    if version.source_name:
        lines.append(t("version.source", name=version.source_name, checksum=version.source_checksum[:12] or "—"))
    if version.parent is not None:
        lines.append(
            t(
                "version.counts",
                parent=version.parent,
                added=version.added,
                changed=version.changed,
                removed=version.removed,
            )
        )
    return lines


def niche_labels(niches: str) -> list[str]:
    """Labels of a semicolon list of niche slugs."""
    return [niche_label(s) for s in (niches or "").split(";") if s]


def website_url(website: str) -> str:
    """A clickable URL for a website given as host name or URL ('' when blank)."""
    if is_blank(website):
        return ""
    return website if is_http_url(website) else f"https://{website}"


def source_links(source_urls: str) -> list[str]:
    """The source URLs of a company, in their order."""
    return (source_urls or "").split()


def precision_text(metres: int) -> str:
    """'±1 km' / '±300 m' / '±1.5 km' ('±1,5 km' in French and German) for an uncertainty radius."""
    return f"±{formats.number(metres / 1000)} km" if metres >= 1000 else f"±{formats.number(metres)} m"


def location_summary(company: Mapping, landmarks: pd.DataFrame) -> str:
    """Where a company is and how precisely: site (approximate), commune only, or unknown."""
    precision = company["location_precision"]
    if precision == "site":
        site = landmarks.set_index("id").loc[company["site_id"]]
        radius = precision_text(int(site["precision_m"]))
        shown = t("location.approximate", precision=radius) if site["precision_m"] > 50 else radius
        return t("location.at_site", site=company["site"], precision=shown, commune=company["commune"])
    if precision == "commune":
        town, commune = company["town"], company["commune"]
        place = t("location.town_in_commune", town=town, commune=commune) if town and town != commune else commune
        return t("location.commune_only", place=place)
    if not is_blank(company.get("site")):
        return t("location.site_unknown", site=company["site"])
    return t("value.unknown")
