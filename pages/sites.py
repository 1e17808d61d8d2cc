"""Sites: the four key places, then the institutes, hospitals and incubators around them."""

import pandas as pd
import streamlit as st

from atlas.filters import Filters
from atlas.sites import SiteFacts, location_quality, other_sites_by_kind, site_facts_shown
from atlas.strings import t
from atlas.text import escape_markdown, markdown_link
from components.cache import shared
from components.data import get_dataset
from components.page import page_header, source_footer
from components.places import key_site_rows, status_badge

DOMAIN_PATTERN = r"https?://(?:www\.)?([^/]+).*"


def site_details(site: dict, facts_by_id: dict[str, SiteFacts], companies_at: pd.Series) -> None:
    """Status, precision, address, description, companies and sources of one site, then its reported facts."""
    facts, companies_here = facts_by_id.get(site["id"]), int(companies_at.get(site["id"], 0))
    links = " · ".join(markdown_link(f"[{i}]", u) for i, u in enumerate(site["source_urls"].split(), 1))
    text = [  # one markdown element: each element sent costs the server a wake-up of its event loop
        status_badge(site["status"]),
        "",
        f"- **{t('value.label', label=t('sites.location'))}** {escape_markdown(location_quality(site['precision_m']))}",
        f"- **{t('value.label', label=t('sites.address'))}** {escape_markdown(site['address'])}",
        "",
        escape_markdown(site["description"]),
    ]
    if companies_here:
        text += ["", t("sites.companies_here", n=companies_here)]
    text += ["", f"**{t('value.label', label=t('sites.sources'))}** {links}"]
    if facts is not None:
        text += ["", f"**{t('sites.facts')}**"]
    st.markdown("\n".join(text))
    if facts is not None:
        if facts.disputed:
            st.warning(t("sites.disagree", topics=", ".join(facts.disputed)), icon=":material/compare_arrows:")
        st.dataframe(
            facts.table,
            column_order=["topic", "value", "as_of", "source_name", "source"],
            column_config={
                "topic": t("sites.col_topic"),
                "value": st.column_config.TextColumn(t("sites.col_value"), width="large"),
                "as_of": t("sites.col_as_of"),
                "source_name": t("sites.col_source"),
                "source": st.column_config.LinkColumn(t("sites.sources"), display_text=DOMAIN_PATTERN),
            },
            hide_index=True,
            key=f"facts_{site['id']}",
        )


page_header("sites")
dataset = get_dataset()
# computed once per data version for every session (a pass over the facts per site cost ~150 ms a run)
facts = shared("site_facts", dataset, Filters(), lambda: site_facts_shown(dataset.site_facts))
companies_at = shared("companies_at_sites", dataset, Filters(), lambda: dataset.companies["site_id"].value_counts())

st.header(t("sites.key_places"), anchor=False)
st.markdown(t("sites.key_places_intro"))
st.caption(t("sites.source_language"))
for site in key_site_rows(dataset):
    with st.container(border=True, key=f"site_{site['id']}"):
        st.subheader(escape_markdown(site["name"]), anchor=False)
        site_details(site, facts, companies_at)

st.header(t("sites.other_places"), anchor=False)
others = shared(
    "sites_by_kind",
    dataset,
    Filters(),
    lambda: [(kind, sites.to_dict("records")) for kind, sites in other_sites_by_kind(dataset.landmarks)],
)
for kind, sites in others:
    st.subheader(t(f"sites.kind_{kind}"), anchor=False)
    for site in sites:
        status = t(f"sites.status_{site['status']}")
        with st.expander(f"{escape_markdown(site['name'])} · {status}"):
            site_details(site, facts, companies_at)

source_footer()
