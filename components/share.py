"""Sharing a view: its link and QR code (from the public base URL), and the one-page brief downloads."""

from __future__ import annotations

import shutil
from functools import partial

import streamlit as st

from atlas.brief import BriefView, brief_filename, brief_pdf, brief_png
from atlas.qr import qr_svg
from atlas.strings import current_language, in_language, t
from atlas.text import markdown_link
from atlas.urlstate import LANGUAGE_PARAM, page_url, public_base_url
from components.data import get_dataset, get_filter_options

QR_WIDTH = 170


def view_url(page: str, params: dict[str, list[str] | str]) -> str:
    """The absolute URL of `page` with `params` and the current language, from the public base URL
    (HEALTHTECH_PUBLIC_URL, else the browser's address, else http://localhost:8501)."""
    return page_url(public_base_url(st.context.url), page, {**params, LANGUAGE_PARAM: current_language()})


def qr_image(url: str, caption: str | None = None, width: int = QR_WIDTH) -> None:
    """The QR code of `url`, drawn on the server (no request leaves the page)."""
    st.image(qr_svg(url), width=width, caption=caption, alt=t("share.qr_alt"))


def brief_buttons(view: BriefView, key: str) -> None:
    """PDF and PNG downloads of the view's one-page brief, made only when clicked."""
    dataset = get_dataset()
    args = (view, dataset, get_filter_options(), getattr(dataset, "version", None))
    png_ready = shutil.which("pdftoppm") is not None
    with st.container(horizontal=True, key=f"brief_{key}"):
        st.download_button(
            t("brief.pdf"),
            data=partial(in_language, current_language(), brief_pdf, *args),
            file_name=brief_filename(view, "pdf"),
            mime="application/pdf",
            help=t("brief.pdf_help"),
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            key=f"brief_pdf_{key}",
        )
        st.download_button(
            t("brief.png"),
            data=partial(in_language, current_language(), brief_png, *args),
            file_name=brief_filename(view, "png"),
            mime="image/png",
            help=t("brief.png_help") if png_ready else t("brief.png_missing"),
            icon=":material/image:",
            on_click="ignore",
            disabled=not png_ready,
            key=f"brief_png_{key}",
        )


def share_panel(view: BriefView) -> None:
    """A "Share this view" button opening the link to this view, its QR code and the brief downloads.

    In a popover, whose content the browser draws only when it opens: the page's first render and each
    filter change skip the link, the QR image and the buttons (and the code of those elements)."""
    with st.popover(t("share.button"), icon=":material/share:", help=t("share.button_help")):
        # a plain link, not st.code: its highlighter took about a second of the page's first render
        st.markdown(f"**{t('share.link')}**  \n{markdown_link(view.url, view.url)}", help=t("share.link_help"))
        qr_image(view.url, caption=t("share.qr_caption"), width=140)
        brief_buttons(view, key=view.page)
