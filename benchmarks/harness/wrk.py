"""Drive load with wrk (C, event-driven) and parse its latency distribution and throughput."""

from __future__ import annotations

import atexit
import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * _UNITS[m.group(2)]


def lua_script(body: dict, headers: dict[str, str]) -> Path:
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(json.dumps(body))}"]
    for k, v in headers.items():
        lines.append(f'wrk.headers["{k}"] = "{v}"')
    # Count non-2xx answers as errors (wrk only counts socket errors by default).
    lines.append("errors = 0\nresponse = function(status, headers, body) if status >= 300 then "
                 "wrk.thread:set('e', (wrk.thread:get('e') or 0) + 1) end end")
    fd, name = tempfile.mkstemp(suffix=".lua", prefix="covenant-wrk-")
    os.close(fd)
    path = Path(name)
    path.write_text("\n".join(lines) + "\n")
    atexit.register(path.unlink, missing_ok=True)  # reused across runs: removed when the benchmark ends
    return path


def run_wrk(url: str, script: Path, connections: int, seconds: float, cpu: str = "0", threads: int = 1) -> WrkResult:
    out = subprocess.run(["taskset", "-c", cpu, "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s",
                          "--latency", "-s", str(script), url], capture_output=True, text=True, timeout=seconds + 60)
    text = out.stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if found is None:
        raise RuntimeError(f"wrk against {url} gave no result (exit {out.returncode}): {out.stderr or text}")
    rps = float(found.group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", text).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", text).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
    return WrkResult(rps, p50, p99, total, errors)
