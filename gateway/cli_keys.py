"""`covenant keys create|list|revoke`."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC
from pathlib import Path


def _open(config: str | None):
    from gateway.config import load_settings
    from gateway.store import is_redis_url

    settings = load_settings(config)
    try:
        return (*open_key_store(settings), settings)
    except (ValueError, TypeError, KeyError) as exc:
        if is_redis_url(settings.store):  # the store's own errors keep their message
            raise
        # a corrupt or hand-edited keys file: said in one line, and never overwritten
        print(f"covenant: {settings.keys_file}: not a keys file: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


async def _audit(settings, action: str, record, reason: str) -> None:
    """Key changes made here go to the audit log as the admin API's do."""
    from gateway.audit.operator import key_change, record_operator_action

    where = await record_operator_action(settings.audit, settings.store, key_change(action, record, reason, via="cli"))
    print(f"audit: recorded in {where}" if where else
          f"audit: not recorded (the audit sink is {settings.audit.sink!r})", file=sys.stderr)


def open_key_store(settings):
    """The configured key store for a command (no cache: it reads what is there now), and the store
    to close after (None for the keys file)."""
    from gateway.identity import FileKeyStore, RedisKeyStore
    from gateway.store import is_redis_url

    if is_redis_url(settings.store):  # where the gateway reads them: `unix://` sockets are Redis too
        from gateway.store import open_store

        store = open_store(settings.store, timeout_ms=2000)
        return RedisKeyStore(store, cache_seconds=0), store
    return FileKeyStore(Path(settings.keys_file)), None


def malformed(message: str) -> SystemExit:
    """A malformed option ends the command with its one-line message and status 2 (1 is for what is not there)."""
    print(message, file=sys.stderr)
    return SystemExit(2)


def label_pairs(pairs: list[str] | None) -> dict[str, str]:
    """`--label K=V` options as a dict; a malformed one ends the command with a one-line message (exit 2)."""
    out = {}
    for pair in pairs or ():
        k, sep, v = pair.partition("=")
        if not sep or not k:
            raise malformed(f"--label takes key=value, got {pair!r}")
        out[k] = v
    return out


def parse_expiry(value: str, now: float) -> float:
    """A duration from now (`30d`, `12h`, `2w`: the one `--since` takes) or an ISO 8601 date or time (UTC
    unless it says)."""
    from datetime import datetime

    from gateway.audit.report import parse_duration

    text = value.strip()
    try:
        when = now + parse_duration(text)
    except ValueError:
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise malformed(f"--expires takes a duration (30d, 12h, 90m, 2w) or an ISO date/time, got {value!r}") \
                from None
        when = (parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)).timestamp()
    if when <= now:
        raise malformed(f"--expires {value!r} is in the past")
    return when


async def _create(args) -> int:
    import time

    from gateway.identity import check_labels, check_name, iso_utc, new_key

    labels = label_pairs(args.label)
    try:
        check_name("tenant", args.tenant)
        check_name("account", args.account)
        check_labels(labels)  # as the admin API: a label it refuses is not made here either
    except ValueError as exc:
        raise malformed(str(exc)) from None
    expires = parse_expiry(args.expires, time.time()) if args.expires else None
    keys, store, settings = _open(args.config)
    key, record = new_key(args.tenant, args.account, labels, expires)
    await keys.put(record)
    if store:
        await store.close()
    await _audit(settings, "created", record, args.reason)
    print(f"key id:  {record.key_id}\ntenant:  {record.tenant}\naccount: {record.account}")
    if record.labels:
        print("labels:  " + ", ".join(f"{k}={v}" for k, v in record.labels.items()))
    if record.expires is not None:
        print(f"expires: {iso_utc(record.expires)}")
    print(f"\n{key}\n\nThis key is shown once; only its hash is stored.")
    return 0


async def _list(args) -> int:
    from gateway.identity import iso_utc

    keys, store, _ = _open(args.config)
    records = await keys.all()
    if store:
        await store.close()
    import time

    now = time.time()
    print(f"{'KEY ID':<14} {'TENANT':<16} {'ACCOUNT':<20} {'STATUS':<8} {'EXPIRES':<20} LABELS")
    for r in sorted(records, key=lambda r: (r.tenant, r.account, r.created)):
        labels = ",".join(f"{k}={v}" for k, v in r.labels.items())
        expires = iso_utc(r.expires) if r.expires is not None else "never"
        print(f"{r.key_id:<14} {r.tenant:<16} {r.account:<20} {r.status(now):<8} {expires:<20} {labels}")
    return 0


async def _revoke(args) -> int:
    from dataclasses import replace

    keys, store, settings = _open(args.config)
    try:
        record = await keys.get(args.key_id)
        if record is None:
            print(f"no key with id {args.key_id}", file=sys.stderr)
            return 1
        if record.revoked:  # idempotent, as the admin API: no second audit record
            print(f"{args.key_id} was already revoked ({record.tenant}/{record.account})")
            return 0
        record = replace(record, revoked=True)  # records are replaced, never edited
        await keys.put(record)
    finally:
        if store:
            await store.close()
    await _audit(settings, "revoked", record, args.reason)
    print(f"revoked {args.key_id} ({record.tenant}/{record.account})")
    return 0


def add_keys_commands(sub, add_config) -> None:
    keys = sub.add_parser("keys", help="manage API keys").add_subparsers(dest="keys_command", required=True)
    p = keys.add_parser("create", help="create a key; prints it once")
    add_config(p)
    p.add_argument("--tenant", required=True)
    p.add_argument("--account", required=True)
    p.add_argument("--label", action="append", metavar="K=V", help="key label (repeatable)")
    p.add_argument("--reason", default="", help="kept in the audit log with the change")
    p.add_argument("--expires", metavar="WHEN",
                   help="the key stops working after 30d / 12h / 2w, or at an ISO date/time (UTC unless given)")
    p.set_defaults(func=lambda a: asyncio.run(_create(a)))
    p = keys.add_parser("list", help="list keys (ids and owners, never the keys)")
    add_config(p)
    p.set_defaults(func=lambda a: asyncio.run(_list(a)))
    p = keys.add_parser("revoke", help="revoke a key by id")
    add_config(p)
    p.add_argument("key_id")
    p.add_argument("--reason", default="", help="kept in the audit log with the change")
    p.set_defaults(func=lambda a: asyncio.run(_revoke(a)))
