"""Offline replay (backtesting): score a recorded traffic log in time order, as the live detector would.

For each request the verdict the gateway would have applied is the one *before* the request is
observed (the hot path looks it up, the event is scored after), which is what
`requests_before_flag` and `requests_blocked` count.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from gateway.extraction.detector import Detector
from gateway.extraction.features import FeatureExtractor
from gateway.extraction.policy import ExtractionPolicy

PROGRESS_EVERY_S = 2.0
SKIPPED_TOLD = 10


@dataclass
class Summary:
    requests: int = 0
    skipped_lines: int = 0
    principals: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    campaigns: int = 0
    seconds: float = 0.0
    out_of_order: int = 0
    skipped: list[str] = field(default_factory=list)  # the first SKIPPED_TOLD skipped lines: "line N: why"
    operator_records: int = 0  # the audit log's reviewer decisions (applied) and key changes

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"requests": self.requests, "skipped_lines": self.skipped_lines, "principals": self.principals,
                "by_status": self.by_status, "campaigns": self.campaigns, "seconds": round(self.seconds, 3),
                "requests_per_s": round(self.requests_per_s, 1), "out_of_order": self.out_of_order,
                "skipped": self.skipped, "operator_records": self.operator_records}


def iter_records(lines: IO[bytes]) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, record, "") for each usable record, a request or an operator's (`kind`); (line number, None,
    why) for a line that is not one (counted and told, not fatal). Blank lines are neither. A record's `ts` is made a
    float here."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield number, None, "not JSON"
            continue
        why = _unusable(rec)
        yield number, (None if why else rec), why


def _unusable(rec: Any) -> str:
    if not isinstance(rec, dict):
        return "not a JSON object"
    if "kind" in rec:  # an operator's record in the audit log (a reviewer's decision, a key change)
        if rec["kind"] != "review":
            return ""
        if rec.get("decision") not in ("confirm", "clear", "allowlist") or not isinstance(rec.get("principal"), str):
            return "a review record without a principal and a decision (confirm, clear or allowlist)"
        return _unusable_ts(rec)
    missing = [k for k in ("ts", "principal", "api", "request") if k not in rec]
    if missing:
        return "no " + ", ".join(missing)
    if not isinstance(rec["request"], dict):
        return "request is not a JSON object"
    principal = rec["principal"]
    if not isinstance(principal, str | int) or isinstance(principal, bool) or principal == "":
        return "principal is not an account id"
    if not isinstance(rec["api"], str):
        return "api is not a string"
    return _unusable_ts(rec)


def _unusable_ts(rec: dict[str, Any]) -> str:
    ts = rec.get("ts")
    try:
        rec["ts"] = float(ts) if not isinstance(ts, bool) else math.nan
    except (TypeError, ValueError):  # an ISO string, null: not epoch seconds
        rec["ts"] = math.nan
    if not math.isfinite(rec["ts"]):  # NaN: no place in time order
        return f"ts {ts!r} is not epoch seconds"
    return ""


def replay(traffic_path: str | Path, policy: ExtractionPolicy | None = None, output_path: str | Path | None = None,
           progress: bool = True, detector: Detector | None = None,
           checkpoints: Sequence[tuple[float, Callable[[], None]]] = ()) -> Summary:
    """Replay `traffic_path` ("-": standard input); write one JSON line per principal to `output_path` (if given).

    `checkpoints`: (event time, call) pairs; each call is made once, before the first request at or after its time
    is looked up (an evaluation reads the detector's state part-way through the log with them)."""
    # The output is opened first, so that one that cannot be written fails before the replay, not after it; in
    # append mode, emptied once the log is read (an existing file, even the log itself, is kept until then).
    log = contextlib.nullcontext(sys.stdin.buffer) if str(traffic_path) == "-" else Path(traffic_path).open("rb")
    with log as f, (Path(output_path).open("ab") if output_path is not None else contextlib.nullcontext()) as out:
        return _replay(f, out, policy, progress, detector, sorted(checkpoints, key=lambda c: c[0]))


def _replay(f: IO[bytes], out: IO[bytes] | None, policy: ExtractionPolicy | None, progress: bool,
            detector: Detector | None, checkpoints: list[tuple[float, Callable[[], None]]]) -> Summary:
    pol = policy or ExtractionPolicy()
    det = detector or Detector(pol)
    fx = FeatureExtractor(keep_excerpt=pol.keep_examples)
    summary = Summary()
    # principal -> [requests, requests served before the first flag, requests refused by a block verdict]
    served: dict[str, list[int]] = {}
    t0 = last_progress = time.perf_counter()
    last_ts = float("-inf")
    st = os.fstat(f.fileno())
    total_bytes = st.st_size if stat.S_ISREG(st.st_mode) else 0  # a pipe (standard input): no share to tell
    for number, rec, why in iter_records(f):
        if rec is None:
            summary.skipped_lines += 1
            if len(summary.skipped) < SKIPPED_TOLD:
                summary.skipped.append(f"line {number}: {why}")
            continue
        if "kind" in rec:  # an operator's record: a reviewer's decision applies from its time on, as it did live
            summary.operator_records += 1
            if rec["kind"] == "review":
                det.record_decision(rec["principal"], rec["decision"], str(rec.get("reviewer", "")),
                                    str(rec.get("note", "")), max(rec["ts"], last_ts))
            continue
        principal = str(rec["principal"])
        ts = rec["ts"]
        if ts < last_ts:
            summary.out_of_order += 1  # scored as it comes; event time never goes backwards
            ts = last_ts
        last_ts = ts
        while checkpoints and ts >= checkpoints[0][0]:
            checkpoints.pop(0)[1]()
        client = rec.get("client")
        if not isinstance(client, dict):
            client = {}
        text = rec.get("response_text")
        usage = rec.get("usage")
        tokens = usage.get("output_tokens") if isinstance(usage, dict) else None
        ev = fx.describe(rec["api"], rec["request"], principal, ts, tenant=rec.get("tenant"),
                         key_id=rec.get("key_id"), client_ip=client.get("ip"), user_agent=client.get("user_agent"),
                         output_tokens=tokens if isinstance(tokens, int) else 0,
                         answer=text if isinstance(text, str) else "")
        counts = served.get(principal)
        if counts is None:
            counts = served[principal] = [0, 0, 0]
        counts[0] += 1
        status = det.verdict(principal).status
        if status == "ok":
            counts[1] += 1 if counts[0] == counts[1] + 1 else 0  # only until the first flag
        elif status == "block":
            counts[2] += 1  # a block that lifts before the end is not in the final verdict
        det.observe(ev)
        summary.requests += 1
        if progress and summary.requests % 2000 == 0:
            now = time.perf_counter()
            if now - last_progress >= PROGRESS_EVERY_S:
                last_progress = now
                share = f"{f.tell() * 100 // total_bytes}%, " if total_bytes else ""
                print(f"replay: {summary.requests} requests, {share}{summary.requests / (now - t0):.0f} req/s",
                      file=sys.stderr)
    det.tick(last_ts if last_ts > float("-inf") else 0.0)
    summary.seconds = time.perf_counter() - t0
    summary.principals = len(served)
    summary.campaigns = len(det.campaigns())
    by_status: dict[str, int] = {"ok": 0, "flag": 0, "throttle": 0, "block": 0}
    if out is not None:
        out.truncate(0)
    for principal, (n, before, blocked) in served.items():
        v = det.verdict(principal)
        by_status[v.status] += 1
        if out is not None:
            out.write(orjson.dumps({
                "principal": principal, "verdict": v.status, "score": round(det.score_of(principal), 4),
                "first_flagged_ts": det.first_flagged_ts(principal),
                "campaign": v.campaign_id, "reasons": list(v.reasons),
                "requests": n, "requests_before_flag": before, "requests_blocked": blocked,
            }))
            out.write(b"\n")
    summary.by_status = by_status
    return summary
