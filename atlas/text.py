"""Small text helpers shared by the domain modules: slugs and accent-free search keys."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote


def fold(text: str) -> str:
    """Lower-case ASCII folding for search: 'Théracule' -> 'theracule'."""
    if text and text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(text: str) -> str:
    """A stable URL slug: 'House of BioHealth' -> 'house-of-biohealth'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape_markdown(text: str) -> str:
    """Data text made inert for st.markdown: markup characters are backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")


def markdown_link(label: str, url: str) -> str:
    """A markdown link whose label is escaped and whose URL cannot break out of the link."""
    href = quote(url, safe=":/?#@!$&'*+,;=%~-._[]")
    return f"[{escape_markdown(label)}]({href})"
