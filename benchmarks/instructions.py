"""Instructions per request of the gateway, counted by valgrind: a cost figure that load on the machine
does not move, for A/B comparisons of code on a shared or noisy VM.

    python -m benchmarks.instructions [--config empty|full] [--requests 1000] [--floor]
                                      [--tree PATH ...] [--policies DIR ...] [--annotate N]

Starts the static nginx upstream, then each target under `valgrind --tool=callgrind` with
instrumentation off; after a warm-up it switches counting on (`callgrind_control -i on`), sends
``--requests`` chat completions at concurrency 8, switches counting off and reads the total. Each
``--tree`` is a checkout of Covenant (e.g. `git worktree add /tmp/before <rev>`) run with
PYTHONPATH pointing at it, so two revisions compare in one run; without one, this checkout.
``--floor`` adds `python-floor-lean` (the same server stack and upstream client without Covenant).

What it counts: user-space instructions of the gateway process (Python, uvloop, httptools, hiredis),
not the kernel's share of syscalls and not time. Repeat runs of the same code agree to ~0.1 %.
Under valgrind the gateway runs ~50x slower while Redis and the upstream do not, so store round
trips are batched less than at full speed: the Redis-backed rate limits of `--config full` count
more than they cost natively. Compare code with code, not with wall-clock figures.
``--annotate N`` prints each target's N costliest C functions by self instructions (`callgrind_annotate`): the
interpreter's own frames hide which Python code runs, but the regex engine, the JSON codec, hashing and the
socket layer show by name.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx

from benchmarks.harness.gateway import ROOT, CovenantProcess
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port, stop_process, wait_port
from benchmarks.suite import BODY, FULL_POLICIES


async def _drive(url: str, key: str | None, n: int, concurrency: int) -> None:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with httpx.AsyncClient(limits=limits, timeout=300) as client:
        sem = asyncio.Semaphore(concurrency)

        async def one() -> None:
            async with sem:
                r = await client.post(url, json=BODY, headers=headers)
                if r.status_code != 200:
                    raise RuntimeError(f"{url} answered {r.status_code}: {r.text[:200]}")

        await asyncio.gather(*(one() for _ in range(n)))


def _annotate(outputs: list[Path], top: int) -> None:
    """The `top` costliest functions of a callgrind run by self instructions, with their share."""
    lines = subprocess.run(["callgrind_annotate", "--inclusive=no", *map(str, outputs)], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    total = next((int(m.group(1).replace(",", "")) for ln in lines if (m := re.match(r"^\s*([\d,]+).*PROGRAM TOTALS", ln))), 0)
    rows = [m for ln in lines if (m := re.match(r"^\s*([\d,]+)\s+\([^)]*\)\s+(\S.*)$", ln) or
                                  re.match(r"^\s*([\d,]+)\s+(\S.*:\S.*)$", ln))]
    for m in rows[:top]:
        count = int(m.group(1).replace(",", ""))
        print(f"    {count * 100 / max(total, 1):5.1f} %  {m.group(2)[:110]}", file=sys.stderr)


def _count(name: str, cmd: list[str], port: int, gw: CovenantProcess, key: str | None, n: int,
           annotate: int = 0) -> float:
    out = gw.dir / "callgrind.out"
    log = open(gw.dir / "valgrind.log", "wb")
    proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                             *cmd], cwd=gw.dir, env=gw.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_port(port, proc, timeout=900)
        url = f"http://127.0.0.1:{port}/v1/chat/completions"
        asyncio.run(_drive(url, key, 200, 8))  # warm-up: caches, pools, first-use imports
        subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True, capture_output=True)
        asyncio.run(_drive(url, key, n, 8))
        subprocess.run(["callgrind_control", "-i", "off", str(proc.pid)], check=True, capture_output=True)
    finally:
        stop_process(proc, timeout=120)
        log.close()
    total = 0
    parts = list(gw.dir.glob("callgrind.out*"))
    if annotate and parts:
        _annotate(parts, annotate)
    for part in parts:
        found = re.search(r"^totals:\s+(\d+)", part.read_text(errors="replace"), re.M)
        total += int(found.group(1)) if found else 0
    if not total:
        raise RuntimeError(f"{name}: callgrind counted nothing (see {gw.dir / 'valgrind.log'})")
    return total / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=("empty", "full"), default="empty",
                    help="empty: no policies, memory store; full: benchmarks/policies_full on Redis")
    ap.add_argument("--requests", type=int, default=1000, help="requests counted per target (full: try 300)")
    ap.add_argument("--tree", action="append", default=[], help="a Covenant checkout to measure (repeatable)")
    ap.add_argument("--floor", action="store_true", help="also measure python-floor-lean")
    ap.add_argument("--redis", default="redis://127.0.0.1:6379/9", help="store of --config full")
    ap.add_argument("--policies", action="append", default=[],
                    help="with --config full: measure this policy directory instead of benchmarks/policies_full "
                         "(repeatable; e.g. the full set without one file, to price each policy)")
    ap.add_argument("--annotate", type=int, default=0, metavar="N",
                    help="print each target's N costliest C functions (callgrind_annotate, self instructions)")
    a = ap.parse_args()
    for tool in ("valgrind", "callgrind_control", "nginx"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install valgrind nginx")
    trees = [Path(t).resolve() for t in a.tree] or [ROOT]
    full = a.config == "full"
    upstream = Nginx(free_port(), cpu="0").start()
    rows: list[tuple[str, float]] = []
    try:
        if a.floor:
            gw = CovenantProcess(upstream.port, None, "memory://", env={"PYTHONPATH": str(trees[0])})
            cmd = [sys.executable, "-m", "benchmarks.peers.asgi_floor", "--upstream-port", str(upstream.port),
                   "--port", str(gw.port), "--client", "lean"]
            rows.append(("python-floor-lean", _count("floor", cmd, gw.port, gw, None, a.requests)))
            print(f"python-floor-lean: {rows[-1][1] / 1000:.1f}k", file=sys.stderr)
        policy_sets = [Path(p).resolve() for p in a.policies] if full and a.policies else [FULL_POLICIES if full else None]
        for tree in trees:
            for policies in policy_sets:
                # a generous store deadline: under valgrind the gateway is ~50x slower, and on a loaded
                # machine the default 50 ms turned warm-up key lookups into 503s
                gw = CovenantProcess(upstream.port, policies, a.redis if full else "memory://",
                                     env={"PYTHONPATH": str(tree)}, extra={"store_timeout_ms": 2000})
                cmd = [sys.executable, "-m", "gateway", "serve", "--config", str(gw.dir / "covenant.yaml")]
                name = f"covenant-{a.config} ({tree})" + (f" [{policies.name}]" if a.policies else "")
                rows.append((name, _count(name, cmd, gw.port, gw, gw.key, a.requests, a.annotate)))
                print(f"{name}: {rows[-1][1] / 1000:.1f}k", file=sys.stderr)
    finally:
        upstream.stop()
    print(f"\n| target | instructions per request ({a.requests} requests, c=8) |\n|---|---|")
    for name, per in rows:
        print(f"| {name} | {per / 1000:,.1f}k |")


if __name__ == "__main__":
    main()
