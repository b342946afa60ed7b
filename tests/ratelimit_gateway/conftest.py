"""Three real gateway replicas (uvicorn subprocesses) on one real redis-server, for the whole package.

Starting a replica costs seconds (imports, Presidio), so the replicas are shared by the accuracy
and behaviour tests; each test uses its own accounts (its own limit state). The fault tests start
their own gateways on a Redis they may kill.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.ratelimit_gateway.helpers import add_redis_key, start_all, stop_all
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher
from tests.support.redis_server import RedisServer, start_redis

POLICIES = Path(__file__).parent / "policies_replicas"
REPLICAS = 3
# The machine running the suite is shared and often overloaded (load average > 4 on 2 cores): a
# 50 ms store deadline then trips on scheduling delays alone. Accuracy is the subject of these
# replicas; deadlines and the breaker are exercised in test_store_faults.py with the default.
STORE_TIMEOUT_MS = 500
CASES = ("requests", "concurrency", "tokens", "warmup", "stream", "single", "sdk", "shadow", "speculation",
         "spec-lease", "no-output", "choices")
WARMUP_BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}


@dataclass
class Cluster:
    gateways: list[GatewayProcess]
    redis: RedisServer
    teacher: MockTeacherHandle
    keys: dict[str, str]  # case -> API key of account "acct-<case>", labelled case=<case>


@pytest.fixture(scope="package")
def teacher() -> MockTeacherHandle:
    with running_mock_teacher() as handle:
        yield handle


@pytest.fixture(scope="package")
def cluster(teacher: MockTeacherHandle) -> Cluster:
    server = start_redis()
    gws = [GatewayProcess(upstream_url=teacher.url, policies=POLICIES, store=server.url,
                          extra_config={"store_timeout_ms": STORE_TIMEOUT_MS}) for _ in range(REPLICAS)]
    keys = {case: add_redis_key(server.url, "acme", f"acct-{case}", case=case) for case in CASES}
    try:
        start_all(gws)
        _warm_up(gws, keys["warmup"])
        yield Cluster(gws, server, teacher, keys)
    finally:
        stop_all(gws)
        server.stop()


def _warm_up(gws: list[GatewayProcess], key: str) -> None:
    """Open each replica's store connections and load the scripts before anything is measured."""
    for gw in gws:
        for _ in range(3):
            resp = httpx.post(gw.openai_base_url + "/chat/completions", json=WARMUP_BODY,
                              headers={"authorization": f"Bearer {key}"}, timeout=10)
            assert resp.status_code == 200, resp.text
