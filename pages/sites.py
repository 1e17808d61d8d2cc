"""Sites: the four key places, then the institutes, hospitals and incubators around them."""

import streamlit as st

from atlas.sites import facts_of, key_sites, location_quality, other_sites_by_kind
from atlas.strings import t
from atlas.text import escape_markdown, markdown_link
from components.data import get_dataset
from components.page import page_header, source_footer

DOMAIN_PATTERN = r"https?://(?:www\.)?([^/]+).*"
STATUS_COLOURS = {"existing": "green", "planned": "orange", "under construction": "blue"}


def site_details(site, dataset) -> None:
    """Status, precision, address, description, reported facts and sources of one site."""
    st.badge(t(f"sites.status_{site['status']}"), color=STATUS_COLOURS[site["status"]])
    st.markdown(
        f"- **{t('value.label', label=t('sites.location'))}** {escape_markdown(location_quality(site['precision_m']))}\n"
        f"- **{t('value.label', label=t('sites.address'))}** {escape_markdown(site['address'])}"
    )
    st.markdown(escape_markdown(site["description"]))
    at_site = int((dataset.companies["site_id"] == site["id"]).sum())
    if at_site:
        st.markdown(t("sites.companies_here", n=at_site))
    facts = facts_of(site["id"], dataset.site_facts)
    if len(facts):
        st.markdown(f"**{t('sites.facts')}**")
        disputed = sorted(set(facts.loc[facts["disagrees"], "topic"]))
        if disputed:
            st.warning(t("sites.disagree", topics=", ".join(disputed)), icon=":material/compare_arrows:")
        st.dataframe(
            facts.assign(source=facts["source_urls"].str.split().str[0]),
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
    links = site["source_urls"].split()
    st.markdown(
        f"**{t('value.label', label=t('sites.sources'))}** "
        + " · ".join(markdown_link(f"[{i}]", u) for i, u in enumerate(links, 1))
    )


page_header("sites")
dataset = get_dataset()

st.header(t("sites.key_places"), anchor=False)
st.markdown(t("sites.key_places_intro"))
st.caption(t("sites.source_language"))
for _, site in key_sites(dataset.landmarks).iterrows():
    with st.container(border=True, key=f"site_{site['id']}"):
        st.subheader(escape_markdown(site["name"]), anchor=False)
        site_details(site, dataset)

st.header(t("sites.other_places"), anchor=False)
for kind, sites in other_sites_by_kind(dataset.landmarks):
    st.subheader(t(f"sites.kind_{kind}"), anchor=False)
    for _, site in sites.iterrows():
        status = t(f"sites.status_{site['status']}")
        with st.expander(f"{escape_markdown(site['name'])} · {status}"):
            site_details(site, dataset)

source_footer()
