"""Helpers shared by the reliability, security and fuzz suites: metrics, audit records, polling."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson

from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric  # noqa: F401  (shared helper, used by these tests)

HERE = Path(__file__).parent
AUDIT_FILE = "audit/audit.jsonl"
FILE_AUDIT = {"sink": "file", "path": AUDIT_FILE, "content": "hash"}




def audit_records(gw: GatewayProcess) -> list[dict[str, Any]]:
    path = gw.workdir / AUDIT_FILE
    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def wait_for(check: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Poll until `check()` is truthy; return its last value (falsy on timeout: the caller asserts)."""
    deadline = time.monotonic() + timeout
    value = check()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = check()
    return value


def records_for(gw: GatewayProcess, request_ids: set[str], timeout: float = 10.0) -> list[dict[str, Any]]:
    """Audit records of these requests, once each has at least one (the writer is asynchronous)."""
    def found() -> list[dict[str, Any]] | None:
        recs = [r for r in audit_records(gw) if r.get("request_id") in request_ids]
        return recs if {r["request_id"] for r in recs} >= request_ids else None

    return wait_for(found, timeout) or [r for r in audit_records(gw) if r.get("request_id") in request_ids]


def chat(gw: GatewayProcess, key: str, *, stream: bool = False, rid: str | None = None, fault: str | None = None,
         content: str = "hello there", timeout: float = 15.0, **extra: Any) -> httpx.Response:
    headers = {"authorization": f"Bearer {key}"}
    if rid:
        headers["x-request-id"] = rid
    if fault:
        headers["x-mock-fault"] = fault
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": content}], "stream": stream,
            "max_tokens": 40, **extra}
    return httpx.post(gw.openai_base_url + "/chat/completions", json=body, headers=headers, timeout=timeout)
