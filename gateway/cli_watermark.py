"""`covenant watermark detect|trace`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys


def _registry(config: str | None, extra: list[str]):
    from gateway.config import load_settings
    from gateway.service import Gateway
    from gateway.watermark.detect import KeyRegistry
    from gateway.watermark.embed import Watermarker
    from gateway.watermark_secret import master_secret

    settings = load_settings(config)
    master = master_secret(settings.watermark_secret, settings.watermark_secret_file)

    async def principals() -> list[tuple[str, str]]:
        gw = Gateway(settings)
        gw.store = None
        if settings.store.startswith("redis"):
            from gateway.store import open_store

            gw.store = open_store(settings.store, timeout_ms=2000)
        gw.settings = settings.model_copy(update={"dev_key": False})
        gw.keys = await gw._open_keys()
        out = await gw.principals()
        if gw.store is not None:
            await gw.store.close()
        return out

    known = asyncio.run(principals())
    for item in extra or ():
        tenant, sep, account = item.partition("/")
        if not sep:
            raise SystemExit(f"--account takes tenant/account, got {item!r}")
        known.append((tenant, account))
    return KeyRegistry(Watermarker(master), known)


def cmd_detect(args: argparse.Namespace) -> int:
    from gateway.watermark.cli import detect_files
    from gateway.watermark.detect import detect

    registry = _registry(args.config, args.account)
    print(f"scoring against {len(registry)} known accounts", file=sys.stderr)
    if args.files in ([], ["-"]):
        result = {"stdin": detect(sys.stdin.read(), registry).to_dict()}
    else:
        if args.reference and not args.corpus:
            raise SystemExit("--reference applies to --corpus detection")
        result = detect_files(args.files, registry, corpus=args.corpus, reference=args.reference or ())
    print(json.dumps(result, indent=2, default=str))
    return 0


def cmd_trace(args: argparse.Namespace) -> int:
    """Ask a running gateway's provenance index (it lives in the gateway or in Redis)."""
    import httpx

    text = sys.stdin.read() if args.text == "-" else args.text
    token = os.environ.get("COVENANT_ADMIN_TOKEN")
    if not token:
        print("set COVENANT_ADMIN_TOKEN to the gateway's admin token", file=sys.stderr)
        return 2
    r = httpx.post(args.gateway.rstrip("/") + "/admin/v1/watermark/trace", timeout=30,
                   headers={"authorization": f"Bearer {token}"},
                   json={"text": text, "min_similarity": args.min_similarity, "limit": args.limit})
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
    p.add_argument("files", nargs="*", help="text or .jsonl files; none or - reads standard input")
    p.add_argument("--corpus", action="store_true", help="aggregate evidence over every document of every file")
    p.add_argument("--account", action="append", metavar="TENANT/ACCOUNT",
                   help="also consider this account (beyond those with keys)")
    p.add_argument("--reference", action="append", metavar="FILE",
                   help="with --corpus: unmarked documents of the same source (e.g. the teacher's answers "
                        "fetched around the gateway); sets are scored against their word shares, which "
                        "finds much weaker marks (a distilled student). Repeatable; .jsonl = one per line")
    p.set_defaults(func=cmd_detect)
    p = wm.add_parser("trace", help="find the served responses a text came from (provenance index)")
    p.add_argument("text", help="the text, or - for standard input")
    p.add_argument("--gateway", default="http://127.0.0.1:8080", help="a running gateway's base URL")
    p.add_argument("--min-similarity", type=float, default=0.1)
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=cmd_trace)
