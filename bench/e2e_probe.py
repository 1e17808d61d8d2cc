#!/usr/bin/env python3
"""e2e_probe.py - open a Streamlit app in headless (Debian) Chromium and measure it.

Usage:
  python e2e_probe.py URL [options]          # app already running (e.g. via serve.sh)
  python e2e_probe.py --app APP.py [options] # start `streamlit run APP.py` itself for
                                             # every run (cold start), then stop it

Options:
  --wait-text TEXT       text that must be visible (repeatable); default: none
  --wait-selector CSS    CSS selector that must be visible (repeatable), e.g.
                         '[data-testid="stDeckGlJsonChart"] canvas'
  --screenshot PATH      full-page PNG of the last run, taken after the app is done
  --runs N               repeat N times (fresh browser context each time); medians reported
  --same-context         reuse one browser context (HTTP cache kept) across runs: a returning
                         visitor; default is a fresh context per run (first visit)
  --warmup               one extra, unreported run first (warm caches; also avoids the
                         "Page not found" modal that a deep link gets on a fresh server)
  --timeout S            per-wait timeout in seconds (default 60)
  --settle-ms MS         wait after "done" to collect late errors (default 500)
  --viewport WxH         default 1400x900
  --chromium PATH        default $CHROMIUM_PATH or /usr/bin/chromium
  --app-python PY        interpreter for --app (default: this one)
  --app-arg ARG          extra arg for `streamlit run` (repeatable; use the = form), e.g.
                         --app-arg=--server.enableStaticServing=true
  --app-env K=V          extra environment variable for the --app server (repeatable)
  --allow-dialogs        a modal ([role=dialog], e.g. Streamlit's "Page not found") does
                         not make the run fail (it is still listed under "dialogs")
  --ignore-url REGEX     failed/4xx URLs matching REGEX go to "ignored_requests"
                         (default ignores the benign /<page>/_stcore/{health,host-config}
                         404s that the frontend probes on deep links)

"Done" signal: <div data-testid="stApp" data-test-script-state="notRunning"
data-test-connection-state="CONNECTED"> (state is "initial" before the first run,
"running"/"rerunRequested" during a run), plus no element with data-stale="true".

Output: one JSON line on stdout, e.g.
  {"ok": true, "url": ..., "runs": 3, "first_render_ms": 812.4, "script_done_ms": 840.1,
   "connected_ms": ..., "process_to_health_ms": (only --app), "process_to_first_render_ms": ...,
   "long_tasks_total_ms": ..., "long_task_max_ms": ...,   # main-thread tasks > 50 ms
   "ws_bytes_received": ..., "ws_frames_received": ..., "ws_bytes_sent": ...,
   "console_errors": [...], "page_errors": [...], "failed_requests": [...],
   "http_errors": [...], "ignored_requests": [...], "exceptions": [...], "dialogs": [...],
   "per_run": [...]}
Timings are milliseconds from navigation start (or from server process spawn for
process_to_*); ws_* and error lists are from the last run. Exit status 0 when every run
found its texts/selectors and the app showed no st.exception box and no modal
dialog (unless --allow-dialogs), else 1.

Needs: pip install playwright (no browser download: uses Debian's chromium,
apt-get install -y chromium fonts-dejavu-core).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e import CHROMIUM_ARGS, DONE_SELECTOR

DEFAULT_IGNORE = r"/[^/?#]+/_stcore/(health|host-config)(\?|$)"
# Sums main-thread long tasks (>50 ms) so a frozen UI (e.g. parsing a huge deck.gl JSON) shows up.
LONGTASK_INIT = """
window.__longTasks = {n: 0, total: 0, max: 0, end: 0};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longTasks.n += 1; window.__longTasks.total += e.duration;
      window.__longTasks.max = Math.max(window.__longTasks.max, e.duration);
      window.__longTasks.end = Math.max(window.__longTasks.end, e.startTime + e.duration);
    }
  }).observe({type: 'longtask', buffered: true});
} catch (e) {}
"""


def launch_browser(pw, chromium_path: str):
    return pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)


def wait_script_done(page, timeout_ms: float) -> None:
    """Block until Streamlit reports the script run finished and nothing is stale."""
    page.wait_for_selector(DONE_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=timeout_ms)
    page.wait_for_selector(DONE_SELECTOR, state="attached", timeout=timeout_ms)


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class AppServer:
    """`streamlit run APP` on a free port; start() returns ms until /_stcore/health is ok."""

    def __init__(self, app: str, python: str, extra_args: list[str], extra_env: dict[str, str]):
        self.app, self.python, self.extra_args = app, python, extra_args
        self.env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **extra_env}
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.t_spawn = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout_s: float) -> float:
        self.port = free_port()
        cmd = [
            self.python,
            "-m",
            "streamlit",
            "run",
            self.app,
            "--server.headless",
            "true",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *self.extra_args,
        ]
        self.t_spawn = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        deadline = self.t_spawn + timeout_s
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + self.proc.stderr.read().decode()[-2000:])
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        return (time.perf_counter() - self.t_spawn) * 1000
            except OSError:
                pass
            time.sleep(0.02)
        self.stop()
        raise TimeoutError(f"streamlit not healthy after {timeout_s}s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def one_run(
    browser, url: str, args, ignore_re, screenshot: str | None, t_origin: float | None = None, shared_ctx=None
) -> dict:
    timeout_ms = args.timeout * 1000
    w, h = (int(x) for x in args.viewport.split("x"))
    ctx = shared_ctx or browser.new_context(viewport={"width": w, "height": h})
    page = ctx.new_page()
    page.add_init_script(LONGTASK_INIT)
    res: dict = {
        "console_errors": [],
        "page_errors": [],
        "failed_requests": [],
        "http_errors": [],
        "ignored_requests": [],
        "exceptions": [],
        "dialogs": [],
        "ws_bytes_received": 0,
        "ws_frames_received": 0,
        "ws_bytes_sent": 0,
        "found": True,
    }

    def on_console(msg):
        if msg.type == "error":
            loc = (msg.location or {}).get("url", "")
            if loc and ignore_re.search(loc):
                return  # "Failed to load resource" for an ignored URL
            res["console_errors"].append(msg.text[:300])

    def on_failed(req):
        item = f"{req.url[:200]} {req.failure}"
        (res["ignored_requests"] if ignore_re.search(req.url) else res["failed_requests"]).append(item)

    def on_response(resp):
        if resp.status >= 400:
            item = f"{resp.status} {resp.url[:200]}"
            (res["ignored_requests"] if ignore_re.search(resp.url) else res["http_errors"]).append(item)

    def on_ws(ws):
        def rx(payload):
            res["ws_frames_received"] += 1
            res["ws_bytes_received"] += len(payload)

        def tx(payload):
            res["ws_bytes_sent"] += len(payload)

        ws.on("framereceived", rx)
        ws.on("framesent", tx)

    page.on("console", on_console)
    page.on("pageerror", lambda e: res["page_errors"].append(str(e)[:300]))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("websocket", on_ws)

    t0 = time.perf_counter()
    ms = lambda: round((time.perf_counter() - t0) * 1000, 1)  # noqa: E731
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-connection-state="CONNECTED"]', state="attached", timeout=timeout_ms
        )
        res["connected_ms"] = ms()
        for text in args.wait_text:
            page.get_by_text(text).first.wait_for(state="visible", timeout=timeout_ms)
        for sel in args.wait_selector:
            page.locator(sel).first.wait_for(state="visible", timeout=timeout_ms)
        t_render = time.perf_counter()
        res["first_render_ms"] = ms()
        wait_script_done(page, timeout_ms)
        res["script_done_ms"] = ms()
        if t_origin is not None:
            res["process_to_first_render_ms"] = round((t_render - t_origin) * 1000, 1)
            res["process_to_script_done_ms"] = round((time.perf_counter() - t_origin) * 1000, 1)
    except Exception as e:  # timeout or navigation error
        res["found"] = False
        res["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"
    page.wait_for_timeout(args.settle_ms)
    try:
        lt = page.evaluate("window.__longTasks")
        res["long_tasks"] = lt["n"]
        res["long_tasks_total_ms"] = round(lt["total"], 1)
        res["long_task_max_ms"] = round(lt["max"], 1)
        res["busy_until_ms"] = round(lt["end"], 1)  # end of the last long task, from navigation start
    except Exception:
        pass
    res["exceptions"] = [t[:500] for t in page.locator('[data-testid="stException"]').all_inner_texts()]
    res["dialogs"] = [t[:300] for t in page.locator('[role="dialog"]').all_inner_texts()]
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)
    page.close()
    if shared_ctx is None:
        ctx.close()
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url", nargs="?")
    ap.add_argument("--app")
    ap.add_argument("--app-python", default=sys.executable)
    ap.add_argument("--app-arg", action="append", default=[])
    ap.add_argument("--app-env", action="append", default=[])
    ap.add_argument("--wait-text", action="append", default=[])
    ap.add_argument("--wait-selector", action="append", default=[])
    ap.add_argument("--screenshot")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--warmup", action="store_true")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--settle-ms", type=int, default=500)
    ap.add_argument("--viewport", default="1400x900")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    ap.add_argument("--ignore-url", default=DEFAULT_IGNORE)
    ap.add_argument("--allow-dialogs", action="store_true")
    ap.add_argument("--same-context", action="store_true")
    args = ap.parse_args()
    if bool(args.url) == bool(args.app):
        ap.error("give exactly one of URL or --app")
    ignore_re = re.compile(args.ignore_url)
    app_env = dict(kv.split("=", 1) for kv in args.app_env)

    runs: list[dict] = []
    with sync_playwright() as pw:
        browser = launch_browser(pw, args.chromium)
        shared_ctx = None
        if args.same_context:
            w, h = (int(x) for x in args.viewport.split("x"))
            shared_ctx = browser.new_context(viewport={"width": w, "height": h})
        n_total = args.runs + (1 if args.warmup else 0)
        for i in range(n_total):
            last = i == n_total - 1
            shot = args.screenshot if last else None
            if args.app:
                srv = AppServer(args.app, args.app_python, args.app_arg, app_env)
                try:
                    health_ms = srv.start(args.timeout)
                    r = one_run(browser, srv.url, args, ignore_re, shot, t_origin=srv.t_spawn, shared_ctx=shared_ctx)
                    r["process_to_health_ms"] = round(health_ms, 1)
                    r["url"] = srv.url
                finally:
                    srv.stop()
            else:
                r = one_run(browser, args.url, args, ignore_re, shot, shared_ctx=shared_ctx)
                r["url"] = args.url
            if args.warmup and i == 0:
                continue
            runs.append(r)
        browser.close()

    def med(key):
        vals = [r[key] for r in runs if key in r]
        return round(statistics.median(vals), 1) if vals else None

    last = runs[-1]
    out = {
        "ok": all(r["found"] and not r["exceptions"] and (args.allow_dialogs or not r["dialogs"]) for r in runs),
        "url": args.url or args.app,
        "runs": len(runs),
        "wait_text": args.wait_text,
        "wait_selector": args.wait_selector,
        "first_render_ms": med("first_render_ms"),
        "script_done_ms": med("script_done_ms"),
        "connected_ms": med("connected_ms"),
    }
    if args.app:
        out["process_to_health_ms"] = med("process_to_health_ms")
        out["process_to_first_render_ms"] = med("process_to_first_render_ms")
        out["process_to_script_done_ms"] = med("process_to_script_done_ms")
    for k in ("long_tasks_total_ms", "long_task_max_ms"):
        out[k] = med(k)
    for k in (
        "ws_bytes_received",
        "ws_frames_received",
        "ws_bytes_sent",
        "console_errors",
        "page_errors",
        "failed_requests",
        "http_errors",
        "ignored_requests",
        "exceptions",
        "dialogs",
    ):
        out[k] = last[k]
    if "error" in last:
        out["error"] = last["error"]
    if args.screenshot:
        out["screenshot"] = args.screenshot
    out["per_run"] = [
        {
            k: r.get(k)
            for k in (
                "first_render_ms",
                "script_done_ms",
                "connected_ms",
                "process_to_health_ms",
                "process_to_first_render_ms",
                "long_tasks_total_ms",
                "ws_bytes_received",
                "found",
            )
            if k in r
        }
        for r in runs
    ]
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
