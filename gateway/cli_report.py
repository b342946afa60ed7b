"""`covenant report`: summarise the audit log (JSONL files, rotated ones included, or the Redis stream)."""

from __future__ import annotations

import argparse
import sys
import time


def _run(args: argparse.Namespace) -> int:
    from gateway.audit.report import (
        audit_files,
        parse_duration,
        render_csv,
        render_json,
        render_table,
        summarise,
        summarise_lines,
    )

    try:
        since_ts = time.time() - parse_duration(args.since)
    except ValueError as exc:
        print(f"covenant report: {exc}", file=sys.stderr)
        return 2
    if args.path:
        files = audit_files(args.path, since_ts)
        if not files:
            print(f"covenant report: no audit files at {', '.join(args.path)}", file=sys.stderr)
            return 1
        report = summarise(files, since_ts=since_ts, by=args.by)
    else:
        from gateway.audit.query import NothingToRead, configured_lines
        from gateway.config import load_settings

        settings = load_settings(args.config)
        from redis.exceptions import RedisError

        try:
            source, lines = configured_lines(settings.audit, settings.store, since_ts)
        except NothingToRead as exc:
            print(f"covenant report: {exc}", file=sys.stderr)
            return 1
        try:
            report = summarise_lines(lines, [source], since_ts=since_ts, by=args.by)
        except (OSError, RedisError) as exc:
            print(f"covenant report: cannot read {source}: {exc}", file=sys.stderr)
            return 1
    render = {"table": render_table, "csv": render_csv, "json": render_json}[args.format]
    out = render(report)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def add_report_command(sub, add_config) -> None:
    p = sub.add_parser("report", help="summarise usage, rejections, flags and spend from the audit log")
    add_config(p)
    p.add_argument("--since", default="24h", help="how far back: 90s, 30m, 24h, 7d, 2w (default 24h)")
    p.add_argument("--by", choices=("tenant", "account", "model"), default="tenant", help="group rows by")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--path", nargs="+", metavar="FILE",
                   help="audit JSONL file(s); rotated siblings are read too (default: the configured sink: the "
                        "file at audit.path, or the Redis stream)")
    p.set_defaults(func=_run)
