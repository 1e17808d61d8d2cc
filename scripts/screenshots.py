"""Screenshot pages of the app in headless Debian chromium.

    .venv/bin/python -m scripts.screenshots [PATH ...] [--out DIR]

PATH is a page path with optional query, e.g. `companies?niche=digital-health` (default: every
page). Full-page PNGs go to DIR (default docs/screenshots/); the README uses overview.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.e2e import CHROMIUM, CHROMIUM_ARGS, REPO, StreamlitServer, wait_done

ALL_PAGES = ["", "map", "companies", "insights", "sites", "about"]


def shoot(paths: list[str], out: Path, width: int = 1400, height: int = 2200) -> list[Path]:
    """Start the app, open each path after a first visit to '/', save a full-page PNG per path."""
    out.mkdir(parents=True, exist_ok=True)
    server = StreamlitServer()
    files = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(server.url + "/")
            wait_done(page)
            for path in paths:
                page.goto(f"{server.url}/{path}")
                wait_done(page)
                page.wait_for_timeout(1500)  # charts and the map canvas settle
                name = (path.split("?")[0] or "overview").replace("/", "_")
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                files.append(target)
            browser.close()
    finally:
        server.stop()
    return files


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=ALL_PAGES)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--height", type=int, default=2200, help="viewport height in pixels")
    args = parser.parse_args()
    for f in shoot(args.paths, args.out, height=args.height):
        print(f)


if __name__ == "__main__":
    main()
