"""A key revoked on one replica stops working on every replica: writes to the shared key hash are
announced on a channel, and each gateway drops its cached record (the mechanism itself, with a cache that
would otherwise hold the record for an hour: tests/store/test_key_stores.py)."""

from __future__ import annotations

import time

import httpx
import redis

from gateway.identity import RedisKeyStore
from tests.ratelimit_gateway.helpers import add_redis_key

BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}


def _status(gw, key: str) -> int:
    return httpx.post(gw.openai_base_url + "/chat/completions", json=BODY, timeout=10,
                      headers={"authorization": f"Bearer {key}"}).status_code


def test_a_revocation_through_one_replica_is_announced_and_refused_by_the_others(cluster):
    admin_on, other = cluster.gateways[0], cluster.gateways[1]
    key = add_redis_key(cluster.redis.url, "acme", "leaked", case="warmup")
    key_id = key.split("_")[1]
    assert _status(other, key) == 200  # the other replica now holds the record in its cache
    listener = redis.Redis.from_url(cluster.redis.url).pubsub()
    listener.subscribe(RedisKeyStore.CHANNEL)
    assert listener.get_message(timeout=5)["type"] == "subscribe"
    assert admin_on.admin("POST", f"/admin/v1/keys/{key_id}/revoke", json={"reason": "leaked"}).status_code == 200
    announced = listener.get_message(timeout=5)
    listener.close()
    assert announced is not None and announced["data"] == key_id.encode()
    deadline = time.monotonic() + 10  # a guard against hanging, not a timing claim
    while _status(other, key) == 200 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _status(other, key) == 401
