"""Store fixtures: every store test runs against the memory store and a real redis-server."""

from __future__ import annotations

import pytest

from gateway.store import Store, open_store


@pytest.fixture(params=["memory", "redis"])
def store_url(request: pytest.FixtureRequest) -> str:
    if request.param == "memory":
        return "memory://"
    return request.getfixturevalue("redis_url")


@pytest.fixture
async def store(store_url: str) -> Store:
    s = open_store(store_url, timeout_ms=500)  # generous: the machine is shared and busy during tests
    yield s
    await s.close()
