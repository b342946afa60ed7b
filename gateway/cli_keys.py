"""`covenant keys create|list|revoke`."""

from __future__ import annotations

import asyncio
from pathlib import Path


def _open(config: str | None):
    from gateway.config import load_settings
    from gateway.identity import FileKeyStore, RedisKeyStore

    settings = load_settings(config)
    if settings.store.startswith("redis"):
        from gateway.store import open_store

        store = open_store(settings.store, timeout_ms=2000)
        return RedisKeyStore(store, cache_seconds=0), store
    return FileKeyStore(Path(settings.keys_file)), None


def _labels(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs or ():
        k, sep, v = pair.partition("=")
        if not sep or not k:
            raise SystemExit(f"--label takes key=value, got {pair!r}")
        out[k] = v
    return out


async def _create(args) -> int:
    from gateway.identity import new_key

    keys, store = _open(args.config)
    key, record = new_key(args.tenant, args.account, _labels(args.label))
    await keys.put(record)
    if store:
        await store.close()
    print(f"key id:  {record.key_id}\ntenant:  {record.tenant}\naccount: {record.account}")
    if record.labels:
        print("labels:  " + ", ".join(f"{k}={v}" for k, v in record.labels.items()))
    print(f"\n{key}\n\nThis key is shown once; only its hash is stored.")
    return 0


async def _list(args) -> int:
    keys, store = _open(args.config)
    records = await keys.all()
    if store:
        await store.close()
    print(f"{'KEY ID':<14} {'TENANT':<16} {'ACCOUNT':<20} {'STATUS':<8} LABELS")
    for r in sorted(records, key=lambda r: (r.tenant, r.account, r.created)):
        labels = ",".join(f"{k}={v}" for k, v in r.labels.items())
        print(f"{r.key_id:<14} {r.tenant:<16} {r.account:<20} {'revoked' if r.revoked else 'active':<8} {labels}")
    return 0


async def _revoke(args) -> int:
    keys, store = _open(args.config)
    record = await keys.get(args.key_id)
    if record is None:
        print(f"no key with id {args.key_id}")
        return 1
    record.revoked = True
    await keys.put(record)
    if store:
        await store.close()
    print(f"revoked {args.key_id} ({record.tenant}/{record.account})")
    return 0


def add_keys_commands(sub, add_config) -> None:
    keys = sub.add_parser("keys", help="manage API keys").add_subparsers(dest="keys_command", required=True)
    p = keys.add_parser("create", help="create a key; prints it once")
    add_config(p)
    p.add_argument("--tenant", required=True)
    p.add_argument("--account", required=True)
    p.add_argument("--label", action="append", metavar="K=V", help="key label (repeatable)")
    p.set_defaults(func=lambda a: asyncio.run(_create(a)))
    p = keys.add_parser("list", help="list keys (ids and owners, never the keys)")
    add_config(p)
    p.set_defaults(func=lambda a: asyncio.run(_list(a)))
    p = keys.add_parser("revoke", help="revoke a key by id")
    add_config(p)
    p.add_argument("key_id")
    p.set_defaults(func=lambda a: asyncio.run(_revoke(a)))
