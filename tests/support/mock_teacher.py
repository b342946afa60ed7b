"""Run the mock teacher in a background thread for a test: `with running_mock_teacher() as mock: ...`."""

import asyncio
import json
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from gateway.mock_teacher import MockSettings, start_mock_teacher

_START_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class MockTeacherHandle:
    url: str  # http://127.0.0.1:PORT (no /v1)
    port: int

    @property
    def openai_base_url(self) -> str:
        return self.url + "/v1"

    def _call(self, method: str, path: str, payload: Any = None) -> Any:
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def set_faults(self, faults: list[Any]) -> list[dict[str, Any]]:
        """Program faults for the next requests (see gateway/mock_teacher/faults.py)."""
        return self._call("POST", "/_mock/faults", faults)

    def clear_faults(self) -> None:
        self._call("DELETE", "/_mock/faults")

    def requests(self) -> list[dict[str, Any]]:
        """The last received API requests, oldest first."""
        return self._call("GET", "/_mock/requests")

    def clear_requests(self) -> None:
        self._call("DELETE", "/_mock/requests")


@contextmanager
def running_mock_teacher(settings: MockSettings | None = None) -> Iterator[MockTeacherHandle]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="mock-teacher", daemon=True)
    thread.start()
    try:
        future = asyncio.run_coroutine_threadsafe(start_mock_teacher(settings or MockSettings()), loop)
        runner, port = future.result(_START_TIMEOUT_S)
        try:
            yield MockTeacherHandle(url=f"http://127.0.0.1:{port}", port=port)
        finally:
            asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(_START_TIMEOUT_S)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(_START_TIMEOUT_S)
        loop.close()
