"""Sentinel and Cluster URLs against real servers: a Sentinel watching a master, a one-node Cluster.

One node is enough to prove the hash tags: Redis refuses cross-slot scripts in cluster mode
whatever the number of nodes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from gateway.ratelimit import (
    LimitRule,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    Usage,
    compile_limits,
)
from gateway.store import AdmitOp, OpKind, StoreUnavailable, open_store
from tests.support.ports import free_port, wait_listening
from tests.support.redis_server import RedisServer, start_redis

LIMITS = compile_limits(RateLimitPolicy(limits=[
    LimitRule(name="acct", key=["account"], requests="2/minute"),
    LimitRule(name="tenant-tok", tokens="1M/day"),
    LimitRule(name="acct-conc", key=["account", "model"], concurrency=3),
])).limits


async def _exercise(url: str) -> None:
    store = open_store(url, timeout_ms=1000)
    limiter = RateLimiter(store)
    who = Subject("acme", "alice", "k1", "gpt-4o", "/v1/chat/completions")
    a = await limiter.admit(LIMITS, who, TokenEstimate(10, 10))
    await limiter.settle(a.reservation, Usage(10, 5))
    b = await limiter.admit(LIMITS, who, TokenEstimate(10, 10))
    c = await limiter.admit(LIMITS, who, TokenEstimate(10, 10))
    assert a.allowed and b.allowed and not c.allowed and c.denied_by == "acct"
    assert {s.name: s.remaining for s in b.statuses} == {"acct": 0, "tenant-tok": 1_000_000 - 35, "acct-conc": 2}
    await store.close()


@pytest.fixture
def cluster_node() -> RedisServer:
    # an explicit bus port: the default (port + 10000) overflows for ephemeral ports
    server = start_redis("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                         "--cluster-port", str(free_port()))
    server.cli("CLUSTER", "ADDSLOTSRANGE", "0", "16383")
    for _ in range(100):
        if "cluster_state:ok" in server.cli("CLUSTER", "INFO"):
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("one-node cluster did not reach cluster_state:ok")
    yield server
    server.stop()


async def test_cluster_keys_of_one_request_share_a_slot(cluster_node: RedisServer):
    url = f"redis+cluster://127.0.0.1:{cluster_node.port}"
    await _exercise(url)
    # the check is real: keys with different tags are refused by the cluster
    store = open_store(url, timeout_ms=1000)
    ops = [AdmitOp(OpKind.LOG, "cov:{a}:x", 5, 1000, 1, False), AdmitOp(OpKind.LOG, "cov:{b}:x", 5, 1000, 1, False)]
    with pytest.raises(StoreUnavailable, match="CROSSSLOT|hash to the same slot"):
        await store.ratelimit.admit(ops, None, "r1")
    await store.close()


async def test_a_cluster_that_goes_away_is_a_store_outage(cluster_node: RedisServer):
    """Once its nodes are gone the cluster client cannot even map its slots (redis-py's RedisClusterException, which
    is no RedisError): that is the store being unavailable, counted by the breaker, so each policy's
    on_store_error applies (it escaped as an unknown error: a 500 from the rate-limit stage)."""
    store = open_store(f"redis+cluster://127.0.0.1:{cluster_node.port}", timeout_ms=1000, failure_threshold=3)
    ops = [AdmitOp(OpKind.LOG, "cov:{t}:x", 5, 60_000, 1, False)]
    assert (await store.ratelimit.admit(ops, None, "r1")).results[0].applied
    cluster_node.kill()
    reasons = []
    for i in range(4):
        with pytest.raises(StoreUnavailable) as err:
            await store.ratelimit.admit(ops, None, f"r{i + 2}")
        reasons.append(err.value.reason)
    assert reasons == ["connection", "connection", "connection", "breaker_open"]
    with pytest.raises(StoreUnavailable):
        await store.wait_ready(0.2)  # start-up against a cluster that cannot be reached: retried, then this
    await store.close()


@pytest.fixture
def sentinel(redis_server: RedisServer):
    """A Sentinel monitoring the session's redis-server as `covenant-master`."""
    redis_server.cli("FLUSHALL")
    port = free_port()
    conf = os.path.join(redis_server.workdir, f"sentinel-{port}.conf")
    with open(conf, "w") as f:
        f.write(f"port {port}\nbind 127.0.0.1\nsentinel monitor covenant-master 127.0.0.1 {redis_server.port} 1\n")
    proc = subprocess.Popen([shutil.which("redis-server"), conf, "--sentinel"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_listening(port, proc=proc)
    yield port
    proc.terminate()
    proc.wait(timeout=5)


async def test_sentinel_url_finds_the_master(sentinel: int):
    await _exercise(f"redis+sentinel://127.0.0.1:{sentinel}/covenant-master/0")
