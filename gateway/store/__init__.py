"""Shared state behind one protocol: `memory://` (embedded default) or Redis, chosen by URL."""

from __future__ import annotations

from gateway.store.base import AdmitOp, OpKind, OpResult, RateLimitBackend, SettleOp, Store
from gateway.store.breaker import BreakerState, CircuitBreaker
from gateway.store.errors import StoreUnavailable

__all__ = ["AdmitOp", "BreakerState", "CircuitBreaker", "OpKind", "OpResult", "RateLimitBackend", "SettleOp",
           "Store", "StoreUnavailable", "check_store_url", "is_redis_url", "open_store"]

_REDIS_SCHEMES = ("redis", "rediss", "unix", "redis+sentinel", "redis+cluster")


def _scheme(url: str) -> str:
    return url.split("://", 1)[0] if "://" in url else ""


def is_redis_url(url: str) -> bool:
    """Is this store URL one of the Redis kinds (`unix://` sockets included)? The one test every command
    uses to decide where keys, extraction state and the like live, as the gateway itself does."""
    return _scheme(url) in _REDIS_SCHEMES


def check_store_url(url: str) -> str:
    """The URL, or ValueError naming what is accepted (the password hidden), without opening anything."""
    if _scheme(url) == "memory" or is_redis_url(url):
        return url
    from gateway.logs import redact_url

    raise ValueError(f"unknown store URL {redact_url(url)!r}: expected memory://, redis://, rediss://, unix://, "
                     "redis+sentinel://host:port,host:port/service/db or redis+cluster://host:port")


def open_store(url: str, *, timeout_ms: float = 50, failure_threshold: int = 5, cooldown_s: float = 1.0) -> Store:
    """Open a store by URL. Does no I/O: Redis connects on first use (errors then are StoreUnavailable).

    memory://                                   in-process (one replica)
    redis://[:pw@]host:port/db, rediss://…      one Redis (TLS with rediss)
    redis+sentinel://[:pw@]h:p,h:p/service/db   master of `service` found through Sentinels
    redis+cluster://[:pw@]h:p[,h:p]             Redis Cluster (keys hash-tagged per tenant)
    """
    if is_redis_url(check_store_url(url)):
        from gateway.store.redis import RedisStore

        return RedisStore(url, timeout_ms=timeout_ms, failure_threshold=failure_threshold, cooldown_s=cooldown_s)
    from gateway.store.memory import MemoryStore

    return MemoryStore()
