"""Summaries of audit JSONL files (`covenant report`): usage, rejections, flags and spend per group.

Classification of a record by its `decision`:
- `allowed`: served (a record with reasons while allowed counts as *flagged*: shadow-mode
  rejections, extraction/PII flags; each stage records one reason string per flag);
- `upstream_error`, `stage_error`, `invalid_request`, `client_disconnected`, `shutting_down`: *errors*;
- anything else (`rate_limited`, `blocked_access`, `blocked_extraction`, `blocked_pii`,
  `store_unavailable`…): *rejected*, counted per decision.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path
from typing import Any, Literal

import orjson

from gateway.audit.query import RecordReader, file_lines
from gateway.audit.sinks import rotated_files

GroupBy = Literal["tenant", "account", "model"]
ERROR_DECISIONS = frozenset({"upstream_error", "stage_error", "invalid_request", "client_disconnected", "shutting_down"})
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
NO_GROUP = "-"


def parse_duration(text: str) -> float:
    """`90s`, `30m`, `24h`, `7d`, `2w`, or plain seconds."""
    m = _DURATION.match(text)
    if not m:
        raise ValueError(f"invalid duration {text!r}; use e.g. 90s, 30m, 24h, 7d, 2w")
    return float(m.group(1)) * _UNITS[m.group(2) or "s"]


@dataclass
class GroupSummary:
    requests: int = 0
    allowed: int = 0
    rejected: int = 0
    errors: int = 0
    flagged: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    spend_usd: float = 0.0
    rejections: Counter[str] = field(default_factory=Counter)  # decision -> count
    flags: Counter[str] = field(default_factory=Counter)  # reason prefix (before the first ':') -> count

    def add(self, rec: dict[str, Any]) -> None:
        self.requests += 1
        decision = str(rec.get("decision") or "allowed")
        reasons = rec.get("reasons") or []
        if decision == "allowed":
            self.allowed += 1
            if reasons:
                self.flagged += 1
                for reason in reasons:
                    self.flags[str(reason).split(":", 1)[0]] += 1
        elif decision in ERROR_DECISIONS:
            self.errors += 1
        else:
            self.rejected += 1
            self.rejections[decision] += 1
        usage = rec.get("usage") or {}
        self.input_tokens += _int(usage.get("input_tokens"))
        self.output_tokens += _int(usage.get("output_tokens"))
        spend = rec.get("spend_usd")
        if isinstance(spend, (int, float)) and not isinstance(spend, bool):
            self.spend_usd += spend

    def merge(self, other: GroupSummary) -> None:
        for name in ("requests", "allowed", "rejected", "errors", "flagged", "input_tokens", "output_tokens",
                     "spend_usd"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejections.update(other.rejections)
        self.flags.update(other.flags)

    def as_dict(self) -> dict[str, Any]:
        return {"requests": self.requests, "allowed": self.allowed, "rejected": self.rejected,
                "errors": self.errors, "flagged": self.flagged, "input_tokens": self.input_tokens,
                "output_tokens": self.output_tokens, "spend_usd": round(self.spend_usd, 6),
                "rejections": dict(sorted(self.rejections.items())), "flags": dict(sorted(self.flags.items()))}


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass
class Report:
    by: GroupBy
    since_ts: float
    files: list[str] = field(default_factory=list)
    records: int = 0
    skipped_lines: int = 0
    operator_records: int = 0  # reviewer decisions, key changes ("kind"): not requests
    groups: dict[str, GroupSummary] = field(default_factory=dict)

    def total(self) -> GroupSummary:
        total = GroupSummary()
        for g in self.groups.values():
            total.merge(g)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {"by": self.by, "since_ts": self.since_ts, "files": self.files, "records": self.records,
                "skipped_lines": self.skipped_lines, "operator_records": self.operator_records,
                "groups": {k: g.as_dict() for k, g in sorted(self.groups.items())}, "total": self.total().as_dict()}


def audit_files(paths: Iterable[str | Path], since_ts: float = 0.0) -> list[Path]:
    """Each path (a `{pid}` placeholder matches every worker's file) with its rotated siblings,
    oldest first; rotated files last written before `since_ts` are skipped unread."""
    out: list[Path] = []
    for raw in paths:
        text = str(raw)
        bases = [Path(p) for p in sorted(glob(text.replace("{pid}", "*")))] if "{pid}" in text else [Path(text)]
        for base in bases:
            for rotated in rotated_files(base):
                if rotated.stat().st_mtime >= since_ts:
                    out.append(rotated)
            if base.exists():
                out.append(base)
    return list(dict.fromkeys(out))


def _group_key(rec: dict[str, Any], by: GroupBy) -> str:
    value = rec.get("principal") if by == "account" else rec.get(by)
    return str(value) if value else NO_GROUP


def summarise(files: list[Path], *, since_ts: float, by: GroupBy = "tenant") -> Report:
    return summarise_lines(file_lines(files), [str(f) for f in files], since_ts=since_ts, by=by)


def summarise_lines(lines: Iterable[bytes], sources: list[str], *, since_ts: float,
                    by: GroupBy = "tenant") -> Report:
    """The report of audit lines from any sink (files, the Redis stream)."""
    report = Report(by, since_ts, sources)
    reader = RecordReader()
    for rec in reader.decode(lines):
        if float(rec["ts"]) < since_ts:
            continue
        if "kind" in rec:
            report.operator_records += 1
            continue
        report.records += 1
        key = _group_key(rec, by)
        group = report.groups.get(key)
        if group is None:
            group = report.groups[key] = GroupSummary()
        group.add(rec)
    report.skipped_lines = reader.skipped
    return report


# -- rendering -------------------------------------------------------------------------------------
_COLUMNS = ("requests", "allowed", "rejected", "errors", "flagged", "input_tokens", "output_tokens", "spend_usd")


def render_table(report: Report) -> str:
    rows = [(k, g) for k, g in sorted(report.groups.items())] + [("TOTAL", report.total())]
    header = (report.by.upper(), *(c.upper() for c in _COLUMNS))
    cells = [header] + [(name, *(_cell(g, c) for c in _COLUMNS)) for name, g in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    extra = [(name, d, n) for name, g in rows[:-1] for d, n in sorted(g.rejections.items())]
    if extra:
        lines += ["", "Rejections by decision:"] + [f"  {name}  {d}  {n}" for name, d, n in extra]
    flags = [(name, f, n) for name, g in rows[:-1] for f, n in sorted(g.flags.items())]
    if flags:
        lines += ["", "Flags by source (reasons on allowed requests):"] + [f"  {name}  {f}  {n}" for name, f, n in flags]
    source = report.files[0] if len(report.files) == 1 else f"{len(report.files)} files"
    lines += ["", f"{report.records} records from {source}"
              + (f"; {report.skipped_lines} unreadable line(s) skipped" if report.skipped_lines else "")
              + (f"; {report.operator_records} operator record(s) (reviews, key changes) not counted"
                 if report.operator_records else "")]
    return "\n".join(lines)


def _cell(g: GroupSummary, column: str) -> str:
    value = getattr(g, column)
    return f"{value:.4f}" if column == "spend_usd" else str(value)


def render_csv(report: Report) -> str:
    decisions = sorted({d for g in report.groups.values() for d in g.rejections})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([report.by, *_COLUMNS, *(f"rejected_{d}" for d in decisions)])
    for name, g in sorted(report.groups.items()):
        w.writerow([name, *(_cell(g, c) for c in _COLUMNS), *(g.rejections.get(d, 0) for d in decisions)])
    return buf.getvalue()


def render_json(report: Report) -> str:
    return orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode()
