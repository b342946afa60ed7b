"""The gateway records the reference itself: served through the real gateway (official openai SDK,
mock teacher upstream), the pre-mark word counts equal `Reference.from_texts` of the teacher's own
unmarked answers (code blocks included); memory store and a real Redis pass the same tests. With
Redis `covenant worker` counts the texts the gateway queued (they wait for it), and the CLI exports
the counts from the store; corpus detection uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest
import redis as sync_redis

from gateway.identity import new_key
from gateway.watermark.embed import Watermarker
from gateway.watermark.reference import Reference
from tests.ratelimit_gateway.helpers import put_key_record
from tests.support.gateway import ADMIN_TOKEN, GatewayProcess
from tests.support.mock_teacher import running_mock_teacher
from tests.support.openai_chat import ask_text


def _ask(base_url: str, key: str, prompt: str, stream: bool = False) -> str:
    return ask_text(base_url, key, prompt, stream=stream, max_tokens=400)


SECRET = "test-master-secret-0123456789abcdef"
PROMPTS = [f"Write an essay about how teams review software changes, part {i}." for i in range(12)]


def _start(teacher_url: str, store: str, redis_url: str | None, **config) -> tuple[GatewayProcess, list[str]]:
    gw = GatewayProcess(upstream_url=teacher_url, store=store, drop_policies=("20-pii*",),
                        env={"COVENANT_WATERMARK_SECRET": SECRET},
                        extra_config={"watermark_reference_sample": 1.0, **config})
    keys = []
    for account in ("alice", "bob", "carol"):
        if redis_url is None:
            keys.append(gw.create_key("acme", account))
        else:
            key, record = new_key("acme", account, {})
            put_key_record(redis_url, record)
            keys.append(key)
    return gw.start(), keys


def _serve(gw: GatewayProcess, keys: list[str], teacher) -> list[str]:
    """Every prompt through the gateway (streamed and not, several accounts); the teacher's unmarked
    answers to the same requests."""
    direct = []
    for i, prompt in enumerate(PROMPTS):
        served = _ask(gw.openai_base_url, keys[i % len(keys)], prompt, stream=i % 2 == 1)
        unmarked = _ask(teacher.openai_base_url, "x", prompt, stream=False)
        assert served != unmarked  # marked
        direct.append(unmarked)
    return direct


@pytest.fixture(params=["memory", "redis"])
def store_kind(request) -> str:
    return request.param


def test_recorded_reference_equals_the_unmarked_answers(store_kind, request) -> None:
    """Memory store: the gateway observes in process; Redis: `covenant worker` does (the texts go
    with the provenance queue's entries)."""
    redis_url = request.getfixturevalue("redis_url") if store_kind == "redis" else None
    wm = Watermarker(SECRET.encode())
    with running_mock_teacher() as teacher:
        gw, keys = _start(teacher.url, redis_url or "memory://", redis_url)
        worker = _worker(redis_url, gw.workdir) if redis_url else None
        try:
            r = gw.admin("GET", "/admin/v1/watermark/reference")
            assert r.status_code == 404 and "no watermark reference recorded yet" in r.json()["detail"]
            # ...and it says who counts it
            assert ("covenant worker" if redis_url else "by this gateway") in r.json()["detail"]
            direct = _serve(gw, keys, teacher)
            # the memory store's gateway flushes its counts first; the worker counted them before acknowledging
            recorded = _recorded(gw, wm, len(PROMPTS))
            want = Reference.from_texts(direct, wm)
            assert any("```" in a for a in direct)  # the teacher's answers hold code blocks too
            assert recorded.documents == len(PROMPTS) == want.documents
            assert np.array_equal(recorded.counts, want.counts) and recorded.counts.sum() > 100
            # the export command asks the running gateway (memory store) or reads the store (Redis)
            out = subprocess.run([sys.executable, "-m", "gateway", "watermark", "reference", "export",
                                  "--config", str(gw.config_file)], capture_output=True, cwd=gw.workdir, timeout=60,
                                 env={**os.environ, "COVENANT_ADMIN_TOKEN": ADMIN_TOKEN}, check=True)
            assert Reference.from_json(out.stdout, wm).counts.tolist() == want.counts.tolist()
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(20)
            gw.stop()


def _worker(redis_url: str, workdir) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url], cwd=workdir,
                            env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _recorded(gw: GatewayProcess, wm: Watermarker, documents: int) -> Reference:
    deadline = time.monotonic() + 30
    while True:
        r = gw.admin("GET", "/admin/v1/watermark/reference")
        if r.status_code == 200 and (ref := Reference.from_json(r.content, wm)).documents >= documents:
            return ref
        assert time.monotonic() < deadline, r.text
        time.sleep(0.2)


