"""Operating the gateway-recorded reference, through the real gateway process: per-tenant scopes
(admin route `?tenant=`, `reference export --tenant`, `detect --reference gateway --tenant`), its
metrics, the memory store's counts kept in a file across a restart (a corrupt file is kept aside,
never overwritten), and with Redis the worker that counts the texts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from gateway.identity import new_key
from gateway.watermark.embed import Watermarker
from gateway.watermark.reference import Reference
from tests.ratelimit_gateway.helpers import put_key_record
from tests.support.gateway import ADMIN_TOKEN, GatewayProcess
from tests.support.metrics import metric
from tests.support.mock_teacher import running_mock_teacher
from tests.support.openai_chat import ask_text


def _ask(base_url: str, key: str, prompt: str, stream: bool = False) -> str:
    return ask_text(base_url, key, prompt, stream=stream, max_tokens=300)


SECRET = "test-master-secret-0123456789abcdef"
ACCOUNTS = [("acme", "alice"), ("acme", "bob"), ("globex", "carol")]
WM = Watermarker(SECRET.encode())


def _gateway(teacher_url: str, store: str = "memory://", **config) -> GatewayProcess:
    return GatewayProcess(upstream_url=teacher_url, store=store, drop_policies=("20-pii*",),
                          env={"COVENANT_WATERMARK_SECRET": SECRET},
                          extra_config={"watermark_reference_sample": 1.0, **config})


def _serve(gw: GatewayProcess, keys: dict[str, str], teacher, n: int, salt: str) -> dict[str, list[str]]:
    """``n`` prompts through the gateway, round robin over the accounts; the teacher's unmarked
    answers to the same prompts, by tenant."""
    by_tenant: dict[str, list[str]] = {}
    for i in range(n):
        tenant, account = ACCOUNTS[i % len(ACCOUNTS)]
        prompt = f"Explain how a team plans a release, {salt} {i}."
        _ask(gw.openai_base_url, keys[account], prompt, stream=i % 2 == 0)
        by_tenant.setdefault(tenant, []).append(_ask(teacher.openai_base_url, "x", prompt))
    return by_tenant


def _reference(gw: GatewayProcess, tenant: str | None = None) -> Reference | None:
    r = gw.admin("GET", "/admin/v1/watermark/reference", params={"tenant": tenant} if tenant else None)
    if r.status_code == 404:
        return None
    assert r.status_code == 200, r.text
    return Reference.from_json(r.content, WM)


def _same(ref: Reference | None, texts: list[str]) -> bool:
    want = Reference.from_texts(texts, WM)
    return ref is not None and ref.documents == len(texts) and np.array_equal(ref.counts, want.counts)


def test_per_tenant_reference_metrics_and_counts_kept_in_a_file_across_a_restart(tmp_path: Path) -> None:
    with running_mock_teacher() as teacher:
        gw = _gateway(teacher.url, watermark_reference_file=str(tmp_path / "reference.json"))
        keys = {account: gw.create_key(tenant, account) for tenant, account in ACCOUNTS}
        gw.start()
        try:
            served = _serve(gw, keys, teacher, 9, "first")
            everyone = served["acme"] + served["globex"]
            assert _same(_reference(gw), everyone)  # the route flushes first
            assert _same(_reference(gw, "acme"), served["acme"]) and _same(_reference(gw, "globex"), served["globex"])
            r = gw.admin("GET", "/admin/v1/watermark/reference", params={"tenant": "initech"})
            assert r.status_code == 404 and "for tenant 'initech'" in r.json()["detail"]
            assert metric(gw, "covenant_watermark_reference_texts_total", outcome="sampled") == 9
            assert metric(gw, "covenant_watermark_reference_texts_total", outcome="dropped") == 0
            assert metric(gw, "covenant_watermark_reference_observed_texts_total") == 9
            assert metric(gw, "covenant_watermark_reference_flushes_total", outcome="ok") >= 1
            assert metric(gw, "covenant_watermark_reference_flushes_total", outcome="failed") == 0
            assert metric(gw, "covenant_watermark_reference_last_flush_timestamp_seconds") > time.time() - 600
            # the CLI asks the running gateway (memory store): export and detect, scoped to one tenant
            env = {**os.environ, "COVENANT_ADMIN_TOKEN": ADMIN_TOKEN, "COVENANT_WATERMARK_SECRET": SECRET}
            cli = [sys.executable, "-m", "gateway", "watermark"]
            out = subprocess.run([*cli, "reference", "export", "--config", str(gw.config_file), "--tenant", "globex"],
                                 capture_output=True, cwd=gw.workdir, env=env, timeout=60, check=True)
            assert _same(Reference.from_json(out.stdout, WM), served["globex"])
            corpus = tmp_path / "suspect.jsonl"
            corpus.write_text("\n".join(json.dumps({"text": t}) for t in served["acme"]))
            out = subprocess.run([*cli, "detect", "--config", str(gw.config_file), "--corpus", str(corpus),
                                  "--reference", "gateway", "--tenant", "acme"],
                                 capture_output=True, cwd=gw.workdir, env=env, timeout=120, check=True, text=True)
            assert json.loads(out.stdout)["corpus"]["reference_documents"] == len(served["acme"])
            assert "recorded reference (tenant acme): 6 responses" in out.stderr
        finally:
            assert gw.stop() in (0, -signal.SIGTERM)  # the counts are flushed and the file written at shutdown
        saved = json.loads((tmp_path / "reference.json").read_text())
        assert len(saved["tables"]) == 3  # global, acme, globex
        gw.start()  # the same configuration: the counts are loaded back
        try:
            assert _same(_reference(gw), everyone) and _same(_reference(gw, "acme"), served["acme"])
            more = _serve(gw, keys, teacher, 3, "second")
            want = Reference.from_texts(everyone, WM).counts + Reference.from_texts(more["acme"] + more["globex"],
                                                                                     WM).counts
            after = _reference(gw)
            assert after.documents == 12 and np.array_equal(after.counts, want)
        finally:
            gw.stop()
        assert "loaded 3 tables from" in gw.logs()


def test_a_corrupt_counts_file_is_kept_aside_and_the_gateway_serves(tmp_path: Path) -> None:
    path = tmp_path / "reference.json"
    path.write_bytes(b'{"format": "covenant-counter-tables/1", "tables": {"x": [1, 2')
    with running_mock_teacher() as teacher:
        gw = _gateway(teacher.url, watermark_reference_file=str(path))
        key = gw.create_key("acme", "alice")
        gw.start()
        try:
            assert _reference(gw) is None  # started empty
            _ask(gw.openai_base_url, key, "Explain how a team plans a release.")
            assert _reference(gw).documents == 1
        finally:
            gw.stop()
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("reference.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b'{"format": "covenant-counter-tables/1", "tables"')
    assert json.loads(path.read_text())["tables"]  # the new file holds the new counts
    logs = gw.logs()
    assert "is not a valid counter-tables file" in logs and aside[0].name in logs


def test_with_redis_the_worker_counts_and_the_gateway_only_samples(redis_url: str) -> None:
    """Distributed mode: the gateway queues the texts with the provenance entries and `covenant
    worker` counts them, per tenant too; the serving gateway observes nothing (the in-process
    flush failures of the memory store's path are tested in test_recorder.py, the worker's in
    test_reference_workers.py)."""
    with running_mock_teacher() as teacher:
        gw = _gateway(teacher.url, redis_url)
        keys = _put_keys(redis_url)
        gw.start()
        worker = subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url],
                                  cwd=gw.workdir, env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            served = _serve(gw, keys, teacher, 6, "distributed")
            assert _same(_wait(gw, 6), served["acme"] + served["globex"])
            assert _same(_reference(gw, "globex"), served["globex"])
            assert metric(gw, "covenant_watermark_reference_texts_total", outcome="sampled") == 6
            assert metric(gw, "covenant_watermark_reference_observed_texts_total") == 0
        finally:
            worker.terminate()
            worker.wait(20)
            gw.stop()


def _put_keys(redis_url: str) -> dict[str, str]:
    keys = {}
    for tenant, account in ACCOUNTS:
        key, record = new_key(tenant, account, {})
        put_key_record(redis_url, record)
        keys[account] = key
    return keys


def _wait(gw: GatewayProcess, documents: int) -> Reference:
    deadline = time.monotonic() + 30
    while (ref := _reference(gw)) is None or ref.documents < documents:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    return ref
