"""Stores are chosen by URL; opening does no I/O."""

from __future__ import annotations

import pytest

from gateway.store import Store, StoreUnavailable, open_store
from tests.support.ports import free_port


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
    store = open_store(f"redis://127.0.0.1:{free_port()}/0", timeout_ms=2000)
    with pytest.raises(StoreUnavailable) as err:
        await store.ping()
    assert err.value.reason == "connection" and err.value.backend == "redis"
    await store.close()


async def test_ping_both(store):
    await store.ping()
