"""The key stores (the keys file of the memory store, the Redis hash) behave alike under the
authenticator: a stored key works, a revoked or expired one is refused with its reason, and what
one process writes another reads."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from gateway.errors import AuthenticationFailed
from gateway.identity import Authenticator, FileKeyStore, RedisKeyStore, new_key


@pytest.fixture
def open_keys(store, tmp_path: Path):
    """A factory of key stores over the same backing state (two gateway processes, say)."""
    if store.backend.startswith("redis"):
        return lambda: RedisKeyStore(store, cache_seconds=0)
    return lambda: FileKeyStore(tmp_path / "keys.json")


def _auth(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


async def test_a_stored_key_authenticates_as_its_principal_in_another_process(open_keys):
    key, record = new_key("acme", "alice", {"tier": "pro"})
    await open_keys().put(record)
    principal = await Authenticator(open_keys()).authenticate(_auth(key))
    assert (principal.tenant, principal.account, principal.labels) == ("acme", "alice", {"tier": "pro"})


async def test_a_revoked_key_is_refused(open_keys):
    key, record = new_key("acme", "alice")
    keys = open_keys()
    await keys.put(record)
    await keys.put(dataclasses.replace(record, revoked=True))
    with pytest.raises(AuthenticationFailed, match="revoked"):
        await Authenticator(open_keys()).authenticate(_auth(key))
    assert (await open_keys().get(record.key_id)).status(time.time()) == "revoked"


async def test_a_key_works_until_it_expires_then_says_so(open_keys):
    now = time.time()
    key, record = new_key("acme", "alice", expires=now + 3600)
    expired_key, expired = new_key("acme", "bob", expires=now - 1)
    keys = open_keys()
    await keys.put(record)
    await keys.put(expired)
    auth = Authenticator(open_keys())
    assert (await auth.authenticate(_auth(key))).account == "alice"
    with pytest.raises(AuthenticationFailed, match="expired at") as caught:
        await auth.authenticate(_auth(expired_key))
    assert caught.value.code == "expired_api_key"
    stored = {r.key_id: r for r in await open_keys().all()}
    assert stored[record.key_id].expires == pytest.approx(now + 3600)
    assert [stored[k].status(now) for k in (record.key_id, expired.key_id)] == ["active", "expired"]


async def test_a_wrong_secret_for_a_known_key_id_is_refused_without_saying_why(open_keys):
    key, record = new_key("acme", "alice", expires=time.time() - 1)
    await open_keys().put(record)
    forged = key[: -4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    with pytest.raises(AuthenticationFailed) as caught:
        await Authenticator(open_keys()).authenticate(_auth(forged))
    assert caught.value.code == "invalid_api_key", "expiry is only told to the key's holder"


async def test_records_written_by_another_release_are_read(open_keys, store, tmp_path, caplog):
    """A rolling upgrade or a rollback shares the keys: a record without the optional fields is written as
    an older release wrote it, and fields a newer release added are ignored, never a crash."""
    import orjson

    from gateway.identity import KeyRecord, RedisKeyStore, _warn_unknown_fields

    _warn_unknown_fields.cache_clear()  # the warning comes once per process; this test wants to see it
    key, record = new_key("acme", "alice")
    assert "expires" not in record.to_dict()
    newer = {**record.to_dict(), "expires": None, "scopes": ["chat"], "rotated_from": "abc"}
    if store.backend.startswith("redis"):
        await store.client.hset(RedisKeyStore.HASH, record.key_id, orjson.dumps(newer))
    else:
        (tmp_path / "keys.json").write_text(orjson.dumps({"keys": [newer]}).decode())
    with caplog.at_level("WARNING", logger="covenant.identity"):
        principal = await Authenticator(open_keys()).authenticate(_auth(key))
    assert principal.account == "alice"
    assert "fields this release does not know, ignored: rotated_from, scopes" in caplog.text
    assert KeyRecord.from_dict(newer) == record


async def test_an_announced_write_reaches_a_cache_that_would_hold_the_record_for_an_hour(redis_url):
    """The Redis store's cache: a gateway following the channel drops its cached record when another
    process writes it, though its cache (an hour here, refreshed at half of that) would have served the
    old record all along. (The keys file has no cache of its own: a reload is the whole story.)"""
    import asyncio

    from gateway.store import open_store

    store = open_store(redis_url, timeout_ms=500)
    key, record = new_key("acme", "alice")
    writer = RedisKeyStore(store, cache_seconds=0)
    await writer.put(record)
    follower = RedisKeyStore(store, cache_seconds=3600)
    subscribed = asyncio.Event()
    following = asyncio.create_task(follower.follow_changes(subscribed))
    try:
        await asyncio.wait_for(subscribed.wait(), 10)
        auth = Authenticator(follower)
        assert (await auth.authenticate(_auth(key))).account == "alice"  # cached now
        await writer.put(dataclasses.replace(record, revoked=True))
        for _ in range(500):  # a guard against hanging, not a timing claim
            if (await follower.get(record.key_id)).revoked:
                break
            await asyncio.sleep(0.01)
        with pytest.raises(AuthenticationFailed, match="revoked"):
            await auth.authenticate(_auth(key))
    finally:
        following.cancel()
        await store.close()
