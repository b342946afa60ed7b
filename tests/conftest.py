"""Shared fixtures: real servers on loopback."""

import os

import pytest

# Presidio's e-mail recognizer must use its bundled public-suffix list, never the network.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from tests.support.redis_server import RedisServer, start_redis  # noqa: E402


@pytest.fixture(scope="session")
def redis_server() -> RedisServer:
    """One redis-server for the session; tests flush what they use."""
    server = start_redis()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    redis_server.cli("FLUSHALL")
    return redis_server.url


@pytest.fixture
def own_redis() -> RedisServer:
    """A redis-server of this test's own, for tests that kill, slow or fill it."""
    server = start_redis()
    yield server
    server.stop()
