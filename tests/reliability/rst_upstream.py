"""A loopback upstream that answers every request with an SSE stream head, two events, then a TCP
reset (SO_LINGER 0): the abrupt mid-stream failure a load balancer or crashed backend produces."""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_HEAD = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")
_EVENT = (b'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"rst-1",'
          b'"choices":[{"index":0,"delta":{"content":"partial "},"finish_reason":null}]}\n\n')


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(_HEAD + _chunk(_EVENT) + _chunk(_EVENT))
        await writer.drain()
        await asyncio.sleep(0.1)
    finally:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()


@contextmanager
def running_rst_upstream() -> Iterator[str]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="rst-upstream", daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(asyncio.start_server(_handle, "127.0.0.1", 0), loop).result(10)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
