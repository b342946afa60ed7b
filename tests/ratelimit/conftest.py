"""Every limiter test runs against the memory store and a real redis-server (fixtures shared with tests/store)."""

from tests.store.conftest import store, store_url  # noqa: F401
