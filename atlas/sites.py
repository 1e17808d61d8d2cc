"""Sites (landmarks) for display: the key places first, the others grouped by kind, facts per site."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from atlas.presentation import precision_text
from atlas.strings import t
from atlas.vocabulary import KEY_SITE_IDS, LANDMARK_KINDS

# Precision at or below this radius counts as a sourced point rather than an approximation.
SOURCED_POINT_M = 50


def key_sites(landmarks: pd.DataFrame) -> pd.DataFrame:
    """The four key places, in presentation order (those present in the data)."""
    by_id = landmarks.set_index("id", drop=False)
    return by_id.loc[[i for i in KEY_SITE_IDS if i in by_id.index]].reset_index(drop=True)


def other_sites_by_kind(landmarks: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """(kind, sites) for every kind with sites other than the key places, in vocabulary order."""
    others = landmarks[~landmarks["id"].isin(KEY_SITE_IDS)]
    return [(kind, others[others["kind"] == kind]) for kind in LANDMARK_KINDS if (others["kind"] == kind).any()]


def location_quality(precision_m: int) -> str:
    """How far the point can be trusted: 'sourced point (±50 m)' or 'approximate (±1 km)'."""
    key = "location.sourced_point" if precision_m <= SOURCED_POINT_M else "location.approximate_point"
    return t(key, precision=precision_text(int(precision_m)))


def facts_by_site(facts: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Each site's reported facts (by site id), with `disagrees` True where sources give a topic different values."""
    distinct = facts.groupby(["site_id", "topic"])["value"].transform("nunique")
    flagged = facts.assign(disagrees=distinct > 1)
    return {site_id: own.reset_index(drop=True) for site_id, own in flagged.groupby("site_id", sort=False)}


@dataclass(frozen=True)
class SiteFacts:
    """One site's reported facts as the Sites page shows them."""

    table: pa.Table  # the facts with `source`, their first source URL (an Arrow table: sent as it is, every run)
    disputed: tuple[str, ...]  # the topics on which its sources give different values, sorted


def site_facts_shown(facts: pd.DataFrame) -> dict[str, SiteFacts]:
    """Each site's SiteFacts, by site id (see `facts_by_site`)."""
    return {
        site_id: SiteFacts(
            pa.Table.from_pandas(own.assign(source=own["source_urls"].str.split().str[0]), preserve_index=False),
            tuple(sorted(set(own.loc[own["disagrees"], "topic"]))),
        )
        for site_id, own in facts_by_site(facts).items()
    }


def summary_sentence(description: str) -> str:
    """The first sentence of a site description (the part before any 'Approximate: …' note)."""
    head = description.split(" Approximate:", 1)[0].strip()
    first = head.split(". ", 1)[0].rstrip(".")
    return f"{first}." if first else ""
