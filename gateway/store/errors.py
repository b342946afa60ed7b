"""The one error a store raises: the shared state is unreachable or too slow.

`gateway/errors.py` re-exports it into the gateway's error tree; callers apply the policy's
`on_store_error` (open | closed) when they catch it.
"""

from __future__ import annotations


class StoreUnavailable(Exception):
    """The store did not answer in time, refused the connection, or the breaker is open."""

    def __init__(self, message: str, *, backend: str = "", reason: str = "error") -> None:
        super().__init__(message)
        self.backend = backend
        # Bounded label value for metrics: "timeout" | "connection" | "breaker_open" | "error".
        self.reason = reason
