"""What the mock received: the last requests, with credentials reduced to a hash prefix."""

import hashlib
from collections import deque
from typing import Any

_CREDENTIAL_HEADERS = ("authorization", "x-api-key", "api-key")


def credential_fingerprint(value: str) -> str:
    """sha256 prefix of a credential; a `Bearer ` scheme is stripped so both headers compare alike."""
    token = value[7:] if value[:7].lower() == "bearer " else value
    return hashlib.sha256(token.encode()).hexdigest()[:16]


class RequestRecorder:
    def __init__(self, capacity: int) -> None:
        self._records: deque[dict[str, Any]] = deque(maxlen=capacity)

    def record(self, method: str, path: str, query: str, headers: Any, body: Any, fault: dict[str, Any],
               raw_path: str = "") -> None:
        kept: dict[str, str] = {}
        credentials: dict[str, str] = {}
        for name, value in headers.items():
            lower = name.lower()
            if lower in _CREDENTIAL_HEADERS:
                credentials[lower] = credential_fingerprint(value)
            else:
                kept[lower] = value
        self._records.append({
            "method": method,
            "path": path,
            "raw_path": raw_path or path,  # as sent: percent-encoding kept
            "query": query,
            "headers": kept,
            "credentials": credentials,  # header name -> sha256 prefix of its value
            "body": body,
            "fault": fault,
        })

    def records(self) -> list[dict[str, Any]]:
        return list(self._records)

    def clear(self) -> None:
        self._records.clear()
