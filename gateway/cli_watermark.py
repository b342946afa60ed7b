"""`covenant watermark detect|trace|reference export`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys


def _registry(config: str | None, extra: list[str]):
    from gateway.cli_keys import open_key_store
    from gateway.config import load_settings
    from gateway.identity import known_principals
    from gateway.watermark.detect import KeyRegistry
    from gateway.watermark.embed import Watermarker
    from gateway.watermark_secret import master_secret

    settings = load_settings(config)
    master = master_secret(settings.watermark_secret, settings.watermark_secret_file)

    async def principals() -> list[tuple[str, str]]:
        keys, store = open_key_store(settings)
        try:
            return await known_principals(keys)
        finally:
            if store is not None:
                await store.close()

    known = asyncio.run(principals())
    for item in extra or ():
        tenant, sep, account = item.partition("/")
        if not sep:
            raise SystemExit(f"--account takes tenant/account, got {item!r}")
        known.append((tenant, account))
    return KeyRegistry(Watermarker(master), known)


GATEWAY = "gateway"  # --reference gateway: the reference the gateway recorded (a file of that name: ./gateway)


def recorded_reference_json(config: str | None, gateway_url: str | None = None, tenant: str | None = None) -> bytes:
    """The gateway-recorded reference of the detection table, as `Reference.to_json` writes it: of all
    traffic, or of ``tenant``'s only.

    Read from the store of the gateway configuration: a Redis store directly (every replica adds to
    it), the memory store through the running gateway's admin API (the counts live in its process;
    ``gateway_url`` or the configured address, with COVENANT_ADMIN_TOKEN). Exits with a clear
    message when nothing was recorded."""
    from gateway.config import load_settings
    from gateway.watermark.recorder import load_reference, table_name
    from gateway.watermark.table import load_table

    settings = load_settings(config)
    table = load_table()
    if settings.store.split("://", 1)[0] != "memory" and gateway_url is None:
        from gateway.store import open_store

        async def read():
            store = open_store(settings.store, timeout_ms=2000)
            try:
                ct = store.counter_tables()
                return await load_reference(ct, table, tenant), await ct.tables()
            finally:
                await store.close()

        ref, tables = asyncio.run(read())
        if ref is None:
            name = table_name(table.digest, tenant)
            if tenant is not None:
                raise SystemExit(f"no watermark reference recorded in the store for tenant {tenant!r} ({name}): "
                                 "per-tenant tables are kept for the first watermark_reference_tenants "
                                 f"({settings.watermark_reference_tenants}) tenants that were served; the global "
                                 "reference (without --tenant) counts every tenant")
            others = [t for t in tables if ":tenant:" not in t and t != name]
            raise SystemExit(f"no watermark reference recorded in the store for this table ({name})"
                             + (f"; recorded for other tables (policies with exclude_words): {', '.join(others)}"
                                if others else ": the gateway records it while marking (record_reference, on by "
                                               f"default) and adds it to the store every "
                                               f"{settings.watermark_reference_flush_seconds:g} s and at shutdown"))
        return ref.to_json()
    import httpx

    token = os.environ.get("COVENANT_ADMIN_TOKEN")
    if not token:
        raise SystemExit("the memory store's reference lives in the running gateway: set COVENANT_ADMIN_TOKEN "
                         "to its admin token (or use a Redis store)")
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    url = (gateway_url or f"http://{host}:{settings.admin_port or settings.port}").rstrip("/")
    try:
        r = httpx.get(url + "/admin/v1/watermark/reference", timeout=30, headers={"authorization": f"Bearer {token}"},
                      params={"tenant": tenant} if tenant is not None else None)
    except httpx.HTTPError as exc:
        raise SystemExit(f"cannot reach the gateway at {url} for its recorded reference: {exc}") from exc
    if r.status_code == 404:
        raise SystemExit(f"{url}: {r.json().get('detail', r.text)}")
    if r.status_code != 200:
        raise SystemExit(f"{url} answered {r.status_code}: {r.text}")
    return r.content


def cmd_detect(args: argparse.Namespace) -> int:
    from gateway.watermark.cli import InputError, detect_files
    from gateway.watermark.detect import detect
    from gateway.watermark.reference import Reference

    registry = _registry(args.config, args.account)
    print(f"scoring against {len(registry)} known accounts", file=sys.stderr)
    if args.reference and not args.corpus:
        raise SystemExit("--reference applies to --corpus detection")
    if args.files in ([], ["-"]) and not args.corpus:
        result = {"stdin": detect(sys.stdin.read(), registry).to_dict()}
    else:
        files = [f for f in args.reference or () if f != GATEWAY]
        recorded = None
        if len(files) < len(args.reference or ()):
            recorded = Reference.from_json(recorded_reference_json(args.config, args.gateway, args.tenant),
                                           registry.wm)
            scope = "all tenants" if args.tenant is None else f"tenant {args.tenant}"
            print(f"recorded reference ({scope}): {recorded.documents} responses, {int(recorded.counts.sum())} "
                  "positions", file=sys.stderr)
        elif args.tenant is not None:
            raise SystemExit("--tenant chooses the scope of --reference gateway")
        try:
            result = detect_files(args.files or ["-"], registry, corpus=args.corpus, reference=files,
                                  recorded=recorded)
        except InputError as exc:
            print(f"covenant watermark detect: {exc}", file=sys.stderr)
            return 2
    print(json.dumps(result, indent=2, default=str))
    return 0


def cmd_reference_export(args: argparse.Namespace) -> int:
    raw = recorded_reference_json(args.config, args.gateway, args.tenant)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(raw + b"\n")
    else:
        with open(args.output, "wb") as f:
            f.write(raw)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_trace(args: argparse.Namespace) -> int:
    """Ask a running gateway's provenance index (it lives in the gateway or in Redis)."""
    import httpx

    text = sys.stdin.read() if args.text == "-" else args.text
    token = os.environ.get("COVENANT_ADMIN_TOKEN")
    if not token:
        print("set COVENANT_ADMIN_TOKEN to the gateway's admin token", file=sys.stderr)
        return 2
    url = args.gateway.rstrip("/") + "/admin/v1/watermark/trace"
    try:
        r = httpx.post(url, timeout=30, headers={"authorization": f"Bearer {token}"},
                       json={"text": text, "min_similarity": args.min_similarity, "limit": args.limit})
    except httpx.HTTPError as exc:
        print(f"covenant watermark trace: cannot reach the gateway at {url}: {exc}", file=sys.stderr)
        return 1
    if r.status_code != 200:
        print(f"gateway answered {r.status_code}: {r.text}", file=sys.stderr)
        return 1
    matches = r.json()["matches"]
    if not matches:
        print("no matching responses")
    for m in matches:
        print(f"{m['similarity']:.2f}  {m['tenant']}/{m['account']}  ts={m['ts']:.0f}  response={m['response_id']}")
    return 0


