"""Numbers, percentages and dates written the way the current language writes them (Babel).

English 1,600 and 12%; French 1 600 and 12 % (narrow no-break spaces); German 1.600 and 12 %.
Years are never grouped: pass them as they are, not through `number`.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from atlas.strings import current_language

# Babel locale of each language: British English for day-month-year dates, France's French
# (1 600, where fr_LU writes 1.600), German.
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr", "de": "de"}


def locale() -> str:
    """The Babel locale of the current language."""
    return BABEL_LOCALES[current_language()]


def number(value: float, decimals: int | None = None) -> str:
    """1600 -> '1,600' / '1 600' / '1.600'; `decimals` fixes the digits after the separator."""
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale())


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.125) as a percentage: '12%' / '12 %' / '12 %' (with `decimals` digits kept)."""
    return format_percent(round(share, decimals + 2), locale=locale(), decimal_quantization=False)


def percent_of_100(value: float, decimals: int = 0) -> str:
    """A value already in percent (12.5) as a percentage, rounded to `decimals` digits."""
    return percent(value / 100, decimals)


def day(value: date) -> str:
    """A date in words: '14 March 2025' / '14 mars 2025' / '14. März 2025'."""
    return format_date(value, "long", locale=locale())
