"""The gateway process under load: SIGTERM drains, a policy reload loses nothing, a crashed worker
is replaced while the other serves. Every request is counted against the audit log."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.reliability.support import FILE_AUDIT, HERE, audit_records, chat, metric, wait_for
from tests.support.gateway import GatewayProcess

SLOTS_POLICY = (HERE / "policies_one_slot" / "00-one-slot.yaml").read_text()


def _gateway(teacher, **extra) -> GatewayProcess:
    # The shipped baseline (600 requests/minute per account) would turn a fast load run into 429s.
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("00-baseline*", "20-pii*", "30-watermark*",
                                                                "40-extraction*"),
                        extra_config={"audit": FILE_AUDIT, **extra})
    gw.key = gw.create_key("acme", "lifecycle")
    return gw


def _load(gw: GatewayProcess, stop_at: float, threads: int = 3) -> list[int]:
    statuses: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        with httpx.Client(timeout=15) as client:
            while time.monotonic() < stop_at:
                try:
                    r = client.post(gw.openai_base_url + "/chat/completions",
                                    headers={"authorization": f"Bearer {gw.key}"},
                                    json={"model": "gpt-4o-mini", "stream": i % 2 == 0, "max_tokens": 20,
                                          "messages": [{"role": "user", "content": f"load {i}"}]})
                    code = r.status_code
                except httpx.TransportError:
                    code = -1
                with lock:
                    statuses.append(code)

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(run, range(threads)))
    return statuses


def test_sigterm_during_load_drains_every_in_flight_request(teacher):
    gw = _gateway(teacher).start()
    try:
        def slow(i: int) -> int:
            return chat(gw, gw.key, stream=i % 2 == 0, fault="first_byte_delay_ms=1500" if i % 2 == 0
                        else "delay_ms=1500", rid=f"drain-{i}").status_code
        with ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(slow, i) for i in range(6)]
            assert wait_for(lambda: metric(gw, "covenant_in_flight_requests") == 6, timeout=20)
            gw.proc.send_signal(signal.SIGTERM)
            statuses = [f.result() for f in futures]
            code = gw.proc.wait(timeout=20)
    finally:
        gw.stop()
    assert statuses == [200] * 6
    # uvicorn re-raises the signal once shut down gracefully, so the parent sees "killed by SIGTERM"
    assert code in (0, -signal.SIGTERM)
    assert "drain timed out" not in gw.logs()
    assert sorted(r["request_id"] for r in audit_records(gw)) == [f"drain-{i}" for i in range(6)]


def test_policy_reload_during_load_loses_no_request(teacher):
    gw = _gateway(teacher).start()
    try:
        stop_at = time.monotonic() + 3.0
        target = gw.policy_dir / "05-reloaded.yaml"
        reloads = []

        def churn() -> None:
            n = 0
            while time.monotonic() < stop_at:
                n += 1
                text = SLOTS_POLICY.replace("one-slot", f"churn-{n}").replace("concurrency: 1", "concurrency: 64")
                tmp = target.with_suffix(".tmp")
                tmp.write_text(text)
                os.replace(tmp, target)
                reloads.append(n)
                time.sleep(0.25)

        churner = threading.Thread(target=churn)
        churner.start()
        statuses = _load(gw, stop_at)
        churner.join()
        reloaded = httpx.get(gw.url + "/metrics", timeout=5).text
    finally:
        gw.stop()
    assert statuses and set(statuses) == {200}, {s: statuses.count(s) for s in set(statuses)}
    assert 'covenant_policy_reloads_total{result="success"}' in reloaded and len(reloads) >= 5
    assert len(audit_records(gw)) == len(statuses)


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        out.update(int(p) for p in (task / "children").read_text().split())
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text()
    except FileNotFoundError:  # exited between the listing and the read (a worker being replaced)
        return ""


def _dead(pid: int) -> bool:
    """Exited (a zombie until the supervisor reaps it, or gone): its sockets are closed."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in {"Z", "X"}
    except FileNotFoundError:
        return True


def _workers(pid: int) -> set[int]:
    # uvicorn's supervisor may also run a multiprocessing resource tracker: workers serve the port.
    return {c for c in _children(pid) if "spawn_main" in (cmd := _cmdline(c)) and "resource_tracker" not in cmd}


