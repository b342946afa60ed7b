"""The floor for a Python gateway: raw ASGI + a pooled HTTP client, no work.

    python -m benchmarks.peers.asgi_floor --upstream-port P --port Q [--server uvicorn|granian]
                                          [--client aiohttp|lean]

Same server settings as Covenant (uvicorn, uvloop, httptools, one worker). `--client lean` forwards
with Covenant's own upstream client (`gateway.httpclient`), so the app is Covenant's stack minus
Covenant: whatever Covenant costs above it is Covenant's own code. `--client aiohttp` (the default,
the suite's `python-floor`) is what a typical Python pass-through uses (aiohttp pool, no
decompression). What either costs above nginx is the server, the client and the event loop.
"""

from __future__ import annotations

import argparse

import aiohttp

_DROP = {"host", "content-length", "connection", "transfer-encoding"}


class Floor:
    def __init__(self, upstream: str, lean: bool = False) -> None:
        self.upstream = upstream
        self.lean = lean
        self.session: aiohttp.ClientSession | None = None
        self.pool = None  # gateway.httpclient.ConnectionPool, with --client lean

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    if self.lean:
                        from gateway.httpclient import ConnectionPool

                        self.pool = ConnectionPool(self.upstream, max_connections=512)
                    else:
                        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512),
                                                             auto_decompress=False)
                    await send({"type": "lifespan.startup.complete"})
                else:
                    if self.session is not None:
                        await self.session.close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        more = True
        while more:
            msg = await receive()
            body += msg.get("body", b"")
            more = msg.get("more_body", False)
        headers = {k.decode(): v.decode() for k, v in scope["headers"] if k.decode() not in _DROP}
        if self.lean:
            await self._lean(scope, body, headers, send)
            return
        async with self.session.post(self.upstream + scope["path"], data=body, headers=headers) as resp:
            out = [(k.lower().encode(), v.encode()) for k, v in resp.headers.items()
                   if k.lower() not in _DROP]
            await send({"type": "http.response.start", "status": resp.status, "headers": out})
            if "text/event-stream" in resp.headers.get("content-type", ""):
                async for chunk in resp.content.iter_any():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b""})
            else:
                await send({"type": "http.response.body", "body": await resp.read()})


    async def _lean(self, scope, body: bytes, headers: dict[str, str], send) -> None:
        resp = await self.pool.request("POST", scope["path"], list(headers.items()), body,
                                       read_timeout=60.0, total_timeout=600.0)
        out = [(k.lower(), v) for k, v in resp.headers if k.lower().decode() not in _DROP]
        await send({"type": "http.response.start", "status": resp.status, "headers": out})
        if any(k == b"content-type" and b"text/event-stream" in v for k, v in out):
            async for chunk in resp.iter_chunks():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        else:
            await send({"type": "http.response.body", "body": await resp.read()})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream-port", type=int, required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--server", choices=("uvicorn", "granian"), default="uvicorn")
    ap.add_argument("--client", choices=("aiohttp", "lean"), default="aiohttp")
    a = ap.parse_args()
    app = Floor(f"http://127.0.0.1:{a.upstream_port}", lean=a.client == "lean")
    if a.server == "granian":
        import asyncio

        from granian.server.embed import Server

        asyncio.run(Server(app, address="127.0.0.1", port=a.port, interface="asgi").serve())
        return
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=a.port, loop="uvloop", http="httptools", access_log=False,
                log_config=None, lifespan="on")


if __name__ == "__main__":
    main()
