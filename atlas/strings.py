"""Every user-facing string of the app, in English, French and German, and the current language.

The text lives in `atlas/locales/catalogue.toml` (one table per key, the three languages side by
side) so that translators edit a data file, not code. `t("key", **values)` returns the string in
the current language with the values filled in. The current language is a ContextVar: the app
sets it once at the start of every script run (`set_language`), and code that runs outside the
app (tests, exports built in a worker) sees English unless it sets another language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from contextvars import ContextVar, copy_context
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

LANGUAGES: tuple[str, ...] = ("en", "fr", "de")
DEFAULT_LANGUAGE = "en"
CATALOGUE_FILE = Path(__file__).parent / "locales" / "catalogue.toml"

_language: ContextVar[str] = ContextVar("atlas_language", default=DEFAULT_LANGUAGE)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """key -> {language: text}, read once from the TOML catalogue."""
    return tomllib.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


def language_of(tag: str | None) -> str | None:
    """The supported language of a tag such as 'fr', 'FR' or 'de-LU'; None if unsupported or blank."""
    code = (tag or "").replace("_", "-").split("-")[0].strip().lower()
    return code if code in LANGUAGES else None


def set_language(language: str) -> None:
    """Make `language` (one of LANGUAGES) the current language of this context."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {', '.join(LANGUAGES)}")
    _language.set(language)


def current_language() -> str:
    """The language `t` translates into."""
    return _language.get()


def in_language(language: str, function: Callable[..., T], *args: object, **kwargs: object) -> T:
    """`function(*args, **kwargs)` with `language` current, in a copied context (the caller's is untouched).

    For work that runs outside the script run, e.g. a download built when its button is clicked.
    """

    def run() -> T:
        set_language(language)
        return function(*args, **kwargs)

    return copy_context().run(run)


def t(key: str, **values: object) -> str:
    """The UI string `key` in the current language (English if that one is blank), formatted with `values`."""
    entry = catalogue()[key]
    text = entry.get(current_language()) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
