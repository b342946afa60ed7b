"""A loopback upstream that answers every request with an SSE stream head and one event the test
chooses (by model: the request's `"model"` names the event), then keeps the stream open with
comments until the gateway closes it: for checking what the gateway does with events it cannot
read, and that it lets go of the upstream connection whatever happens. An "event" that is a JSON
object is sent as a whole JSON answer instead."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

_HEAD = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
_MODEL = re.compile(rb'"model"\s*:\s*"([^"]+)"')
_LENGTH = re.compile(rb"content-length: *(\d+)", re.IGNORECASE)


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


@dataclass
class OddStreamUpstream:
    url: str = ""
    events: dict[str, bytes] = field(default_factory=dict)  # model -> the one SSE event sent
    closed_by_peer: list[str] = field(default_factory=list)  # models whose stream the gateway closed

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        model = ""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(_LENGTH.search(head).group(1))
            body = await reader.readexactly(length)
            model = _MODEL.search(body).group(1).decode()
            event = self.events[model]
            if event.startswith(b"{"):  # a whole JSON answer
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
                             % (len(event), event))
                await writer.drain()
                return
            writer.write(_HEAD + _chunk(event))
            await writer.drain()
            while True:  # a stream that would run to the gateway's total timeout
                await asyncio.sleep(0.1)
                writer.write(_chunk(b": keep-alive\n\n"))
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            self.closed_by_peer.append(model)
        finally:
            writer.close()


@contextmanager
def running_odd_stream_upstream(events: dict[str, bytes]) -> Iterator[OddStreamUpstream]:
    upstream = OddStreamUpstream(events=events)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="odd-stream-upstream", daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(asyncio.start_server(upstream._handle, "127.0.0.1", 0), loop).result(10)
    upstream.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    try:
        yield upstream
    finally:
        server.close()
        for task in asyncio.all_tasks(loop):
            loop.call_soon_threadsafe(task.cancel)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
