"""Small text helpers shared by the domain modules: slugs, accent-free search keys, inert markdown and HTML."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
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


_NUMERIC = ' class="num"'


def html_table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Collection[int] = ()) -> str:
    """An HTML table whose cells are escaped text; columns whose index is in `right` are right-aligned."""

    def line(tag: str, cells: Sequence[str]) -> str:
        inner = "".join(
            f"<{tag}{_NUMERIC if i in right else ''}>{html.escape(str(c))}</{tag}>" for i, c in enumerate(cells)
        )
        return f"<tr>{inner}</tr>"

    body = "".join(line("td", row) for row in rows)
    return f"<table><thead>{line('th', header)}</thead><tbody>{body}</tbody></table>"


def url_domain(url: str) -> str:
    """The host of a URL without 'www.': 'https://www.lih.lu/en/x' -> 'lih.lu'."""
    return url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")
