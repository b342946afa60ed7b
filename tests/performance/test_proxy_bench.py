"""The gateway-only bench's table: a target's CPU per request and RSS are its whole process tree's (nginx serves
from a worker process; its master only supervises)."""

from __future__ import annotations

from benchmarks import proxy_bench
from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port


def test_nginx_pids_are_its_master_and_the_worker_that_serves():
    nginx = Nginx(free_port()).start()
    try:
        pids = nginx.pids()
        assert pids[0] == nginx.proc.pid and len(pids) == 2  # worker_processes 1
        with open(f"/proc/{pids[1]}/stat") as fh:
            assert int(fh.read().rsplit(")", 1)[1].split()[1]) == nginx.proc.pid  # the worker is the master's child
    finally:
        nginx.stop()
    assert nginx.pids() == []


def test_nginx_as_a_proxy_is_charged_the_cpu_its_worker_spends(capsys):
    # One-second wrk runs: tens of thousands of proxied requests, well over a clock tick of the worker's CPU.
    assert proxy_bench.main(["--targets", "nginx-proxy", "--seconds", "1", "--repeats", "1"]) == 0
    rows = [line.split("|")[1:-1] for line in capsys.readouterr().out.splitlines() if line.startswith("| nginx-proxy |")]
    assert [r[1].strip() for r in rows] == ["json", "sse"]
    for r in rows:
        assert float(r[7]) > 0, r  # CPU µs/req: the master alone read 0
