"""Helpers for driving real gateway replicas: keys in the shared Redis, parallel start, load, metrics."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import orjson
import redis

from gateway.identity import KeyRecord, RedisKeyStore, new_key
from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric  # noqa: F401  (re-exported for the tests here)


def add_redis_key(redis_url: str, tenant: str, account: str, **labels: str) -> str:
    """Create an API key where a gateway on a Redis store looks keys up (the shared hash)."""
    key, record = new_key(tenant, account, labels)
    put_key_record(redis_url, record)
    return key


def put_key_record(redis_url: str, record: KeyRecord) -> None:
    """Store a key record in the shared hash (again, e.g. into a restarted, empty Redis)."""
    with redis.Redis.from_url(redis_url) as r:
        r.hset(RedisKeyStore.HASH, record.key_id, orjson.dumps(record.to_dict()))


def start_all(gateways: Sequence[GatewayProcess]) -> None:
    """Start replicas together (each start waits for its own /readyz); stop them all if one fails."""
    with ThreadPoolExecutor(len(gateways)) as pool:
        futures = [pool.submit(gw.start) for gw in gateways]
        errors = [f.exception() for f in futures]
    if any(errors):
        stop_all(gateways)
        raise next(e for e in errors if e)


def stop_all(gateways: Sequence[GatewayProcess]) -> None:
    for gw in gateways:
        gw.stop()




@dataclass(frozen=True, slots=True)
class Call:
    """One request as the client saw it: wall-clock send/receive times bracket what the gateway did."""

    replica: int
    sent: float
    received: float
    status: int
    total_tokens: int = 0
    body_len: int = 0
    error: str = ""


def hammer(targets: Sequence[tuple[str, str]], body: dict, clients: int, t_start: float, t_stop: float,
           headers: dict[str, str] | None = None, timeout: float = 10.0) -> list[Call]:
    """`clients` threads send `body` back to back, round-robin over `targets` (url, key), from t_start
    until t_stop (wall clock); each returns every call it made. The body is sent as exact bytes, so
    the gateway's size-based input estimate is known to the test."""
    raw = orjson.dumps(body)
    calls: list[Call] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        mine: list[Call] = []
        with httpx.Client(timeout=timeout) as http:
            i = n
            while time.time() < t_start:
                time.sleep(0.001)
            while time.time() < t_stop:
                replica = i % len(targets)
                url, key = targets[replica]
                i += 1
                hdrs = {"authorization": f"Bearer {key}", "content-type": "application/json", **(headers or {})}
                sent = time.time()
                try:
                    resp = http.post(url, content=raw, headers=hdrs)
                except httpx.HTTPError as exc:
                    mine.append(Call(replica, sent, time.time(), 0, error=repr(exc)))
                    continue
                received = time.time()
                tokens = 0
                if resp.status_code == 200:
                    tokens = resp.json()["usage"]["total_tokens"]
                mine.append(Call(replica, sent, received, resp.status_code, tokens, len(raw)))
        with lock:
            calls.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(calls, key=lambda c: c.sent)


def run_in_background(fn: Callable[[], object]) -> tuple[threading.Thread, list]:
    """Run fn in a thread; its result (or exception) lands in the returned list."""
    out: list = []

    def target() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to the test to re-raise
            out.append(exc)

    t = threading.Thread(target=target)
    t.start()
    return t, out
