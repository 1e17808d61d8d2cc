"""Unit tests of atlas.map_icons: markers and labels drawn into one atlas, keyed and anchored for deck.gl."""

from __future__ import annotations

import base64
import io
import itertools

from PIL import Image

from atlas.map_icons import ICON_SCALE, Label, Marker, draw_icon, icon_atlas, icon_key, with_icons

INK = (27, 42, 51, 255)
RED = (213, 94, 0, 255)
WHITE = (255, 255, 255, 255)
ICONS = [
    Marker(diameter=22, fill=RED, line=WHITE, line_width=2, text="H"),
    Marker(diameter=14, fill=RED, line=WHITE, line_width=1.2),
    Label("HE:AL Campus (planned)", 16, INK, WHITE, anchor="end"),
    Label("5 km", 14, INK, (238, 242, 244, 230), anchor="start"),
    Label("3", 12, INK, WHITE),
]


def atlas_image(atlas) -> Image.Image:
    assert atlas.data_url.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(atlas.data_url.split(",", 1)[1]))).convert("RGBA")


def test_equal_icons_share_a_key_and_different_ones_do_not():
    assert icon_key(Label("3", 12, INK, WHITE)) == icon_key(ICONS[4])
    assert len({icon_key(i) for i in ICONS}) == len(ICONS)
    assert icon_key(Label("3", 12, INK, WHITE, anchor="start")) != icon_key(ICONS[4]), "the anchor is in the mapping"


def test_every_icon_is_packed_once_inside_the_atlas_without_overlap():
    atlas = icon_atlas(ICONS + ICONS[:2])  # repeated icons are drawn once
    image = atlas_image(atlas)
    assert set(atlas.mapping) == {icon_key(i) for i in ICONS}
    boxes = [(m["x"], m["y"], m["x"] + m["width"], m["y"] + m["height"]) for m in atlas.mapping.values()]
    for left, top, right, bottom in boxes:
        assert 0 <= left < right <= image.width and 0 <= top < bottom <= image.height
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_anchors_follow_the_label_side_and_centre_markers():
    atlas = icon_atlas(ICONS)
    end, start, middle = (atlas.mapping[icon_key(ICONS[i])] for i in (2, 3, 0))
    assert end["anchorX"] == end["width"] and start["anchorX"] == 0
    assert middle["anchorX"] == middle["width"] // 2 and middle["anchorY"] == middle["height"] // 2
    assert not any(m["mask"] for m in atlas.mapping.values()), "icons keep their own colours"


def test_a_marker_is_its_fill_inside_its_outline_and_clear_outside():
    marker = ICONS[1]
    image = draw_icon(marker)
    centre = image.getpixel((image.width // 2, image.height // 2))
    assert centre[:3] == RED[:3] and centre[3] > 250
    assert image.getpixel((0, 0))[3] == 0, "the corners stay transparent"
    edge = image.getpixel((image.width // 2, 1))  # 1.2 px of outline at 2 atlas pixels per screen pixel
    assert edge[0] > 230 and edge[1] > 230, "the white outline"


def test_a_label_is_text_on_its_background_and_wider_for_longer_text():
    short, long_ = draw_icon(Label("5 km", 14, INK, WHITE)), draw_icon(Label("50 km from here", 14, INK, WHITE))
    assert long_.width > 2 * short.width
    assert short.height == long_.height
    colours = {c for _, c in short.getcolors(maxcolors=100_000)}
    assert WHITE in colours and any(c[0] < 80 and c[3] == 255 for c in colours), "ink on white"


def test_hostile_text_is_drawn_as_text():
    hostile = '<img src=x onerror="alert(1)"> =HYPERLINK("x")'
    image = draw_icon(Label(hostile, 14, INK, WHITE))
    assert image.width > 300, "every character drawn"


def test_rows_get_their_icon_key_and_screen_height():
    rows = with_icons([{"id": "a"}, {"id": "b"}], ICONS[:2])
    assert [r["icon"] for r in rows] == [icon_key(ICONS[0]), icon_key(ICONS[1])]
    assert rows[0]["size"] == draw_icon(ICONS[0]).height / ICON_SCALE
    assert rows[1]["size"] == draw_icon(ICONS[1]).height / ICON_SCALE
