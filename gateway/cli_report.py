"""`covenant report`: summarise the audit log (JSONL files, rotated ones included)."""

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
    )

    try:
        since_ts = time.time() - parse_duration(args.since)
    except ValueError as exc:
        print(f"covenant report: {exc}", file=sys.stderr)
        return 2
    paths = args.path
    sink = None
    if not paths:
        from gateway.config import load_settings

        audit = load_settings(args.config).audit
        paths, sink = [audit.path], audit.sink
    files = audit_files(paths, since_ts)
    if not files:
        print(f"covenant report: no audit files at {', '.join(paths)}", file=sys.stderr)
        if sink is not None and sink != "file":
            # the embedded default writes no audit log: say how to get one rather than leave a dead end
            print(f"covenant report: the audit sink is {sink!r}; write the log to a file with `audit: {{sink: file}}` "
                  "in the config or COVENANT_AUDIT__SINK=file, then serve traffic", file=sys.stderr)
        return 1
    report = summarise(files, since_ts=since_ts, by=args.by)
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
                   help="audit JSONL file(s); rotated siblings are read too (default: audit.path of the config)")
    p.set_defaults(func=_run)
