#!/usr/bin/env python3
"""interaction_latency.py - median latency from a widget change to the page updating.

Usage:
  python interaction_latency.py URL --widget KIND [--label L] [--option O] [--option-back B]
                                [--selector CSS] --watch-text TEXT [--n 10] [--warmup]

The app is opened in headless Debian Chromium and waited for until Streamlit is done.
TEXT must be on the page at start. The widget is then changed N times, alternating
"away" and "back": after each "away" change TEXT must disappear, after each "back"
change it must reappear (e.g. a marker like f"TABLE_END rows={len(df)}" placed after the
table). Each change is timed:
  page_ms  in-page: from the user input event (pointerdown/keydown, captured in the page)
           to the DOM mutation that satisfies the TEXT condition (MutationObserver)
  done_ms  in-page: from the input event to Streamlit reporting the rerun finished
           (stApp data-test-script-state="notRunning", no data-stale elements)
  wall_ms  Python-side wall time of the final input action + wait (includes CDP overhead)
  ws_bytes websocket bytes received by the browser during the change

Widget kinds (label = the widget's label text, exact):
  multiselect  away: remove tag OPTION (its "Remove OPTION" button); back: open the
               dropdown and click OPTION.                        needs --label --option
  selectbox    away: choose OPTION; back: choose OPTION_BACK.    needs --label --option --option-back
  radio        away: click OPTION; back: click OPTION_BACK.      needs --label --option --option-back
  checkbox     (also toggle) click the widget each time.         needs --label
  text_input   away: fill OPTION + Enter; back: fill OPTION_BACK + Enter. needs --label ...
  click        click CSS --selector each time (e.g. a toggle button)

Other options: --n N changes (default 10, even numbers keep the start state),
--warmup (one untimed away/back pair first), --timeout S (default 30),
--chromium PATH (default $CHROMIUM_PATH or /usr/bin/chromium), --viewport WxH.

Output: one JSON line: {"ok", "url", "widget", "n", "page_ms": {"median","min","max","p90"},
"done_ms": {...}, "wall_ms": {...}, "away_page_ms_median", "back_page_ms_median",
"ws_bytes_per_change_median", "console_errors", "exceptions", "samples": [...]}.
Exit status 0 when every change satisfied the TEXT condition, else 1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e import CHROMIUM_ARGS, DONE_SELECTOR

# In-page recorder: arm(text, wantPresent) -> records first input event time, the time the
# text condition becomes true, and the time Streamlit is done after that.
RECORDER_JS = """
window.__lat = null;
// whitespace-normalised, like Playwright's get_by_text
window.__hasText = (text) => {
  const norm = (x) => x.replace(/\\s+/g, ' ').trim();
  return norm(document.body ? document.body.textContent : '').includes(norm(text));
};
window.__latArm = (text, wantPresent) => {
  const st = {tInput: null, tCond: null, tDone: null};
  window.__lat = st;
  const onInput = () => { if (st.tInput === null) st.tInput = performance.now(); };
  for (const ev of ['pointerdown', 'mousedown', 'keydown']) {
    document.addEventListener(ev, onInput, {capture: true, once: true});
  }
  const isDone = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
      && app.getAttribute('data-test-connection-state') === 'CONNECTED'
      && !document.querySelector('[data-stale="true"]');
  };
  const check = () => {
    if (st.tInput === null) return;
    const now = performance.now();
    if (st.tCond === null && window.__hasText(text) === wantPresent) st.tCond = now;
    if (st.tCond !== null && st.tDone === null && isDone()) { st.tDone = now; obs.disconnect(); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
};
"""


def stats(vals):
    vals = [v for v in vals if v is not None]
    if not vals:
        return None
    s = sorted(vals)
    return {
        "median": round(statistics.median(s), 1),
        "min": round(s[0], 1),
        "max": round(s[-1], 1),
        "p90": round(s[min(len(s) - 1, int(0.9 * len(s)))], 1),
    }


def wait_done(page, timeout_ms):
    page.wait_for_function(
        """() => { const a = document.querySelector('[data-testid="stApp"]');
                   return a && a.getAttribute('data-test-script-state') === 'notRunning'
                     && a.getAttribute('data-test-connection-state') === 'CONNECTED'
                     && !document.querySelector('[data-stale="true"]'); }""",
        timeout=timeout_ms,
    )


def widget_root(page, testid, label):
    return (
        page.get_by_test_id(testid)
        .filter(has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True))
        .first
    )


def close_popups(page, timeout_ms):
    """Close an open listbox/popover (Escape), untimed."""
    if page.locator('[role="listbox"]:visible').count():
        page.keyboard.press("Escape")
        page.locator('[role="listbox"]:visible').first.wait_for(state="detached", timeout=timeout_ms)


def make_actions(page, a, timeout_ms):
    """Return (prepare(away), act(away)); act is the single timed input. A dropdown left
    open after act (react-aria popovers make the rest of the page inert) is closed by
    close_popups() after the measurement."""
    kind = a.widget
    noop = lambda away: None  # noqa: E731
    if kind == "multiselect":
        root = widget_root(page, "stMultiSelect", a.label)

        def prepare(away):
            if not away:  # open the dropdown so that the option is clickable
                root.locator("input").first.click(timeout=timeout_ms)
                page.get_by_role("option", name=a.option, exact=True).first.wait_for(timeout=timeout_ms)

        def act(away):
            if away:
                root.get_by_role("button", name=f"Remove {a.option}", exact=True).click(timeout=timeout_ms)
            else:
                page.get_by_role("option", name=a.option, exact=True).first.click(timeout=timeout_ms)

        return prepare, act
    if kind == "selectbox":
        root = widget_root(page, "stSelectbox", a.label)

        def prepare(away):
            root.locator("input, [role=combobox]").first.click(timeout=timeout_ms)
            page.get_by_role("option", name=a.option if away else a.option_back, exact=True).first.wait_for(
                timeout=timeout_ms
            )

        def act(away):
            page.get_by_role("option", name=a.option if away else a.option_back, exact=True).first.click(
                timeout=timeout_ms
            )

        return prepare, act
    if kind == "radio":
        root = widget_root(page, "stRadio", a.label)
        return noop, lambda away: root.get_by_text(a.option if away else a.option_back, exact=True).click(
            timeout=timeout_ms
        )
    if kind == "checkbox":
        root = page.get_by_test_id("stCheckbox").filter(has_text=a.label).first
        return noop, lambda away: root.get_by_text(a.label, exact=True).click(timeout=timeout_ms)
    if kind == "text_input":
        root = widget_root(page, "stTextInput", a.label)

        def prepare(away):
            root.locator("input").fill(a.option if away else a.option_back, timeout=timeout_ms)

        return prepare, lambda away: root.locator("input").press("Enter", timeout=timeout_ms)
    if kind == "click":
        return noop, lambda away: page.locator(a.selector).first.click(timeout=timeout_ms)
    raise SystemExit(f"unknown --widget {kind}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument(
        "--widget", required=True, choices=["multiselect", "selectbox", "radio", "checkbox", "text_input", "click"]
    )
    ap.add_argument("--label")
    ap.add_argument("--option")
    ap.add_argument("--option-back")
    ap.add_argument("--selector")
    ap.add_argument("--watch-text", required=True)
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--warmup", action="store_true")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--viewport", default="1400x900")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    a = ap.parse_args()
    timeout_ms = a.timeout * 1000
    w, h = (int(x) for x in a.viewport.split("x"))

    out = {
        "ok": False,
        "url": a.url,
        "widget": a.widget,
        "label": a.label,
        "option": a.option,
        "watch_text": a.watch_text,
        "n": 0,
    }
    console_errors: list[str] = []
    ws_bytes = [0]
    samples = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=a.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": w, "height": h})
        page.add_init_script(RECORDER_JS)
        page.on("console", lambda m: console_errors.append(m.text[:300]) if m.type == "error" else None)

        def on_ws(ws):
            ws.on("framereceived", lambda p: ws_bytes.__setitem__(0, ws_bytes[0] + len(p)))

        page.on("websocket", on_ws)
        try:
            page.goto(a.url, timeout=timeout_ms)
            page.wait_for_selector(DONE_SELECTOR, state="attached", timeout=timeout_ms)
            try:
                page.wait_for_function("t => window.__hasText(t)", arg=a.watch_text, timeout=timeout_ms)
            except Exception:
                raise RuntimeError(f"--watch-text {a.watch_text!r} is not on the page at start") from None
            wait_done(page, timeout_ms)
            # a modal (e.g. "Page not found" on a deep link into a fresh server) makes the
            # page inert; close it
            if page.locator('[role="dialog"]').count():
                out["dialogs"] = page.locator('[role="dialog"]').all_inner_texts()
                page.keyboard.press("Escape")
                page.locator('[role="dialog"]').first.wait_for(state="detached", timeout=timeout_ms)
            prepare, act = make_actions(page, a, timeout_ms)
            steps = ([True, False] if a.warmup else []) + [i % 2 == 0 for i in range(a.n)]
            for idx, away in enumerate(steps):
                prepare(away)
                page.evaluate("([t, p]) => window.__latArm(t, p)", [a.watch_text, not away])
                b0 = ws_bytes[0]
                t0 = time.perf_counter()
                act(away)
                page.wait_for_function(
                    "() => window.__lat && window.__lat.tDone !== null", timeout=timeout_ms, polling=10
                )
                wall = (time.perf_counter() - t0) * 1000
                page.wait_for_timeout(50)  # let trailing frames arrive for the byte count
                r = page.evaluate("window.__lat")
                close_popups(page, timeout_ms)
                if a.warmup and idx < 2:
                    continue
                samples.append(
                    {
                        "away": away,
                        "page_ms": round(r["tCond"] - r["tInput"], 1),
                        "done_ms": round(r["tDone"] - r["tInput"], 1),
                        "wall_ms": round(wall, 1),
                        "ws_bytes": ws_bytes[0] - b0,
                    }
                )
            out["ok"] = True
        except Exception as e:
            out["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"
            out["failed_at_change"] = len(samples)
        out["exceptions"] = [t[:500] for t in page.locator('[data-testid="stException"]').all_inner_texts()]
        browser.close()

    out["n"] = len(samples)
    out["page_ms"] = stats([s["page_ms"] for s in samples])
    out["done_ms"] = stats([s["done_ms"] for s in samples])
    out["wall_ms"] = stats([s["wall_ms"] for s in samples])
    out["away_page_ms_median"] = (stats([s["page_ms"] for s in samples if s["away"]]) or {}).get("median")
    out["back_page_ms_median"] = (stats([s["page_ms"] for s in samples if not s["away"]]) or {}).get("median")
    out["ws_bytes_per_change_median"] = statistics.median([s["ws_bytes"] for s in samples]) if samples else None
    out["console_errors"] = console_errors
    out["samples"] = samples
    out["ok"] = out["ok"] and not out["exceptions"]
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
