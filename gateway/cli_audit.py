"""`covenant audit`: find audit records (one account's requests, a request id, the denials of an hour)."""

from __future__ import annotations

import argparse
import sys
import time


def _positive(text: str) -> int:
    """--limit: a count of 1 or more, as the admin route's `limit` (argparse turns the error into usage + exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _run(args: argparse.Namespace) -> int:
    from gateway.audit.query import AuditFilter, read_audit, render_jsonl, render_table, search
    from gateway.audit.report import parse_duration

    try:
        since_ts = time.time() - parse_duration(args.since)
    except ValueError as exc:
        print(f"covenant audit: {exc}", file=sys.stderr)
        return 2
    flt = AuditFilter(since_ts=since_ts, principal=args.principal, tenant=args.tenant,
                      decisions=frozenset(args.decision or ()), reason=args.reason, request_id=args.request_id,
                      model=args.model)
    result = read_audit(args.path, args.config, since_ts, prog="covenant audit",
                        consume=lambda lines, sources: (search(lines, flt, args.limit), ", ".join(sources)))
    if isinstance(result, int):
        return result
    result, source = result
    out = render_jsonl(result) if args.format == "jsonl" else render_table(result)
    sys.stdout.write(out)
    shown = f"the newest {len(result.records)}" if result.matched > len(result.records) else "all"
    print(f"covenant audit: {result.matched} of the {result.scanned} records read match ({shown} shown; {source}"
          + (f"; skipped {result.skipped_lines} lines that are not records" if result.skipped_lines else "") + ")",
          file=sys.stderr)
    return 0 if result.matched else 3


def add_audit_command(sub, add_config) -> None:
    p = sub.add_parser("audit", help="find audit records: by account, request id, decision, reason, model",
                       description="Print the audit records that match every filter given, oldest first (the newest "
                                   "--limit matches). --format jsonl writes the traffic-log format, which `covenant "
                                   "extraction replay` reads. Exit status 3 when nothing matches.")
    add_config(p)
    p.add_argument("--since", default="24h", help="how far back: 90s, 30m, 24h, 7d, 2w (default 24h)")
    p.add_argument("--principal", metavar="TENANT/ACCOUNT", help="one account's records")
    p.add_argument("--tenant", help="one tenant's records")
    p.add_argument("--decision", action="append", metavar="DECISION",
                   help="allowed, rate_limited, blocked_extraction, blocked_pii, ... (repeatable)")
    p.add_argument("--reason", metavar="PREFIX", help="records with a reason starting with this "
                                                       "(extraction, pii_prompt, shadow:rate_limited ...)")
    p.add_argument("--request-id", help="one request (the x-request-id the client got)")
    p.add_argument("--model", metavar="GLOB", help="e.g. 'gpt-4o*'")
    p.add_argument("--limit", type=_positive, default=100, help="keep the newest N matches (default 100)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--path", nargs="+", metavar="FILE",
                   help="audit JSONL file(s), rotated siblings included (default: the configured sink)")
    p.set_defaults(func=_run)
