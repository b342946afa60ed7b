"""Rate limits through the real gateway: no limits vs 3 limits on the memory store vs on Redis.

    python -m benchmarks.ratelimit_gateway_bench [--seconds 10] [--repeats 3] [--quick]

Same harness as benchmarks/proxy_bench.py: nginx as the static upstream and wrk on CPU 0, each
gateway alone on CPU 1; runs interleaved across targets and repeated; medians (min-max).
Redis round trips per request are counted by the server (INFO commandstats: evalsha + eval calls
during the c=1 run, divided by the requests wrk completed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

import redis

from benchmarks.harness.gateway import CovenantProcess
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import cpu_seconds, free_port
from benchmarks.harness.wrk import lua_script, run_wrk
from gateway.identity import RedisKeyStore

BENCH_POLICIES = Path(__file__).parent / "policies"  # bench.yaml: requests, concurrency, tokens per request
BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Summarise the release notes."}],
        "max_tokens": 400}


def _script_calls(r: redis.Redis) -> int:
    stats = r.info("commandstats")
    return sum(stats.get(f"cmdstat_{c}", {}).get("calls", 0) for c in ("evalsha", "eval"))


def _per_command(r: redis.Redis) -> dict[str, int]:
    return {k.removeprefix("cmdstat_"): v.get("calls", 0) for k, v in r.info("commandstats").items()
            if k != "cmdstat_info"}


def _copy_key_to_redis(gw: CovenantProcess, url: str) -> None:
    """A gateway on a Redis store looks API keys up in Redis, not in its keys file."""
    records = json.loads((gw.dir / "keys.json").read_text())["keys"]
    with redis.Redis.from_url(url) as r:
        for rec in records:
            r.hset(RedisKeyStore.HASH, rec["key_id"], json.dumps(rec))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="3-second runs, one repeat")
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds, args.repeats = 3, 1

    from tests.support.redis_server import start_redis

    load_before = os.getloadavg()
    upstream = Nginx(free_port()).start()
    server = start_redis()
    procs: list[CovenantProcess] = []
    try:
        specs = {"no-limits": (None, "memory://"), "memory-3-limits": (BENCH_POLICIES, "memory://"),
                 "redis-3-limits": (BENCH_POLICIES, server.url)}
        targets: dict[str, tuple[int, CovenantProcess | None, str]] = {"direct": (upstream.port, None, "none")}
        for name, (policies, store) in specs.items():
            gw = CovenantProcess(upstream.port, policies, store)
            if store.startswith("redis"):
                _copy_key_to_redis(gw, store)
            gw.start()
            procs.append(gw)
            targets[name] = (gw.port, gw, gw.key)
        r = redis.Redis.from_url(server.url)
        results: dict[str, list] = {}
        trips: list[float] = []
        all_cmds: list[float] = []
        cpu: dict[str, list[float]] = {}
        for rep in range(args.repeats):
            for name, (port, gw, key) in targets.items():
                script = lua_script(BODY, {"content-type": "application/json", "authorization": f"Bearer {key}"})
                url = f"http://127.0.0.1:{port}/v1/chat/completions"
                run_wrk(url, script, 4, 1)  # warm-up, discarded
                s0, a0 = _script_calls(r), _per_command(r)
                lat = run_wrk(url, script, 1, args.seconds)
                if name == "redis-3-limits" and lat.requests:
                    trips.append((_script_calls(r) - s0) / lat.requests)
                    a1 = _per_command(r)
                    delta = {c: (n - a0.get(c, 0)) / lat.requests for c, n in a1.items() if n > a0.get(c, 0)}
                    all_cmds.append(sum(delta.values()))
                    print("  Redis commands per request: " + ", ".join(
                        f"{c} {v:.2f}" for c, v in sorted(delta.items(), key=lambda kv: -kv[1])), file=sys.stderr)
                c0 = cpu_seconds(gw.proc.pid) if gw else 0.0
                thr = run_wrk(url, script, 32, args.seconds)
                if gw and thr.requests:
                    cpu.setdefault(name, []).append((cpu_seconds(gw.proc.pid) - c0) / thr.requests * 1e6)
                results.setdefault(name, []).append((lat, thr))
                print(f"  [rep {rep + 1}] {name:<16} p50 {lat.p50_ms:.3f} ms  p99 {lat.p99_ms:.3f} ms  "
                      f"c32 {thr.rps:,.0f} req/s  errors {lat.errors + thr.errors}", file=sys.stderr)
        _table(results, cpu, trips, all_cmds, load_before, os.getloadavg())
    finally:
        for p in procs:
            p.stop()
        upstream.stop()
        server.stop()
    return 0


def _fmt(values: list[float], digits: int = 3) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _table(results, cpu, trips, all_cmds, load_before, load_after) -> None:
    base = results["direct"]
    b50 = statistics.median(r[0].p50_ms for r in base)
    b99 = statistics.median(r[0].p99_ms for r in base)
    nl = results["no-limits"]
    n50 = statistics.median(r[0].p50_ms for r in nl)
    print("\n| target | p50 ms c=1 | p99 ms c=1 | added p50 ms | added p99 ms | limits' own p50 ms | req/s c=32 "
          "| CPU µs/req | Redis round trips/req (EVALSHA) | Redis commands run/req (incl. inside scripts) | errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, runs in results.items():
        p50 = [r[0].p50_ms for r in runs]
        p99 = [r[0].p99_ms for r in runs]
        rps = [r[1].rps for r in runs]
        errors = sum(r[0].errors + r[1].errors for r in runs)
        direct = name == "direct"
        added50 = "-" if direct else f"{statistics.median(p50) - b50:.3f}"
        added99 = "-" if direct else f"{statistics.median(p99) - b99:.3f}"
        own = f"{statistics.median(p50) - n50:.3f}" if name.endswith("limits") and name != "no-limits" else "-"
        rt = _fmt(trips, 2) if name.startswith("redis") and trips else "-"
        cmds = _fmt(all_cmds, 2) if name.startswith("redis") and all_cmds else "-"
        print(f"| {name} | {_fmt(p50)} | {_fmt(p99)} | {added50} | {added99} | {own} | {_fmt(rps, 0)} | "
              f"{_fmt(cpu[name], 0) if name in cpu else '-'} | {rt} | {cmds} | {errors} |")
    print(f"\nload average (1, 5, 15 min): before {tuple(round(x, 2) for x in load_before)}, "
          f"after {tuple(round(x, 2) for x in load_after)}; {os.cpu_count()} CPUs")


if __name__ == "__main__":
    sys.exit(main())
