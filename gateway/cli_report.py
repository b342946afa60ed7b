"""`covenant report`: summarise the audit log (JSONL files, rotated ones included, or the Redis stream)."""

from __future__ import annotations

import argparse
import sys
import time


def _run(args: argparse.Namespace) -> int:
    from gateway.audit.report import (
        parse_duration,
        render_csv,
        render_json,
        render_table,
        summarise_lines,
    )

    try:
        since_ts = time.time() - parse_duration(args.since)
    except ValueError as exc:
        print(f"covenant report: {exc}", file=sys.stderr)
        return 2
    from gateway.audit.query import read_audit

    report = read_audit(args.path, args.config, since_ts, prog="covenant report",
                        consume=lambda lines, sources: summarise_lines(lines, sources, since_ts=since_ts, by=args.by))
    if isinstance(report, int):
        return report
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
