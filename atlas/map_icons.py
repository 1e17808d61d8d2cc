"""The map's markers and texts as images in one icon atlas, drawn by deck.gl's IconLayer.

Without a GPU (headless chromium, projector laptops without drivers) the browser compiles every
deck.gl layer type's shaders in software, and that dominated the map's first render: text
(TextLayer: font atlas, glyph and background shaders) and paths cost seconds each. Here every
marker and every text is drawn once with Pillow (DejaVu Sans Bold, at ICON_SCALE pixels per screen
pixel) into one PNG, so the deck needs a single layer type for sites, companies, commune counts
and labels; the geography is drawn by the map style (`atlas.map_style`). Drawn text is pixels:
hostile text cannot become markup.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from atlas.fonts import font_file

ICON_SCALE = 2  # atlas pixels per screen pixel: sharp on high-density screens and projectors
SUPERSAMPLE = 2  # markers are drawn this much larger, then reduced (smooth circle edges)
ATLAS_WIDTH = 1024  # atlas pixels per shelf
GAP = 2  # atlas pixels between icons (no bleeding between neighbours)
LINE_HEIGHT = 1.2  # label box height per font size, before padding
TRANSPARENT = (0, 0, 0, 0)
WHITE = (255, 255, 255, 255)


@dataclass(frozen=True)
class Marker:
    """A round marker: diameter and outline width in screen pixels, RGBA colours, optional centred text."""

    diameter: float
    fill: tuple[int, ...]
    line: tuple[int, ...] = TRANSPARENT
    line_width: float = 0
    text: str = ""
    text_colour: tuple[int, ...] = WHITE
    text_size: int = 13

    @property
    def anchor(self) -> str:
        return "middle"


@dataclass(frozen=True)
class Label:
    """A text on a box of `background` colour (transparent: none), sizes in screen pixels.

    `anchor` is the side of the box at its position (start: left edge, middle, end: right edge);
    vertically the box is centred on it.
    """

    text: str
    size: int
    colour: tuple[int, ...]
    background: tuple[int, ...] = TRANSPARENT
    padding: tuple[int, int] = (4, 2)
    anchor: str = "middle"


Icon = Marker | Label


def icon_key(icon: Icon) -> str:
    """A short name for `icon`, the same for equal icons (rows name their icon by it)."""
    return hashlib.blake2s(repr(icon).encode("utf-8"), digest_size=6).hexdigest()


@lru_cache(maxsize=16)
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file("DejaVuSans-Bold.ttf")), size_px)


def _draw_text(draw: ImageDraw.ImageDraw, centre: tuple[float, float], text: str, size_px: int, colour) -> None:
    draw.text(centre, text, font=_font(size_px), fill=tuple(colour), anchor="mm")


def draw_marker(marker: Marker, scale: int = ICON_SCALE) -> Image.Image:
    """The marker at `scale`: a disc of `fill` with an outline of `line_width` (centred on the edge)."""
    big = scale * SUPERSAMPLE
    side = round((marker.diameter + marker.line_width) * big) + 2
    image = Image.new("RGBA", (side, side), TRANSPARENT)
    draw = ImageDraw.Draw(image)
    box = (1, 1, side - 2, side - 2)
    if marker.line_width:
        draw.ellipse(box, fill=tuple(marker.line))
    inset = marker.line_width * big
    draw.ellipse((box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset), fill=tuple(marker.fill))
    image = image.resize((round(side / SUPERSAMPLE), round(side / SUPERSAMPLE)), Image.Resampling.LANCZOS)
    if marker.text:
        _draw_text(
            ImageDraw.Draw(image),
            (image.width / 2, image.height / 2),
            marker.text,
            marker.text_size * scale,
            marker.text_colour,
        )
    return image


def draw_label(label: Label, scale: int = ICON_SCALE) -> Image.Image:
    """The label at `scale`: its text centred on a padded box of its background colour."""
    font = _font(label.size * scale)
    left, _, right, _ = font.getbbox(label.text)
    width = round(right - left + 2 * label.padding[0] * scale)
    height = round((LINE_HEIGHT * label.size + 2 * label.padding[1]) * scale)
    image = Image.new("RGBA", (max(width, 1), height), tuple(label.background))
    _draw_text(ImageDraw.Draw(image), (width / 2, height / 2), label.text, label.size * scale, label.colour)
    return image


@lru_cache(maxsize=1024)
def draw_icon(icon: Icon, scale: int = ICON_SCALE) -> Image.Image:
    """The image of a marker or a label (drawn once per process; do not modify it)."""
    return draw_marker(icon, scale) if isinstance(icon, Marker) else draw_label(icon, scale)


def _anchor_x(anchor: str, width: int) -> int:
    return {"start": 0, "middle": width // 2, "end": width}[anchor]


@dataclass(frozen=True)
class IconAtlas:
    """One PNG holding every icon, and deck.gl's iconMapping (atlas pixels) keyed by icon_key."""

    png: bytes
    mapping: dict[str, dict]

    @property
    def data_url(self) -> str:
        """The PNG as a data: URL (the map needs no request)."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def icon_atlas(icons: Iterable[Icon], scale: int = ICON_SCALE) -> IconAtlas:
    """Every distinct icon drawn once and packed on shelves (tallest first) into one PNG."""
    images = {icon_key(icon): (icon, draw_icon(icon, scale)) for icon in icons}
    order = sorted(images, key=lambda k: (-images[k][1].height, k))
    mapping: dict[str, dict] = {}
    x = y = shelf = 0
    for key in order:
        icon, image = images[key]
        if x and x + image.width > ATLAS_WIDTH:
            x, y, shelf = 0, y + shelf + GAP, 0
        mapping[key] = {
            "x": x,
            "y": y,
            "width": image.width,
            "height": image.height,
            "anchorX": _anchor_x(icon.anchor, image.width),
            "anchorY": image.height // 2,
            "mask": False,
        }
        x, shelf = x + image.width + GAP, max(shelf, image.height)
    atlas = Image.new("RGBA", (max(ATLAS_WIDTH if y else x, 1), max(y + shelf, 1)), TRANSPARENT)
    for key, place in mapping.items():
        atlas.paste(images[key][1], (place["x"], place["y"]))
    out = io.BytesIO()
    atlas.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", optimize=True)
    return IconAtlas(png=out.getvalue(), mapping=mapping)


def with_icons(rows: Sequence[Mapping], icons: Sequence[Icon], scale: int = ICON_SCALE) -> list[dict]:
    """`rows` with `icon` (the key of its icon) and `size` (its height in screen pixels) added."""
    return [
        {**row, "icon": icon_key(icon), "size": round(draw_icon(icon, scale).height / scale, 2)}
        for row, icon in zip(rows, icons, strict=True)
    ]
