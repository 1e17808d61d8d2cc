"""Text helpers: folding, slugs, and markdown that data cannot break out of."""

from atlas.text import escape_markdown, fold, html_table, markdown_link, slugify


def test_fold_and_slugify():
    assert fold("Théracule") == "theracule"
    assert slugify("House of BioHealth") == "house-of-biohealth"
    assert slugify("meditec s.à r.l.") == "meditec-s-a-r-l"


def test_escape_markdown_neutralises_markup():
    escaped = escape_markdown("<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b**")
    assert "<" not in escaped.replace("\\<", "")
    assert "[" not in escaped.replace("\\[", "")
    assert "*" not in escaped.replace("\\*", "")


def test_markdown_link_cannot_break_out():
    link = markdown_link("a](http://evil)", "https://fr.wikipedia.org/wiki/A_(B) C")
    assert link == r"[a\]\(http\://evil\)](https://fr.wikipedia.org/wiki/A_%28B%29%20C)"


def test_html_table_keeps_each_cell_text():
    table = html_table(["Name", "km"], [["a | b <img src=x>", "1.5"], ["", "12.0"]], right={1})
    assert table == (
        '<table><thead><tr><th>Name</th><th class="num">km</th></tr></thead><tbody>'
        '<tr><td>a | b &lt;img src=x&gt;</td><td class="num">1.5</td></tr>'
        '<tr><td></td><td class="num">12.0</td></tr></tbody></table>'
    )
