"""Stores are chosen by URL; opening does no I/O."""

from __future__ import annotations

import asyncio
import time

import pytest

from gateway.store import Store, StoreUnavailable, open_store
from tests.support.ports import closed_port, free_port
from tests.support.redis_server import RedisServer


@pytest.mark.parametrize(("url", "backend"), [
    ("memory://", "memory"),
    ("redis://127.0.0.1:6379/0", "redis"),
    ("rediss://127.0.0.1:6380/1", "redis"),
    ("redis+sentinel://127.0.0.1:26379,127.0.0.1:26380/mymaster/2", "redis+sentinel"),
    ("redis+cluster://127.0.0.1:7000,127.0.0.1:7001", "redis+cluster"),
])
async def test_scheme_selects_backend(url, backend):
    store = open_store(url)
    assert isinstance(store, Store) and store.backend == backend
    await store.close()


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://x", "unknown store URL 'mysql://x'"),
    ("redis+sentinel://127.0.0.1:26379", "sentinel URL needs a service name"),
])
def test_bad_urls(url, message):
    with pytest.raises(ValueError, match=message):
        open_store(url)


async def test_unreachable_redis_is_store_unavailable():
    # A generous deadline, so the refused connection (not a busy machine's timeout) is what we see.
    with closed_port() as port:
        store = open_store(f"redis://127.0.0.1:{port}/0", timeout_ms=2000)
        with pytest.raises(StoreUnavailable) as err:
            await store.ping()
    assert err.value.reason == "connection" and err.value.backend == "redis"
    await store.close()


async def test_ping_both(store):
    await store.ping()


async def test_at_start_up_the_store_is_waited_for_until_it_answers():
    # A gateway started before its Redis (compose, Kubernetes) or on a loaded host: the first connection is retried
    # with backoff, outside the breaker, instead of failing the start on one command's 50 ms deadline.
    port = free_port()
    store = open_store(f"redis://127.0.0.1:{port}/0")
    later = asyncio.get_running_loop().run_in_executor(None, lambda: (time.sleep(0.4), RedisServer(port=port).start())[1])
    try:
        await store.wait_ready(10.0)
        await store.ping()  # the store's own deadline and breaker: untouched by the retries
    finally:
        (await later).stop()
        await store.close()


async def test_a_store_that_never_answers_fails_the_start_after_the_wait():
    with closed_port() as port:
        store = open_store(f"redis://127.0.0.1:{port}/0")
        with pytest.raises(StoreUnavailable, match="not reachable at start-up within 0.3 s") as err:
            await store.wait_ready(0.3)
    assert err.value.reason == "connection"
    await store.close()