def test_worker_crash_leaves_the_other_serving_and_is_restarted(teacher):
    gw = _gateway(teacher, workers=2).start()
    try:
        deadline = time.monotonic() + 30
        while len(_workers(gw.proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        before = _workers(gw.proc.pid)
        assert len(before) == 2, before
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        # A connection the victim accepted between the signal and its exit is reset (SIGKILL gives it no
        # chance to hand it back); the claim is about connections made once it is gone.
        assert wait_for(lambda: _dead(victim), timeout=10)
        served = [chat(gw, gw.key).status_code for _ in range(20)]  # new connections: the survivor
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(_workers(gw.proc.pid) - {victim}) < 2:
            time.sleep(0.2)
        after = _workers(gw.proc.pid)
        again = [chat(gw, gw.key).status_code for _ in range(10)]
    finally:
        gw.stop()
    assert served == [200] * 20
    assert victim not in after and len(after) == 2, f"workers before {before}, after {after}"
    assert again == [200] * 10


def _in_flight_by_worker(metrics_dir: Path) -> dict[int, float]:
    """Each worker's own share of covenant_in_flight_requests, from its file (prometheus-client's format)."""
    from prometheus_client.mmap_dict import MmapedDict

    out = {}
    for f in metrics_dir.glob("gauge_livesum_*.db"):
        out[int(f.stem.rsplit("_", 1)[1])] = sum(
            value for key, value, *_ in MmapedDict.read_all_values_from_file(str(f))
            if '"covenant_in_flight_requests"' in key)
    return out


def test_requests_in_flight_on_a_killed_worker_are_not_counted_after_it(teacher, tmp_path):
    """The gauge is summed over the workers' files. A killed worker's file kept its requests in flight in
    every scrape after (until the gateway restarted): the worker started in its place drops it."""
    gw = _gateway(teacher, workers=2)
    gw.env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path)
    gw.start()
    held: list[socket.socket] = []
    try:
        assert wait_for(lambda: len(_workers(gw.proc.pid)) == 2, timeout=30)
        head = (f"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {gw.key}\r\n"
                "content-type: application/json\r\ncontent-length: 100\r\n\r\n{").encode()
        for _ in range(8):  # requests whose bodies never finish: in flight until their connection closes
            s = socket.create_connection(("127.0.0.1", gw.port))
            s.sendall(head)
            held.append(s)
        assert wait_for(lambda: metric(gw, "covenant_in_flight_requests") == 8)
        shares = _in_flight_by_worker(tmp_path)
        victim = next(pid for pid, n in shares.items() if n > 0)
        os.kill(victim, signal.SIGKILL)
        assert wait_for(lambda: len(_workers(gw.proc.pid) - {victim}) == 2, timeout=30)
        for s in held:
            s.close()
        held.clear()
        chat(gw, gw.key)  # the replacement is serving
        assert wait_for(lambda: metric(gw, "covenant_in_flight_requests") == 0), _in_flight_by_worker(tmp_path)
    finally:
        for s in held:
            s.close()
        gw.stop()


def test_start_up_says_when_limits_are_per_worker_and_when_no_key_can_call(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"workers": 2}).start()  # memory store, no keys
    try:
        deadline = time.monotonic() + 30
        while gw.logs().count("no API keys yet") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        logs = gw.logs()
    finally:
        gw.stop()
    assert "memory store with 2 workers" in logs and "--store redis://" in logs
    assert logs.count("no API keys yet: every request gets 401") == 2  # once per worker


def test_start_up_warns_when_no_policy_applies(teacher, tmp_path):
    """Started from the wrong directory (or with a volume that was not mounted), the gateway would serve with
    no limits, scanning or marking at all: it says so at start-up, not only 'policies (none)' at INFO."""
    empty = tmp_path / "policies"
    empty.mkdir()
    gw = GatewayProcess(upstream_url=teacher.url, policies=empty).start()
    try:
        logs = gw.logs()
    finally:
        gw.stop()
    assert "holds no policy files: no policy applies (no rate limits, PII scanning, watermark" in logs
