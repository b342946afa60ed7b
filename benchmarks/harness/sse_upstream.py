"""A streaming upstream with a real first-token delay, for time-to-first-token measurements.

    python -m benchmarks.harness.sse_upstream --port P [--first-token-ms 50] [--interval-ms 5]

Raw asyncio HTTP/1.1 (keep-alive, chunked): answers any POST whose body asks for `"stream": true`
with the `chat.completion.chunk` events of `nginx.stream_body()`, the first after
`--first-token-ms` and the rest `--interval-ms` apart; other POSTs get the JSON completion at once.
Same events as the nginx upstream, so gateways transform the same text.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys

from benchmarks.harness.nginx import completion_body, stream_body
from benchmarks.harness.procs import stop_process, wait_port


def _events(words: int) -> list[bytes]:
    return [e.encode() + b"\n\n" for e in stream_body(words).split("\n\n") if e]


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, events: list[bytes], body: bytes,
                  first: float, interval: float) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            payload = await reader.readexactly(length) if length else b""
            compact = payload.replace(b" ", b"")
            if b'"stream":true' not in compact:
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                             + str(len(body)).encode() + b"\r\n\r\n" + body)
                await writer.drain()
                continue
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
                         b"transfer-encoding: chunked\r\n\r\n")
            await writer.drain()
            await asyncio.sleep(first)
            for i, event in enumerate(events):
                if i:
                    await asyncio.sleep(interval)
                writer.write(b"%x\r\n%s\r\n" % (len(event), event))
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def _serve(port: int, first_ms: float, interval_ms: float, words: int) -> None:
    events, body = _events(words), completion_body(words).encode()
    server = await asyncio.start_server(
        lambda r, w: _handle(r, w, events, body, first_ms / 1000, interval_ms / 1000), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


class SSEUpstream:
    """Run the server above as a pinned subprocess."""

    def __init__(self, port: int, cpu: str = "0", first_token_ms: float = 50, interval_ms: float = 5,
                 words: int = 300) -> None:
        self.port, self.cpu = port, cpu
        self.args = ["--port", str(port), "--first-token-ms", str(first_token_ms), "--interval-ms", str(interval_ms),
                     "--words", str(words)]
        self.proc: subprocess.Popen | None = None

    def start(self) -> SSEUpstream:
        self.proc = subprocess.Popen(["taskset", "-c", self.cpu, sys.executable, "-m", "benchmarks.harness.sse_upstream",
                                      *self.args])
        wait_port(self.port, self.proc)
        return self

    def stop(self) -> None:
        if self.proc:
            stop_process(self.proc, timeout=10)
            self.proc = None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--first-token-ms", type=float, default=50)
    ap.add_argument("--interval-ms", type=float, default=5)
    ap.add_argument("--words", type=int, default=300)
    a = ap.parse_args()
    try:
        import uvloop

        uvloop.run(_serve(a.port, a.first_token_ms, a.interval_ms, a.words))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