def test_redis_texts_wait_for_a_worker_whose_counts_are_exported_and_used_by_detect(redis_url, tmp_path) -> None:
    wm = Watermarker(SECRET.encode())
    env = {**os.environ, "COVENANT_WATERMARK_SECRET": SECRET}
    env.pop("COVENANT_ADMIN_TOKEN", None)
    with running_mock_teacher() as teacher:
        gw, keys = _start(teacher.url, redis_url, redis_url)
        try:
            direct = _serve(gw, keys, teacher)
            marked = [_ask(gw.openai_base_url, keys[0], f"Describe a careful code review, take {i}.", stream=False)
                      for i in range(30)]
        finally:
            gw.stop()  # SIGTERM
        with sync_redis.Redis.from_url(redis_url) as r:
            assert not r.keys("covenant:{ctr}:*")  # nothing counted without a worker: the texts wait in the queue
            worker = _worker(redis_url, gw.workdir)
            try:
                deadline = time.monotonic() + 30
                while int(r.hget(f"covenant:{{ctr}}:t:wmref:{wm.table.digest.hex()}", "documents") or 0) < 42:
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
            finally:
                worker.terminate()
                worker.wait(20)
        export = tmp_path / "reference.json"
        cli = [sys.executable, "-m", "gateway", "watermark"]
        subprocess.run([*cli, "reference", "export", "--config", str(gw.config_file), "-o", str(export)],
                       cwd=gw.workdir, env=env, check=True, capture_output=True, timeout=60)
        unmarked_more = [_ask(teacher.openai_base_url, "x", f"Describe a careful code review, take {i}.", stream=False)
                         for i in range(30)]
    recorded = Reference.from_json(export.read_bytes(), wm)
    want = Reference.from_texts(direct + unmarked_more, wm)
    assert recorded.documents == len(direct) + len(marked)
    assert np.array_equal(recorded.counts, want.counts)
    # corpus detection of the marked answers against the recorded reference, from the store and from the file
    corpus = tmp_path / "suspect.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": t}) for t in marked))
    for ref in (["--reference", "gateway"], ["--reference", str(export)]):
        out = subprocess.run([*cli, "detect", "--config", str(gw.config_file), "--corpus", str(corpus), *ref],
                             cwd=gw.workdir, env=env, check=True, capture_output=True, timeout=120)
        res = json.loads(out.stdout)["corpus"]
        assert res["reference_documents"] == recorded.documents
        # the mock teacher's closed vocabulary caps the evidence (docs/watermark.md): not 1e-6, but clear
        assert res["p_value"] < 1e-3 and res["candidates"][0]["account"] == "alice", res


def test_cli_errors_clearly_when_nothing_was_recorded(redis_url, tmp_path) -> None:
    gw = GatewayProcess(upstream_url=None, store=redis_url)
    gw.write_config()
    out = subprocess.run([sys.executable, "-m", "gateway", "watermark", "reference", "export",
                          "--config", str(gw.config_file)], cwd=gw.workdir, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET})
    assert out.returncode != 0 and "no watermark reference recorded in the store" in out.stderr
