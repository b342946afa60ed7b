"""Finding audit records (`covenant audit`): one account's requests, one request id, the denials of an hour.

Records come from the JSONL files (rotated siblings included) or from the Redis Stream sink, are filtered
in time order, and the newest ``limit`` matches are kept. The JSONL output is the traffic-log format, so a
reviewer can replay what they found: ``covenant audit --principal acme/bob --format jsonl > bob.jsonl``,
then ``covenant extraction replay bob.jsonl`` (prompts are in it when the audit content mode keeps them).
"""

from __future__ import annotations

import heapq
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, TypeVar

import orjson

from gateway.audit.sinks import STREAM_FIELD, STREAM_KEY, BlockingStream

T = TypeVar("T")


@dataclass(frozen=True)
class AuditFilter:
    since_ts: float = 0.0
    until_ts: float = math.inf
    principal: str | None = None  # "tenant/account"
    tenant: str | None = None
    decisions: frozenset[str] = frozenset()
    reason: str | None = None  # a prefix of any of the record's reasons ("extraction", "shadow:rate_limited")
    request_id: str | None = None
    model: str | None = None  # a glob ("gpt-4o*")

    def matches(self, rec: dict[str, Any]) -> bool:
        if self.request_id is not None and rec.get("request_id") != self.request_id:
            return False
        if self.principal is not None and principal_of(rec) != self.principal:
            return False
        if self.tenant is not None and rec.get("tenant") != self.tenant:
            return False
        if self.decisions and rec.get("decision") not in self.decisions:
            return False
        if self.model is not None and not fnmatchcase(str(rec.get("model") or ""), self.model):
            return False
        if self.reason is not None and not any(str(r).startswith(self.reason) for r in rec.get("reasons") or ()):
            return False
        return True


@dataclass
class SearchResult:
    records: list[dict[str, Any]]  # time order, the newest `limit` matches
    scanned: int = 0
    matched: int = 0
    skipped_lines: int = 0


