"""The colour-blind-safe palette shared by the map and the charts (Okabe & Ito, 2008)."""

from __future__ import annotations

from collections.abc import Iterable

OKABE_ITO: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (0, 158, 115),  # bluish green
    (240, 228, 66),  # yellow
    (0, 114, 178),  # blue
    (213, 94, 0),  # vermillion
    (204, 121, 167),  # reddish purple
    (0, 0, 0),  # black
)
GREY = (153, 153, 153)


def hex_colour(rgb: Iterable[int]) -> str:
    """'#rrggbb' of an RGB triple."""
    r, g, b = list(rgb)[:3]
    return f"#{r:02x}{g:02x}{b:02x}"
