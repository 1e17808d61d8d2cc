"""The company card, the same on the Companies and Map pages: every known fact and every source."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from atlas.presentation import (
    location_summary,
    niche_labels,
    or_unknown,
    source_links,
    website_url,
)
from atlas.strings import t
from atlas.text import escape_markdown as md
from atlas.text import markdown_link
from atlas.vocabulary import confidence_label, subsector_label

COMPANY_PARAM = "company"  # the URL parameter naming the company whose card is open


def company_card(company: Mapping, landmarks: pd.DataFrame, *, link_to: str | None = None) -> None:
    """Render one company; `link_to` ('map' or 'companies') adds a link to it on that page."""
    with st.container(border=True, key=f"card_{company['id']}"):
        st.subheader(md(company["name"]), anchor=False)
        st.markdown(md(company["description"]) if company["description"] else f"*{t('card.no_description')}*")
        if company["description"] or company["notes"]:
            st.caption(t("data.source_language"))
        niches = niche_labels(company["niches"])
        st.markdown(
            " ".join(f":violet-badge[{md(n)}]" for n in niches) if niches else f"{t('card.niches')}: {t('value.none')}"
        )
        facts = {
            t("card.subsector"): subsector_label(company["subsector"]),
            t("card.founded"): or_unknown(company["founded_year"]),
            t("card.site"): or_unknown(company["site"], t("value.none")),
            t("card.town"): or_unknown(company["town"]),
            t("card.commune"): or_unknown(company["commune"]),
            t("card.canton"): or_unknown(company["canton"]),
            t("card.location"): location_summary(company, landmarks),
            t("card.address"): or_unknown(company["street_address"]),
            t("card.confidence"): confidence_label(company["confidence"]),
            t("card.verified_on"): or_unknown(company["verified_on"], t("card.not_recorded")),
        }
        st.markdown("\n".join(f"- **{t('value.label', label=k)}** {md(str(v))}" for k, v in facts.items()))
        if company["website"]:
            st.markdown(
                f"**{t('value.label', label=t('card.website'))}** {markdown_link(company['website'], website_url(company['website']))}"
            )
        if company["notes"]:
            st.markdown(f"**{t('value.label', label=t('card.notes'))}** {md(company['notes'])}")
        links = source_links(company["source_urls"])
        st.markdown(f"**{t('card.sources', n=len(links))}**")
        st.markdown("\n".join(f"{i}. {markdown_link(u, u)}" for i, u in enumerate(links, start=1)))
        if link_to:
            st.page_link(
                f"pages/{link_to}.py",
                label=t(f"card.link_{link_to}"),
                icon=":material/map:" if link_to == "map" else ":material/table:",
                query_params={COMPANY_PARAM: company["id"]},
            )
