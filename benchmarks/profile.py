"""Where the gateway's CPU goes under load: py-spy on the pinned gateway, aggregated into tables.

    python -m benchmarks.profile [--config empty|full|both] [--seconds 15] [--out DIR] [--process worker]

Starts the static nginx upstream (CPU 0), Covenant pinned to CPU 1 (`full`: benchmarks/policies_full
on a Redis store), drives it with wrk at c=32 (CPU 0) and samples it with `py-spy record` (raw
collapsed stacks, idle frames excluded, so percentages are of on-CPU samples). Prints the top
functions by self time and by inclusive time, and a breakdown by area (stages, proxy core,
uvicorn/httptools, aiohttp client, asyncio/uvloop, Presidio, …). The raw collapsed stacks are
kept in --out (feed them to flamegraph.pl or speedscope for a closer look).
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness.gateway import CovenantProcess
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port
from benchmarks.harness.wrk import lua_script, run_wrk
from benchmarks.suite import BODY, FULL_POLICIES

# Ordered: the first matching path fragment names the area of a frame.
AREAS = (
    ("gateway/stages/", "stages"), ("gateway/watermark/", "watermark"), ("gateway/pii/", "pii (covenant)"),
    ("presidio", "presidio"), ("gateway/ratelimit/", "ratelimit"), ("gateway/store/", "store"),
    ("gateway/extraction/", "extraction"), ("gateway/audit/", "audit"), ("gateway/dialects/", "dialects"),
    ("gateway/metrics", "metrics"), ("prometheus_client", "prometheus_client"), ("gateway/upstream", "upstream client"),
    ("gateway/proxy", "proxy core"), ("gateway/pipeline", "pipeline"), ("gateway/identity", "identity"),
    ("gateway/policy/", "policy match"), ("gateway/", "gateway other"), ("aiohttp", "aiohttp client"),
    ("redis/", "redis-py"), ("uvicorn", "uvicorn/httptools"), ("httptools", "uvicorn/httptools"),
    ("asyncio", "asyncio"), ("uvloop", "uvloop"), ("numpy", "numpy"), ("regex", "regex"), ("re/", "re"),
)
# Leaf frames of threads that wait in native code which py-spy's idle detection misses: the policy
# watcher (watchfiles' Rust `watch`, run in an AnyIO worker thread) sleeps there between polls and
# showed as ~19 % "on-CPU" self time of the full set, while `py-spy dump --native` shows it asleep.
NATIVE_WAITS = ("WorkerThread.run (anyio/",)


def _area(frame: str) -> str:
    for frag, name in AREAS:
        if frag in frame:
            return name
    return "other"


def summarize(raw: Path, top: int = 25) -> str:
    self_t: collections.Counter[str] = collections.Counter()
    incl: collections.Counter[str] = collections.Counter()
    area_self: collections.Counter[str] = collections.Counter()
    area_incl: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        if frames[-1].startswith(NATIVE_WAITS):
            continue
        total += n
        self_t[frames[-1]] += n
        area_self[_area(frames[-1])] += n
        for f in set(frames):
            incl[f] += n
        # Inclusive by area: the outermost gateway-owned area below the server loop.
        for a in {_area(f) for f in frames}:
            area_incl[a] += n
    if not total:
        return "(no samples)"
    out = [f"{total} on-CPU samples", "", "| top functions by self time | % self |", "|---|---|"]
    out += [f"| `{f}` | {n / total * 100:.1f} |" for f, n in self_t.most_common(top)]
    out += ["", "| top gateway functions by inclusive time | % incl |", "|---|---|"]
    gw = [(f, n) for f, n in incl.most_common() if "gateway/" in f]
    out += [f"| `{f}` | {n / total * 100:.1f} |" for f, n in gw[:top]]
    out += ["", "| area | % self | % inclusive |", "|---|---|---|"]
    out += [f"| {a} | {area_self[a] / total * 100:.1f} | {area_incl[a] / total * 100:.1f} |"
            for a, _ in area_self.most_common()]
    return "\n".join(out)


def profile(config: str, seconds: float, out_dir: Path, rate: int, process: str = "gateway") -> str:
    upstream = Nginx(free_port()).start()
    redis = gw = None
    try:
        policies, store = None, "memory://"
        if config == "full":
            from tests.support.redis_server import RedisServer

            redis = RedisServer(free_port()).start()
            subprocess.run(["taskset", "-p", "-c", "0", str(redis.proc.pid)], capture_output=True, check=False)
            policies, store = FULL_POLICIES, redis.url
        gw = CovenantProcess(upstream.port, policies, store).start()
        url = f"http://127.0.0.1:{gw.port}/v1/chat/completions"
        script = lua_script(BODY, {"content-type": "application/json", "authorization": f"Bearer {gw.key}"})
        run_wrk(url, script, 32, 2)  # warm-up
        if process == "worker" and gw.worker is None:
            raise SystemExit("--process worker needs --config full (the analysis worker runs with a Redis store)")
        pid = gw.worker.pid if process == "worker" else gw.proc.pid
        raw = out_dir / (f"profile-{config}.txt" if process == "gateway" else f"profile-{config}-{process}.txt")
        spy = subprocess.Popen(["py-spy", "record", "--pid", str(pid), "--duration", str(int(seconds)),
                                "--rate", str(rate), "--format", "raw", "-o", str(raw)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(1.0)  # py-spy attaches
        res = run_wrk(url, script, 32, seconds - 1)
        spy.wait(timeout=seconds + 60)
        head = (f"### {config} ({process}): wrk c=32 → {res.rps:,.0f} req/s during the profile (py-spy at {rate} Hz slows it), "
                f"errors {res.errors}; raw stacks: {raw}")
        return head + "\n\n" + summarize(raw)
    finally:
        if gw:
            gw.stop()
        if redis:
            redis.stop()
        upstream.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=("empty", "full", "both"), default="both")
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    ap.add_argument("--out", default=None, help="directory for raw stacks (default: a temp dir)")
    ap.add_argument("--summarize", help="only summarize an existing raw py-spy file")
    ap.add_argument("--process", choices=("gateway", "worker"), default="gateway",
                    help="worker: sample the analysis worker (`covenant worker`, --config full) instead")
    args = ap.parse_args(argv)
    if args.summarize:
        print(summarize(Path(args.summarize)))
        return 0
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="covenant-profile-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"load average at start: {load}\n")
    for config in (("empty", "full") if args.config == "both" else (args.config,)):
        print(profile(config, args.seconds, out_dir, args.rate, args.process) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