class RecordReader:
    """Decoded records of JSONL lines, counting the lines that are not records."""

    def __init__(self) -> None:
        self.skipped = 0

    def decode(self, lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
        for line in lines:
            if not line.strip():
                continue
            try:
                rec = orjson.loads(line)
                float(rec["ts"])
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                self.skipped += 1
                continue
            yield rec


def file_lines(files: Iterable[Path]) -> Iterator[bytes]:
    for path in files:
        with path.open("rb") as f:
            yield from f


def redis_lines(url: str, since_ts: float, until_ts: float, *, batch: int = 1000,
                stream: str = STREAM_KEY) -> Iterator[bytes]:
    """The stream's entries between the two times: entry ids are the writer's milliseconds, so the time
    range is an XRANGE, read in batches."""
    with BlockingStream(url, stream=stream) as client:
        low = f"{max(0, int(since_ts * 1000))}-0"
        high = "+" if math.isinf(until_ts) else f"{int(until_ts * 1000) + 1}-0"
        while True:
            entries = client.xrange(low, high, count=batch)
            for _id, fields in entries:
                yield fields.get(STREAM_FIELD.encode(), b"")
            if len(entries) < batch:
                return
            low = "(" + entries[-1][0].decode()


class NothingToRead(Exception):
    """The configured sink keeps no records (none, stdout) or has written none yet."""


def configured_lines(audit, store_url: str, since_ts: float, until_ts: float = math.inf) -> tuple[str, Iterator[bytes]]:
    """(a description of the source, its lines) for the configured sink (`AuditConfig`)."""
    from gateway.audit.report import audit_files

    if audit.sink == "redis":
        return f"the Redis stream of {store_url}", redis_lines(store_url, since_ts, until_ts)
    if audit.sink == "file":
        files = audit_files([audit.path], since_ts)
        if not files:
            raise NothingToRead(f"no audit files at {audit.path}")
        return ", ".join(map(str, files)), file_lines(files)
    raise NothingToRead(f"the audit sink is {audit.sink!r}, which keeps nothing to search; write the log to a file "
                        "or to Redis (`audit: {sink: file}` or `{sink: redis}` in the config, or "
                        "COVENANT_AUDIT__SINK=file), then serve traffic")


def read_audit(paths: list[str] | None, config: str | None, since_ts: float,
               consume: Callable[[Iterable[bytes], list[str]], T], prog: str) -> T | int:
    """`consume(lines, sources)` over the given audit files or, without any, the configured sink. What
    cannot be read (no files, a sink that keeps nothing, an unreachable Redis) is one line on stderr
    and exit status 1 instead."""
    from redis.exceptions import RedisError

    from gateway.audit.report import audit_files

    if paths:
        files = audit_files(paths, since_ts)
        if not files:
            print(f"{prog}: no audit files at {', '.join(paths)}", file=sys.stderr)
            return 1
        sources, lines = [str(f) for f in files], file_lines(files)
    else:
        from gateway.config import load_settings

        settings = load_settings(config)
        try:
            source, lines = configured_lines(settings.audit, settings.store, since_ts)
        except NothingToRead as exc:
            print(f"{prog}: {exc}", file=sys.stderr)
            return 1
        sources = [source]
    try:
        return consume(lines, sources)
    except (OSError, RedisError) as exc:
        print(f"{prog}: cannot read {', '.join(sources)}: {exc}", file=sys.stderr)
        return 1


def search(lines: Iterable[bytes], flt: AuditFilter, limit: int) -> SearchResult:
    reader = RecordReader()
    # The newest by `ts`, not the last read: each worker's file (a `{pid}` path) is read in turn, and a line is
    # written when its request ends, so reading order is not time order. A heap of `limit` (oldest on top).
    kept: list[tuple[float, int, dict[str, Any]]] = []
    result = SearchResult([])
    for rec in reader.decode(lines):
        result.scanned += 1
        ts = float(rec["ts"])
        if ts < flt.since_ts or ts > flt.until_ts or not flt.matches(rec):
            continue
        result.matched += 1
        entry = (ts, result.matched, rec)  # the count breaks ties: records themselves never compare
        if len(kept) < limit:
            heapq.heappush(kept, entry)
        elif entry > kept[0]:
            heapq.heapreplace(kept, entry)
    result.records = [rec for _, _, rec in sorted(kept)]
    result.skipped_lines = reader.skipped
    return result


def render_jsonl(result: SearchResult) -> str:
    return "".join(orjson.dumps(r).decode() + "\n" for r in result.records)


_COLUMNS = ("time (UTC)", "request_id", "principal", "model", "status", "decision", "tokens in/out", "reasons")


def principal_of(rec: dict[str, Any]) -> str | None:
    """`tenant/account` of a record: a request's `principal`, or an operator record's (a key change names
    tenant and account)."""
    principal = rec.get("principal")
    if principal is None and "kind" in rec and rec.get("tenant") and rec.get("account"):
        return f"{rec['tenant']}/{rec['account']}"
    return principal


def _row(rec: dict[str, Any]) -> list[str]:
    if "kind" in rec:  # an operator's action: what was done, and the reviewer's or operator's words
        what = f"{rec['kind']}:{rec.get('action') or rec.get('decision') or '-'}"
        words = str(rec.get("reason") or rec.get("note") or "-")
        return [datetime.fromtimestamp(float(rec["ts"]), UTC).strftime("%Y-%m-%d %H:%M:%S"),
                str(rec.get("key_id") or "-")[:12], str(principal_of(rec) or "-"), "-", "-", what, "-",
                words if len(words) <= 60 else words[:57] + "..."]
    usage = rec.get("usage") or {}
    reasons = ", ".join(map(str, rec.get("reasons") or ())) or "-"
    return [datetime.fromtimestamp(float(rec["ts"]), UTC).strftime("%Y-%m-%d %H:%M:%S"),
            str(rec.get("request_id") or "-"), str(rec.get("principal") or "-"), str(rec.get("model") or "-"),
            str(rec.get("status", "-")), str(rec.get("decision") or "-"),
            f"{usage.get('input_tokens', 0)}/{usage.get('output_tokens', 0)}",
            reasons if len(reasons) <= 60 else reasons[:57] + "..."]


def render_table(result: SearchResult) -> str:
    rows = [list(_COLUMNS)] + [_row(r) for r in result.records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"
