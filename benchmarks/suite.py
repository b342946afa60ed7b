"""The performance suite: every gateway side by side in one run, one markdown table.

    python -m benchmarks.suite [--quick] [--seconds 10] [--repeats 3] [--streams 30] [--busy-rps 300] [--skip ...]

Targets: direct to the upstream, nginx as a reverse proxy (the floor for one hop), `python-floor`
(raw ASGI + aiohttp pass-through on Covenant's server: the floor for a typical Python gateway;
`-lean`: the same app forwarding with Covenant's own upstream client, i.e. Covenant's stack with
none of Covenant's code; `-granian`: the aiohttp app under granian, to price the ASGI server), Covenant with
no policies, Covenant with the full policy set (`benchmarks/policies_full/`: key auth, three rate
limits on a Redis store, extraction features, watermark of a ~300-word answer, PII scan of prompt
and output), and LiteLLM / Portkey when `python -m benchmarks.peers.setup` installed them.

Phases (each target started, measured, stopped; runs interleaved across targets, repeated):
1. JSON: static nginx upstream; wrk at c=1 (added latency p50/p99), c=32 and c=128 (req/s);
   CPU per request from /proc over the c=32 run; RSS of the serving process.
2. Streaming: an SSE upstream with a 50 ms first-token delay; one stream at a time; time to first
   content chunk and total time, against direct. Then TTFT again while `--busy-rps` (default 300)
   non-streaming requests per second go to the same target ("TTFT busy"): idle between streams, this
   VM runs a woken process's first ~100 µs several times slower, which the idle figure pays on every
   hop the gateway adds (client, store, upstream). The full set is streamed three ways: with the PII
   hold-back, without it, and without it with speculative admission off (the rate-limit round trip
   before the upstream call, as before speculation).
3. Scaling: Covenant with `workers: 1` vs `workers: 2`, unpinned (both cores), c=32 and c=128, with
   the serving processes' CPU per request at c=32 (equal CPU per request means the workers scale
   with the cores they get; on this 2-core machine they share them with wrk, nginx and Redis) and the
   share of all the machine's CPU time that was busy during that run (/proc/stat): near 100 % with two
   workers means the machine has no core left for the second worker, whatever the gateway does.

Layout on this 2-core machine: each gateway alone on CPU 1, upstream, wrk and Redis on CPU 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from benchmarks.harness.gateway import CovenantProcess
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port, largest_rss_mb, machine_ticks, tree_cpu_seconds
from benchmarks.harness.sse_upstream import SSEUpstream
from benchmarks.harness.ttft import measure_streams
from benchmarks.harness.wrk import lua_script, run_wrk
from benchmarks.peers.run import AsgiFloorProcess, LiteLLMProcess, PortkeyProcess
from benchmarks.suite_report import Row, table, verdicts

FULL_POLICIES = Path(__file__).parent / "policies_full"
BODY = {"model": "gpt-4o-mini", "max_tokens": 400,
        "messages": [{"role": "system", "content": "You are a helpful assistant for a software team."},
                     {"role": "user", "content": "Summarise the release notes for the team in a short paragraph."}]}
ALL_TARGETS = ("direct", "nginx-proxy", "python-floor", "python-floor-lean", "python-floor-granian", "covenant-empty",
               "covenant-full", "litellm", "portkey")


class _Direct:
    """The upstream itself as a target (no process of ours to measure)."""

    key = "none"

    def __init__(self, port: int) -> None:
        self.port = port

    def headers(self) -> dict[str, str]:
        return {}

    def pids(self) -> list[int]:
        return []

    def stop(self) -> None:
        pass


class _NginxTarget(_Direct):
    def __init__(self, upstream_port: int) -> None:
        self.nginx = Nginx(free_port(), cpu="1", proxy_to=upstream_port).start()
        super().__init__(self.nginx.port)

    def pids(self) -> list[int]:
        return self.nginx.pids()

    def stop(self) -> None:
        self.nginx.stop()


class _Covenant:
    def __init__(self, upstream_port: int, policies: Path | None, store: str, cpu: str = "1", workers: int = 1,
                 env: dict | None = None) -> None:
        self.gw = CovenantProcess(upstream_port, policies, store, cpu=cpu, workers=workers, env=env).start()
        self.port = self.gw.port

    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.gw.key}"}

    def pids(self) -> list[int]:
        return self.gw.pids()

    def worker_pids(self) -> list[int]:
        return self.gw.worker_pids()

    def stop(self) -> None:
        self.gw.stop()


def _no_output_pii(tmp: Path) -> Path:
    """The full set without output PII redaction: streaming with the PII hold-back disabled."""
    out = tmp / "policies_full_no_holdback"
    if out.exists():  # made once per run, shared by the targets that use it
        return out
    shutil.copytree(FULL_POLICIES, out)
    text = (out / "10-pii.yaml").read_text()
    (out / "10-pii.yaml").write_text(text.split("    output:")[0])
    return out


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Suite:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rows: dict[str, Row] = {}
        self.redis = None
        self.tmp = Path(tempfile.mkdtemp(prefix="covenant-suite-"))
        self.loads: list[str] = []

    def row(self, name: str) -> Row:
        return self.rows.setdefault(name, Row())

    def _factories(self, upstream_port: int, names: list[str]) -> dict[str, Callable[[], object]]:
        f: dict[str, Callable[[], object]] = {
            "direct": lambda: _Direct(upstream_port),
            "nginx-proxy": lambda: _NginxTarget(upstream_port),
            "python-floor": lambda: AsgiFloorProcess(upstream_port).start(),
            "python-floor-lean": lambda: AsgiFloorProcess(upstream_port, client="lean").start(),
            "python-floor-granian": lambda: AsgiFloorProcess(upstream_port, server="granian").start(),
            "covenant-empty": lambda: _Covenant(upstream_port, None, "memory://"),
            "covenant-full": lambda: _Covenant(upstream_port, FULL_POLICIES, self.redis.url),
            "covenant-full-no-holdback": lambda: _Covenant(upstream_port, _no_output_pii(self.tmp), self.redis.url),
            # the same with speculative admission off: the rate-limit round trip before the upstream call
            "covenant-full-no-holdback-in-order": lambda: _Covenant(upstream_port, _no_output_pii(self.tmp),
                                                                    self.redis.url,
                                                                    env={"COVENANT_SPECULATIVE_ADMISSION": "false"}),
            "litellm": lambda: LiteLLMProcess(upstream_port).start(),
            "portkey": lambda: PortkeyProcess(upstream_port).start(),
        }
        out = {}
        for name in names:
            if name == "litellm" and not LiteLLMProcess.available():
                self.row(name).note = "not installed (python -m benchmarks.peers.setup)"
            elif name == "portkey" and not PortkeyProcess.available():
                self.row(name).note = "not installed (python -m benchmarks.peers.setup)"
            elif name == "python-floor-granian" and importlib.util.find_spec("granian") is None:
                self.row(name).note = "not installed (pip install granian): the floor under another ASGI server"
            else:
                out[name] = f[name]
        return out

    def _start_all(self, factories: dict[str, Callable[[], object]]) -> dict[str, object]:
        started = {}
        for name, make in factories.items():
            try:
                started[name] = make()
            except (RuntimeError, TimeoutError, OSError) as exc:
                self.row(name).note = f"failed to start: {exc}"
                print(f"  {name}: failed to start: {exc}", file=sys.stderr)
        return started

    # -- phase 1: JSON ----------------------------------------------------------------------------
    def json_phase(self, names: list[str]) -> None:
        a = self.args
        upstream = Nginx(free_port()).start()
        targets = self._start_all(self._factories(upstream.port, names))
        try:
            for rep in range(a.repeats):
                self.loads.append(_load())
                for name, t in targets.items():
                    headers = {"content-type": "application/json", **t.headers()}
                    script = lua_script(BODY, headers)
                    url = f"http://127.0.0.1:{t.port}/v1/chat/completions"
                    run_wrk(url, script, 4, 1)  # warm-up, discarded
                    lat = run_wrk(url, script, 1, a.seconds)
                    pids = t.pids()
                    wpids = t.worker_pids() if hasattr(t, "worker_pids") else []
                    cpu0, wcpu0 = tree_cpu_seconds(pids), tree_cpu_seconds(wpids)
                    thr = run_wrk(url, script, 32, a.seconds)
                    cpu1, wcpu1 = tree_cpu_seconds(pids), tree_cpu_seconds(wpids)
                    thr128 = run_wrk(url, script, 128, a.seconds)
                    r = self.row(name)
                    r.p50.append(lat.p50_ms)
                    r.p99.append(lat.p99_ms)
                    r.rps32.append(thr.rps)
                    r.rps128.append(thr128.rps)
                    if pids and thr.requests:
                        r.cpu_us.append((cpu1 - cpu0) / thr.requests * 1e6)
                        r.rss.append(largest_rss_mb(pids))
                    if wpids and thr.requests:
                        r.worker_cpu_us.append((wcpu1 - wcpu0) / thr.requests * 1e6)
                    r.errors += lat.errors + thr.errors + thr128.errors
                    print(f"  [json rep {rep + 1}] {name:<16} p50 {lat.p50_ms:.3f} ms p99 {lat.p99_ms:.3f} ms  "
                          f"c32 {thr.rps:,.0f}  c128 {thr128.rps:,.0f} req/s  errors "
                          f"{lat.errors + thr.errors + thr128.errors}  load {_load()}", file=sys.stderr)
        finally:
            for t in targets.values():
                t.stop()
            upstream.stop()

    # -- phase 2: streaming -----------------------------------------------------------------------
    def stream_phase(self, names: list[str]) -> None:
        a = self.args
        upstream = SSEUpstream(free_port(), first_token_ms=50, interval_ms=5).start()
        if "covenant-full" in names:
            names = [*names, "covenant-full-no-holdback", "covenant-full-no-holdback-in-order"]
        targets = self._start_all(self._factories(upstream.port, names))
        body = {**BODY, "stream": True, "stream_options": {"include_usage": True}}
        try:
            for rep in range(a.repeats):
                for name, t in targets.items():
                    res = measure_streams(f"http://127.0.0.1:{t.port}/v1/chat/completions", body, t.headers(),
                                          a.streams)
                    r = self.row(name)
                    r.ttft.append(res.p50("ttft_ms"))
                    r.total.append(res.p50("total_ms"))
                    r.errors += res.errors
                    print(f"  [sse rep {rep + 1}] {name:<26} TTFT p50 {res.p50('ttft_ms'):.2f} ms  total p50 "
                          f"{res.p50('total_ms'):.1f} ms  errors {res.errors}", file=sys.stderr)
                    if a.busy_rps > 0:
                        with _Background(t.port, t.headers(), a.busy_rps) as background:
                            busy = measure_streams(f"http://127.0.0.1:{t.port}/v1/chat/completions", body,
                                                   t.headers(), a.streams)
                        r.ttft_busy.append(busy.p50("ttft_ms"))
                        r.errors += busy.errors + background.errors
                        print(f"  [sse rep {rep + 1}] {name:<26} TTFT p50 {busy.p50('ttft_ms'):.2f} ms with "
                              f"{a.busy_rps:g} req/s of other traffic", file=sys.stderr)
        finally:
            for t in targets.values():
                t.stop()
            upstream.stop()

    # -- phase 3: scaling -------------------------------------------------------------------------
    def scaling_phase(self, names: list[str]) -> None:
        a = self.args
        upstream = Nginx(free_port()).start()
        configs = {"covenant-empty": (None, "memory://"),
                   "covenant-full": (FULL_POLICIES, self.redis.url if self.redis else None)}
        targets = {}
        try:
            for name, (pol, store) in configs.items():
                if name in names:
                    for workers in (1, 2):
                        targets[(name, workers)] = _Covenant(upstream.port, pol, store, cpu="0,1", workers=workers)
            for rep in range(a.repeats):
                for (name, workers), t in targets.items():
                    script = lua_script(BODY, {"content-type": "application/json", **t.headers()})
                    url = f"http://127.0.0.1:{t.port}/v1/chat/completions"
                    run_wrk(url, script, 32, 1, cpu="0,1", threads=2)
                    for c in (32, 128):
                        pids = t.pids()
                        cpu0, (busy0, all0) = tree_cpu_seconds(pids), machine_ticks()
                        res = run_wrk(url, script, c, a.seconds, cpu="0,1", threads=2)
                        busy1, all1 = machine_ticks()
                        self.row(name).scale.setdefault(f"w{workers}c{c}", []).append(res.rps)
                        if c == 32 and res.requests:  # the serving processes' CPU per request
                            self.row(name).scale.setdefault(f"cpu_w{workers}", []).append(
                                (tree_cpu_seconds(pids) - cpu0) / res.requests * 1e6)
                            # how busy the whole machine was (wrk, nginx, Redis and the analysis worker
                            # included): near 100 % with two workers, no core is left for them to scale into
                            self.row(name).scale.setdefault(f"busy_w{workers}", []).append(
                                (busy1 - busy0) / max(1, all1 - all0))
                        self.row(name).errors += res.errors
                        print(f"  [scale rep {rep + 1}] {name} workers={workers} c={c}: {res.rps:,.0f} req/s",
                              file=sys.stderr)
                    if workers == 2:
                        self.row(name).scale.setdefault("rss_w2", []).append(largest_rss_mb(t.pids()))
        finally:
            for t in targets.values():
                t.stop()
            upstream.stop()

    def run(self) -> None:
        a = self.args
        names = [n for n in ALL_TARGETS if n in a.targets.split(",")]
        if any(n.startswith("covenant-full") for n in names):
            from tests.support.redis_server import RedisServer

            self.redis = RedisServer(free_port()).start()
            subprocess.run(["taskset", "-p", "-c", "0", str(self.redis.proc.pid)], capture_output=True, check=False)
        try:
            if "json" not in a.skip:
                self.json_phase(names)
            if "stream" not in a.skip:
                self.stream_phase(names)
            if "scaling" not in a.skip:
                self.scaling_phase(names)
        finally:
            if self.redis:
                self.redis.stop()


class _Background:
    """Paced non-streaming requests to a target from a thread, while streams are timed: a gateway in
    production is rarely idle between two streams, and an idle VM's first microseconds after a wake-up
    run several times slower (cold caches; see docs/performance-history.md), which the idle figure includes."""

    def __init__(self, port: int, headers: dict[str, str], rps: float) -> None:
        self.url, self.headers, self.interval = f"http://127.0.0.1:{port}/v1/chat/completions", headers, 1 / rps
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.errors = 0  # background requests that failed (added to the target's errors)

    def _run(self) -> None:
        with httpx.Client(timeout=30) as client:
            due = time.perf_counter()
            while not self._stop.is_set():
                try:
                    if client.post(self.url, json=BODY, headers=self.headers).status_code != 200:
                        self.errors += 1
                except httpx.HTTPError:  # counted, and the load goes on
                    self.errors += 1
                due += self.interval
                self._stop.wait(max(0.0, due - time.perf_counter()))

    def __enter__(self) -> _Background:
        self._thread.start()
        time.sleep(0.5)  # past the first requests' connection set-up
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10, help="length of each wrk run")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved repeats of every measurement")
    ap.add_argument("--streams", type=int, default=None, help="streams per target per repeat (TTFT; default 30, "
                                                               "10 with --quick)")
    ap.add_argument("--quick", action="store_true", help="3-second runs, 2 repeats, 10 streams unless --streams")
    ap.add_argument("--targets", default=",".join(ALL_TARGETS))
    ap.add_argument("--busy-rps", type=float, default=300,
                    help="TTFT is also timed while this many non-streaming requests per second go to the same "
                         "target (0: idle figure only)")
    ap.add_argument("--skip", default="", help="comma list of phases to skip: json,stream,scaling")
    ap.add_argument("--json-out", help="also write the raw figures to this JSON file")
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds, args.repeats = 3, 2
    if args.streams is None:
        args.streams = 10 if args.quick else 30
    t0 = time.monotonic()
    suite = Suite(args)
    suite.run()
    print(f"\nCovenant performance suite — {os.cpu_count()} CPUs, load average at start of each JSON repeat: "
          f"{'; '.join(suite.loads) or 'n/a'}; end: {_load()}; {time.monotonic() - t0:.0f} s; "
          f"{args.seconds:g}-s wrk runs × {args.repeats} repeats, {args.streams} streams; medians (min–max).\n")
    print(table(suite.rows))
    print("\nIssue 9 targets:")
    print("\n".join(verdicts(suite.rows)))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({k: vars(v) for k, v in suite.rows.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
