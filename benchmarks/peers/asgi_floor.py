"""The floor for a Python gateway on Covenant's stack: raw ASGI + a pooled aiohttp client, no work.

    python -m benchmarks.peers.asgi_floor --upstream-port P --port Q [--server uvicorn|granian]

Same server settings as Covenant (uvicorn, uvloop, httptools, one worker), same client settings
(aiohttp pool, no decompression). Whatever Covenant costs above this is Covenant's own code;
what this costs above nginx is the server, the client and the event loop.
"""

from __future__ import annotations

import argparse

import aiohttp

_DROP = {"host", "content-length", "connection", "transfer-encoding"}


class Floor:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.session: aiohttp.ClientSession | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            while True:
                msg = await receive()
                if msg["type"] == "lifespan.startup":
                    self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512),
                                                         auto_decompress=False)
                    await send({"type": "lifespan.startup.complete"})
                else:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream-port", type=int, required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--server", choices=("uvicorn", "granian"), default="uvicorn")
    a = ap.parse_args()
    app = Floor(f"http://127.0.0.1:{a.upstream_port}")
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
