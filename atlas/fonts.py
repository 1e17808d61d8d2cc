"""Where the DejaVu Sans font files are: Debian's fonts-dejavu-core, else the copy matplotlib ships."""

from __future__ import annotations

from pathlib import Path

import matplotlib

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path(matplotlib.get_data_path()) / "fonts" / "ttf")


def font_file(name: str) -> Path:
    """The path of font file `name` (e.g. DejaVuSans-Bold.ttf) in the first directory that has it."""
    for directory in FONT_DIRS:
        if (directory / name).is_file():
            return directory / name
    raise FileNotFoundError(f"{name} not found in {', '.join(map(str, FONT_DIRS))} (install fonts-dejavu-core)")
