"""A headless Streamlit client over the websocket protocol (no browser), for the load benchmark.

It speaks what the frontend speaks on /_stcore/stream: protobuf BackMsg (rerun_script with a
ClientState naming the page and query string, and the hashes of cacheable messages it already
holds, as the browser does) and ForwardMsg (new_session, deltas, script_finished). A page run is
timed from sending the rerun request to receiving script_finished. Errors are counted: an
exception element in a delta, a script that did not finish successfully, a closed connection, a
timeout, a "page not found".
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY}
STOPPED = {ForwardMsg.FINISHED_EARLY_FOR_RERUN}


@dataclass
class PageRun:
    """One page run as a client saw it."""

    page: str
    seconds: float
    bytes_received: int
    error: str = ""
    payload: bytes = b""  # every message received, concatenated (only when asked for: capture=True)


@dataclass
class Session:
    """One websocket session of the app (what one browser tab holds)."""

    url: str  # http://host:port of the app or the proxy
    timeout_s: float = 60.0
    cookie: str = ""
    cached: set[str] = field(default_factory=set)
    ws: object = None

    async def connect(self) -> None:
        """Open /_stcore/stream with the 'streamlit' subprotocol, as the frontend does."""
        uri = self.url.replace("http://", "ws://", 1) + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(
            uri,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout_s,
            ping_interval=None,
        )

    async def close(self) -> None:
        """Close the websocket (the server then drops the session)."""
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def run_page(self, page: str, query: str = "", capture: bool = False) -> PageRun:
        """Ask for a run of `page` (its url path, '' for the default page); wait until the script finished."""
        msg = BackMsg()
        state = msg.rerun_script
        state.page_name = page
        state.query_string = query
        state.cached_message_hashes.extend(sorted(self.cached))
        state.context_info.timezone = "Europe/Luxembourg"
        state.context_info.locale = "en-GB"
        state.context_info.url = f"{self.url}/{page}" + (f"?{query}" if query else "")
        started = time.perf_counter()
        received, error, captured = 0, "", []
        try:
            await self.ws.send(msg.SerializeToString())
            async with asyncio.timeout(self.timeout_s):
                while True:
                    raw = await self.ws.recv()
                    received += len(raw)
                    if capture:
                        captured.append(raw)
                    fwd = ForwardMsg()
                    fwd.ParseFromString(raw)
                    kind = fwd.WhichOneof("type")
                    if fwd.metadata.cacheable and fwd.hash:
                        self.cached.add(fwd.hash)
                    if kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                        error = error or "exception: " + fwd.delta.new_element.exception.message[:200]
                    elif kind == "page_not_found":
                        error = error or f"page not found: {page}"
                    elif kind == "script_finished":
                        if fwd.script_finished in STOPPED:
                            continue  # a rerun we asked for superseded this run
                        if fwd.script_finished not in FINISHED:
                            error = error or f"script finished with status {fwd.script_finished}"
                        break
        except TimeoutError:
            error = f"timeout after {self.timeout_s} s"
        except websockets.ConnectionClosed as err:
            error = f"connection closed: {err}"
        return PageRun(page, time.perf_counter() - started, received, error, b"".join(captured))
