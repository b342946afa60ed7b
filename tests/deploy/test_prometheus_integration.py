"""A real Prometheus scrapes a real gateway under traffic from the official OpenAI SDK; every PromQL
expression of the dashboards and alert rules runs against it.

Prometheus also loads deploy/prometheus/alerts.yml and evaluates it every second, so a rule that
Prometheus cannot evaluate (bad label matching, type errors) shows up as rule health "err".
"""

from __future__ import annotations

import math
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
import yaml

from tests.deploy.support import ALERTS, Query, alert_queries, dashboard_queries, require_tool
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher
from tests.support.ports import free_port

MESSAGES = [{"role": "user", "content": "Explain how tides work."}]
FREE_BURST = 25  # the shipped free tier allows 20 requests/minute: the rest are rate limited


class Prometheus:
    def __init__(self, target: str, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        config = {"global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                  "rule_files": [str(ALERTS)],
                  "scrape_configs": [{"job_name": "covenant-gateway", "static_configs": [{"targets": [target]}]}]}
        self.config_file = workdir / "prometheus.yml"
        self.config_file.write_text(yaml.safe_dump(config))
        self.log = open(workdir / "prometheus.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [require_tool("prometheus"), f"--config.file={self.config_file}",
             f"--storage.tsdb.path={workdir / 'data'}", f"--web.listen-address=127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"prometheus exited: {(self.workdir / 'prometheus.log').read_text()}")
            try:
                if httpx.get(self.url + "/-/ready", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError("prometheus not ready")

    def query(self, promql: str) -> dict:
        return httpx.get(self.url + "/api/v1/query", params={"query": promql}, timeout=10).json()

    def value(self, promql: str) -> float:
        result = self.query(promql)["data"]["result"]
        return float(result[0]["value"][1]) if result else 0.0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)  # its TSDB and config


def send_burst(gw: GatewayProcess, pro_key: str, free_key: str) -> int:
    """Plain, streamed, rate-limited and denied requests; returns how many were sent."""
    pro = openai.OpenAI(base_url=gw.openai_base_url, api_key=pro_key, max_retries=0)
    free = openai.OpenAI(base_url=gw.openai_base_url, api_key=free_key, max_retries=0)
    sent = 0
    for _ in range(6):
        pro.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=40)
        sent += 1
    for _ in range(3):
        stream = pro.chat.completions.create(model="gpt-4o", messages=MESSAGES, max_tokens=40, stream=True,
                                             stream_options={"include_usage": True})
        assert list(stream)
        sent += 1
    with pytest.raises(openai.PermissionDeniedError):
        free.chat.completions.create(model="gpt-4o", messages=MESSAGES, max_tokens=10)
    sent += 1
    limited = 0
    for _ in range(FREE_BURST):
        try:
            free.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=10)
        except openai.RateLimitError:
            limited += 1
        sent += 1
    assert limited > 0, "the free tier (20/minute) must reject part of the burst"
    return sent


@pytest.fixture(scope="module")
def teacher() -> Iterator[MockTeacherHandle]:
    with running_mock_teacher() as handle:
        yield handle


@pytest.fixture(scope="module")
def scraped(teacher: MockTeacherHandle) -> Iterator[Prometheus]:
    gw = GatewayProcess(upstream_url=teacher.url)
    pro_key = gw.create_key("acme", "alice", tier="pro")
    free_key = gw.create_key("initech", "trial", tier="free")
    # Prometheus first: it starts while the gateway loads, and its first scrapes come ~5 s after start
    # (target discovery is throttled), so traffic waits for a successful scrape (up == 1).
    prom = Prometheus(f"127.0.0.1:{gw.port}", Path(tempfile.mkdtemp(prefix="covenant-prom-")))
    try:
        gw.start()
        prom.wait_ready()
        deadline = time.monotonic() + 20
        while prom.value('up{job="covenant-gateway"}') != 1:
            assert time.monotonic() < deadline, "Prometheus never scraped the gateway"
            time.sleep(0.25)
        # Two bursts a few scrapes apart, so every rate() window holds samples before and after traffic.
        sent = send_burst(gw, pro_key, free_key)
        time.sleep(2.5)
        sent += send_burst(gw, pro_key, free_key)
        deadline = time.monotonic() + 15
        while prom.value("sum(covenant_requests_total)") < sent:
            assert time.monotonic() < deadline, f"Prometheus did not see {sent} requests:\n{gw.logs()[-2000:]}"
            time.sleep(0.25)
        time.sleep(1.5)  # one more rule evaluation and scrape
        yield prom
    finally:
        prom.stop()
        gw.stop()


def _run(prom: Prometheus, q: Query) -> list[dict]:
    body = prom.query(q.promql)
    assert body["status"] == "success", f"{q.source}: {q.promql}\n{body.get('errorType')}: {body.get('error')}"
    return body["data"]["result"]


def test_every_dashboard_expression_runs(scraped: Prometheus) -> None:
    failures = []
    for q in dashboard_queries():
        body = scraped.query(q.promql)
        if body["status"] != "success":
            failures.append(f"{q.source}: {body.get('error')}")
    assert not failures, "\n".join(failures)


def test_core_traffic_panels_show_data(scraped: Prometheus) -> None:
    core = [q for q in dashboard_queries() if q.core]
    assert len(core) >= 20
    empty = []
    for q in core:
        values = [float(r["value"][1]) for r in _run(scraped, q)]
        if not any(math.isfinite(v) for v in values):
            empty.append(f"{q.source}: {q.promql} -> {values}")
    assert not empty, "panels fed by core traffic returned no data:\n" + "\n".join(empty)


def test_rate_limit_rejections_are_counted_as_enforced(scraped: Prometheus) -> None:
    result = _run(scraped, Query("check", 'sum by (limit, mode) (covenant_ratelimit_rejections_total)', True))
    by_limit = {(r["metric"]["limit"], r["metric"]["mode"]): float(r["value"][1]) for r in result}
    assert by_limit.get(("free-requests", "enforce"), 0) >= 2 * (FREE_BURST - 20)


def test_every_alert_expression_runs(scraped: Prometheus) -> None:
    for q in alert_queries():
        _run(scraped, q)


def test_prometheus_evaluates_every_alert_rule_without_error(scraped: Prometheus) -> None:
    groups = httpx.get(scraped.url + "/api/v1/rules", timeout=10).json()["data"]["groups"]
    rules = [r for g in groups for r in g["rules"]]
    assert {r["name"] for r in rules} == {q.source.removeprefix("alert ") for q in alert_queries()}
    bad = [(r["name"], r["health"], r.get("lastError")) for r in rules if r["health"] != "ok"]
    assert not bad, bad
    # Healthy traffic through a healthy gateway must not page anyone.
    firing = [a["labels"]["alertname"] for r in rules for a in r.get("alerts", []) if a["state"] == "firing"]
    assert not firing, firing
