"""Gateway vs direct, side by side in one run: added latency at concurrency 1, throughput at 32.

    python -m benchmarks.proxy_bench [--seconds 10] [--repeats 3] [--quick]

Layout on this 2-core machine: the gateway alone on CPU 1; nginx (the static upstream) and wrk
on CPU 0. Runs are interleaved across targets and repeated; the table shows medians (min-max).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from benchmarks.harness.gateway import CovenantProcess
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port, largest_rss_mb, tree_cpu_seconds
from benchmarks.harness.wrk import lua_script, run_wrk

BENCH_POLICIES = Path(__file__).parent / "policies"

BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Summarise the release notes."}],
        "max_tokens": 400}


def _redis():
    from tests.support.redis_server import start_redis

    return start_redis()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="3-second runs, one repeat")
    ap.add_argument("--targets", default="direct,nginx-proxy,covenant-empty,covenant-default,covenant-redis")
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds, args.repeats = 3, 1
    wanted = args.targets.split(",")

    upstream = Nginx(free_port()).start()
    redis = _redis() if "covenant-redis" in wanted else None
    targets: dict[str, tuple[int, object]] = {}
    procs = []
    try:
        targets["direct"] = (upstream.port, None)
        if "nginx-proxy" in wanted:
            proxy = Nginx(free_port(), cpu="1", proxy_to=upstream.port).start()
            procs.append(proxy)
            targets["nginx-proxy"] = (proxy.port, proxy)
        specs = {"covenant-empty": (None, "memory://"), "covenant-default": (BENCH_POLICIES, "memory://"),
                 "covenant-redis": (BENCH_POLICIES, redis.url if redis else "")}
        keys = {}
        for name, (policies, store) in specs.items():
            if name in wanted:
                gw = CovenantProcess(upstream.port, policies, store).start()
                procs.append(gw)
                targets[name] = (gw.port, gw)
                keys[name] = gw.key
        results: dict[tuple[str, str], list] = {}
        cpu_per_req: dict[str, list[float]] = {}
        for mode in ("json", "sse"):
            for rep in range(args.repeats):
                for name, (port, proc) in targets.items():
                    if name not in wanted and name != "direct":
                        continue
                    headers = {"content-type": "application/json",
                               "authorization": f"Bearer {keys.get(name, 'none')}"}
                    if mode == "sse":
                        headers["x-bench-stream"] = "1"
                    body = {**BODY, "stream": mode == "sse"}
                    script = lua_script(body, headers)
                    url = f"http://127.0.0.1:{port}/v1/chat/completions"
                    run_wrk(url, script, 4, 1)  # warm-up, discarded
                    lat = run_wrk(url, script, 1, args.seconds)
                    pids = proc.pids() if proc is not None else []  # nginx: master and worker
                    cpu0 = tree_cpu_seconds(pids)
                    thr = run_wrk(url, script, 32, args.seconds)
                    if pids and thr.requests:
                        cpu_per_req.setdefault(f"{name}/{mode}", []).append(
                            (tree_cpu_seconds(pids) - cpu0) / thr.requests * 1e6)
                    results.setdefault((name, mode), []).append((lat, thr))
                    print(f"  [{mode} rep {rep + 1}] {name:<17} p50 {lat.p50_ms:.3f} ms  p99 {lat.p99_ms:.3f} ms  "
                          f"c32 {thr.rps:,.0f} req/s  errors {lat.errors + thr.errors}", file=sys.stderr)
        _table(results, cpu_per_req, targets)
    finally:
        for p in procs:
            p.stop()
        upstream.stop()
        if redis:
            redis.stop()
    return 0


def _fmt(values: list[float], digits: int = 3) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _table(results, cpu_per_req, targets) -> None:
    print("\n| target | mode | p50 ms c=1 | p99 ms c=1 | added p50 ms | added p99 ms | req/s c=32 | CPU µs/req | RSS MB | errors |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for mode in ("json", "sse"):
        base = results.get(("direct", mode))
        b50 = statistics.median(r[0].p50_ms for r in base)
        b99 = statistics.median(r[0].p99_ms for r in base)
        for (name, m), runs in results.items():
            if m != mode:
                continue
            p50 = [r[0].p50_ms for r in runs]
            p99 = [r[0].p99_ms for r in runs]
            rps = [r[1].rps for r in runs]
            errors = sum(r[0].errors + r[1].errors for r in runs)
            proc = targets[name][1]
            rss = f"{largest_rss_mb(proc.pids()):.0f}" if proc is not None else "-"
            cpu = cpu_per_req.get(f"{name}/{mode}")
            added50 = "-" if name == "direct" else f"{statistics.median(p50) - b50:.3f}"
            added99 = "-" if name == "direct" else f"{statistics.median(p99) - b99:.3f}"
            print(f"| {name} | {mode} | {_fmt(p50)} | {_fmt(p99)} | {added50} | {added99} | {_fmt(rps, 0)} | "
                  f"{_fmt(cpu, 0) if cpu else '-'} | {rss} | {errors} |")


if __name__ == "__main__":
    sys.exit(main())
