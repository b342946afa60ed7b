"""Extraction detector state per active account: `python -m benchmarks.extraction_memory [--accounts 100000]`.

Two workloads, both with a freshly extracted event per observation (as in production: no strings or
ints shared across accounts by reusing event objects), measured with tracemalloc after a full GC:

* `population` (issue 9's figure): N accounts, each replaying the first R requests of one account of
  the synthetic traffic (tuning seed), so the mix of chat users, apps and campaigns is the real one.
  Accounts are shifted in time so that all of them are active inside the decay window.
* `mixed` (the earlier figure, kept for comparison): 2,000 accounts x 40 requests drawn round-robin
  from the first 5,000 records, so every account is a blend of benign and attack traffic (most of
  them become suspects with a verdict timeline: a worst case).

Both include each account's share of the template clusters and of the detector's indexes.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from benchmarks.traffic.generate import generate
from gateway.extraction.detector import Detector
from gateway.extraction.features import FeatureExtractor

T0 = 1_767_225_600.0


def _traffic(workdir: Path) -> Path:
    path = workdir / "traffic-s1-base-d4-x1.jsonl"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        generate(1, path, days=4.0, scale=1.0, variant="base")
    return path


def _measure(events: Any, n_accounts: int) -> tuple[float, float, Detector]:
    """Bytes per account and CPU seconds for observing `events` (an iterator of feature events)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    det = Detector()
    c0 = time.process_time()
    for ev in events:
        det.observe(ev)
    cpu = time.process_time() - c0
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    # Only what the detector holds: the extractor's token cache is dropped with the generator.
    used = sum(s.size_diff for s in after.compare_to(before, "filename"))
    return used / n_accounts, cpu, det


def population(traffic: Path, n_accounts: int, per_account: int) -> tuple[float, float, Detector]:
    streams: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with traffic.open("rb") as f:
        for line in f:
            rec = orjson.loads(line)
            s = streams[rec["principal"]]
            if len(s) < per_account:
                s.append(rec)
    sources = [s for s in streams.values() if len(s) >= 2]

    def events() -> Any:
        fx = FeatureExtractor()
        # Round-robin over accounts, request by request, so all of them stay active together: one
        # round of requests per hour of event time (each regrouping sees every account).
        spacing = 3600.0 / max(1, n_accounts)
        for k in range(per_account):
            for a in range(n_accounts):
                src = sources[a % len(sources)]
                if k >= len(src):
                    continue
                r = src[k]
                c = r.get("client") or {}
                ev = fx.extract(r["api"], r["request"], f"{r['principal']}-{a}", T0 + (k * n_accounts + a) * spacing,
                                client_ip=c.get("ip"), user_agent=c.get("user_agent"))
                ev.output_tokens = r["usage"]["output_tokens"]
                yield ev

    return _measure(events(), n_accounts)


def mixed(traffic: Path, n_accounts: int = 2000, per_account: int = 40) -> tuple[float, float, Detector]:
    recs = []
    with traffic.open("rb") as f:
        for line in f:
            recs.append(orjson.loads(line))
            if len(recs) >= 5000:
                break

    def events() -> Any:
        fx = FeatureExtractor()
        for i in range(n_accounts * per_account):
            r = recs[(i * 7919) % len(recs)]
            ev = fx.extract(r["api"], r["request"], f"mem-{i % n_accounts}", T0 + i * 3.0,
                            client_ip=r["client"]["ip"], user_agent=r["client"]["user_agent"])
            ev.output_tokens = r["usage"]["output_tokens"]
            yield ev

    return _measure(events(), n_accounts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=10, help="requests per account (population workload)")
    ap.add_argument("--skip-mixed", action="store_true")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/covenant-extraction-eval"))
    args = ap.parse_args(argv)
    traffic = _traffic(args.workdir)
    print("| workload | accounts | requests/account | bytes per account | clusters | observe CPU us/event |")
    print("|---|---|---|---|---|---|")
    per, cpu, det = population(traffic, args.accounts, args.requests)
    n_ev = det.events
    print(f"| population | {args.accounts} | {args.requests} | {per:.0f} | {det.stats()['clusters']} "
          f"| {cpu / max(1, n_ev) * 1e6:.1f} |")
    del det
    if not args.skip_mixed:
        per, cpu, det = mixed(traffic)
        print(f"| mixed | 2000 | 40 | {per:.0f} | {det.stats()['clusters']} | {cpu / max(1, det.events) * 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