def add_watermark_commands(sub, add_config) -> None:
    wm = sub.add_parser("watermark", help="detect watermarks, trace leaked text").add_subparsers(
        dest="watermark_command", required=True)
    p = wm.add_parser("detect", help="is this text (or corpus) watermarked, and for which account?")
    add_config(p)
    p.add_argument("files", nargs="*", help="text or .jsonl files; none or - reads standard input (with --corpus: "
                                            "one document per line, as a .jsonl file)")
    p.add_argument("--corpus", action="store_true", help="aggregate evidence over every document of every file")
    p.add_argument("--account", action="append", metavar="TENANT/ACCOUNT",
                   help="also consider this account (beyond those with keys)")
    p.add_argument("--reference", action="append", metavar="FILE|gateway",
                   help="with --corpus: unmarked documents of the same source (e.g. the teacher's answers "
                        "fetched around the gateway), reference counts (.json from `watermark reference export`), "
                        "or `gateway`: the reference the gateway recorded from the upstream's words before marking "
                        "(read from the configured store). Sets are scored against their word shares, which "
                        "finds much weaker marks (a distilled student). Repeatable, counts add up; "
                        ".jsonl = one document per line")
    p.add_argument("--gateway", metavar="URL", help="with --reference gateway and a memory store: the running "
                                                   "gateway's base URL (default: the configured address)")
    p.add_argument("--tenant", metavar="TENANT", help="with --reference gateway: the reference recorded from this "
                                                     "tenant's traffic only (default: every tenant's)")
    p.set_defaults(func=cmd_detect)
    ref = wm.add_parser("reference", help="the reference the gateway records (the upstream's own word choices)"
                        ).add_subparsers(dest="reference_command", required=True)
    p = ref.add_parser("export", help="write the recorded reference as JSON (input of detect --reference FILE.json)")
    add_config(p)
    p.add_argument("--output", "-o", metavar="FILE", help="output file (default: standard output)")
    p.add_argument("--gateway", metavar="URL", help="a running gateway's base URL: ask it instead of reading the "
                                                   "store (needed with the memory store; default: the configured "
                                                   "address)")
    p.add_argument("--tenant", metavar="TENANT", help="the reference recorded from this tenant's traffic only "
                                                     "(default: every tenant's)")
    p.set_defaults(func=cmd_reference_export)
    p = wm.add_parser("trace", help="find the served responses a text came from (provenance index)")
    p.add_argument("text", help="the text, or - for standard input")
    p.add_argument("--gateway", default="http://127.0.0.1:8080",
                   help="a running gateway's base URL (default http://127.0.0.1:8080); the admin token is read "
                        "from COVENANT_ADMIN_TOKEN")
    p.add_argument("--min-similarity", type=float, default=0.1,
                   help="list responses at least this similar to the text (0-1, default 0.1)")
    p.add_argument("--limit", type=int, default=10, help="at most this many responses (default 10)")
    p.set_defaults(func=cmd_trace)
