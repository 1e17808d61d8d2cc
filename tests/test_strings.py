"""The catalogue: every key in every language, the same placeholders, every key the code uses exists."""

import ast
import string
from contextvars import copy_context
from pathlib import Path

import pytest

from atlas.geography import LOCALITY_COMMUNES
from atlas.strings import LANGUAGES, catalogue, current_language, language_of, set_language, t
from atlas.vocabulary import CONFIDENCE_LEVELS, LANDMARK_STATUSES, LOCATION_PRECISIONS, NICHES, SUBSECTORS
from tests.conftest import REPO

CODE_DIRS = ("atlas", "components", "pages")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def code_files() -> list[Path]:
    return [REPO / "app.py", *(p for d in CODE_DIRS for p in sorted((REPO / d).rglob("*.py")))]


def used_keys() -> tuple[set[str], set[str]]:
    """Literal keys of t("...") calls, and the literal prefixes of t(f"prefix{...}") calls, in the app's code."""
    keys, prefixes = set(), set()
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"):
                continue
            if not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
            elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
                prefixes.add(first.values[0].value)
    return keys, prefixes


def test_every_key_has_every_language():
    bad = [(key, lang) for key, entry in catalogue().items() for lang in LANGUAGES if not entry.get(lang, "").strip()]
    assert not bad, f"missing or empty translations: {bad}"


def test_no_unknown_language_in_the_catalogue():
    assert not [key for key, entry in catalogue().items() if set(entry) - set(LANGUAGES)]


def test_placeholders_match_across_languages():
    bad = {
        key: {lang: sorted(placeholders(entry[lang])) for lang in LANGUAGES}
        for key, entry in catalogue().items()
        if len({frozenset(placeholders(entry[lang])) for lang in LANGUAGES}) > 1
    }
    assert not bad, f"placeholders differ: {bad}"


def test_markdown_bold_markers_match_across_languages():
    bad = [k for k, e in catalogue().items() if len({e[lang].count("**") for lang in LANGUAGES}) > 1]
    assert not bad, bad


def test_every_key_used_in_code_exists():
    keys, prefixes = used_keys()
    assert len(keys) > 200 and "page.map.title" in keys and "map.kind." in prefixes, "the scan finds the calls"
    assert not keys - catalogue().keys(), (
        f"keys used in code but not in the catalogue: {sorted(keys - catalogue().keys())}"
    )
    orphans = [p for p in prefixes if not any(k.startswith(p) for k in catalogue())]
    assert not orphans, f"f-string key prefixes with no key in the catalogue: {orphans}"


def test_vocabulary_and_data_keys_exist():
    wanted = [f"niche.{s}" for s in NICHES] + [f"subsector.{s}" for s in SUBSECTORS]
    wanted += [f"confidence.{c}" for c in CONFIDENCE_LEVELS] + [f"precision.{p}" for p in LOCATION_PRECISIONS]
    wanted += [f"status.{s}" for s in LANDMARK_STATUSES] + [f"sites.status_{s}" for s in LANDMARK_STATUSES]
    wanted += [reason for _, reason in LOCALITY_COMMUNES.values()] + [f"language.name.{lang}" for lang in LANGUAGES]
    assert not [k for k in wanted if k not in catalogue()]


def test_niche_labels_are_translated():
    def label(lang):
        set_language(lang)
        return t("niche.molecular-diagnostics")

    assert [copy_context().run(label, lang) for lang in LANGUAGES] == [
        "Molecular diagnostics",
        "Diagnostic moléculaire",
        "Molekulare Diagnostik",
    ]


def test_language_is_per_context_and_english_by_default():
    def french_title():
        set_language("fr")
        return t("page.map.title"), current_language()

    assert copy_context().run(french_title) == ("Carte", "fr")
    assert current_language() == "en" and t("page.map.title") == "Map"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("fr", "fr"), ("FR", "fr"), ("de-LU", "de"), ("en_GB", "en"), ("lb", None), ("", None), (None, None)],
)
def test_language_of_tags(tag, expected):
    assert language_of(tag) == expected


def test_unsupported_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language 'lb'"):
        copy_context().run(set_language, "lb")
