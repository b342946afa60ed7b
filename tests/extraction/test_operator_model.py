"""An operator's own re-scorer model (settings.extraction_model, `covenant extraction replay --model`): checked at
start-up with the file and the reason, and judged with instead of the shipped one wherever the detector runs."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openai
import orjson
import pytest
from redis.asyncio import Redis

from benchmarks.traffic.generate import generate
from gateway.config import ConfigError, load_settings
from gateway.extraction.publisher import DETAILS_KEY, VERDICTS_KEY, EventPublisher, decode_verdict
from gateway.extraction.rescorer import FORMAT, MODEL_FILE
from tests.extraction.test_rescorer import leaf, model
from tests.extraction.test_worker import chat_user, wait_for
from tests.support.gateway import GatewayProcess

ROOT = Path(__file__).resolve().parents[2]
CHAT = ["What is a good name for a grey cat?", "How long should I boil an egg?", "Is it going to rain in Lisbon?",
        "Suggest a birthday card message for my aunt.", "What rhymes with orange?"]


def write(path: Path, doc) -> Path:
    path.write_bytes(orjson.dumps(doc))
    return path


@pytest.mark.parametrize("content, reason", [
    (None, "No such file or directory"),
    (b"{not json", "not JSON"),
    (b"[1, 2]", "a model is a JSON object, not list"),
    (orjson.dumps({"format": "other/1"}), f"expected {FORMAT!r}"),
    (orjson.dumps(model(["no_such_feature"], [leaf(1.0)])), "no_such_feature"),
])
def test_a_model_that_cannot_be_used_stops_the_start_naming_the_file_and_why(tmp_path, monkeypatch, content,
                                                                             reason) -> None:
    path = tmp_path / "model.json"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv("COVENANT_EXTRACTION_MODEL", str(path))
    with pytest.raises(ConfigError) as err:
        load_settings(None)
    assert "COVENANT_EXTRACTION_MODEL" in str(err.value) and str(path) in str(err.value), err.value
    assert reason in str(err.value), err.value


def test_a_usable_model_is_accepted_and_none_means_the_shipped_one(tmp_path, monkeypatch) -> None:
    path = write(tmp_path / "model.json", model(["own_score"], [leaf(1.0)]))
    monkeypatch.setenv("COVENANT_EXTRACTION_MODEL", str(path))
    assert load_settings(None).extraction_model == str(path)
    monkeypatch.delenv("COVENANT_EXTRACTION_MODEL")
    assert load_settings(None).extraction_model is None


@pytest.fixture(scope="module")
def small_log(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("traffic") / "small.jsonl"
    generate(seed=3, out=path, days=0.5, scale=0.05)
    return path


def replay_verdicts(log: Path, out: Path, *extra: str) -> dict[str, dict]:
    subprocess.run([sys.executable, "-m", "gateway", "extraction", "replay", str(log), "--policies",
                    str(ROOT / "policies"), "--output", str(out), "--quiet", *extra], check=True, cwd=ROOT,
                   capture_output=True)
    return {(r := orjson.loads(line))["principal"]: r for line in out.read_bytes().splitlines()}


def test_replay_judges_with_the_model_it_is_given(small_log, tmp_path) -> None:
    shipped = replay_verdicts(small_log, tmp_path / "a.jsonl")
    again = replay_verdicts(small_log, tmp_path / "b.jsonl", "--model", str(MODEL_FILE))
    assert again == shipped  # the shipped model named as a file judges as the default does
    always = replay_verdicts(small_log, tmp_path / "c.jsonl", "--model",
                             str(write(tmp_path / "always.json", model(["own_score"], [leaf(8.0)]))))
    busy = {p for p, r in shipped.items() if r["requests"] >= 5}
    assert {p for p, r in always.items() if r["verdict"] != "ok"} >= busy  # all judged extracting from 5 requests
    assert [p for p in busy if shipped[p]["verdict"] == "ok"], "the shipped model leaves some accounts alone"
    unused = subprocess.run([sys.executable, "-m", "gateway", "extraction", "replay", str(small_log), "--quiet",
                             "--model", str(MODEL_FILE)], cwd=ROOT, capture_output=True, text=True)
    assert unused.returncode == 0 and "is not used: the extraction policy (built-in, no --policies) does not turn " \
        "extraction.rescorer on" in unused.stderr, unused.stderr
    bad = subprocess.run([sys.executable, "-m", "gateway", "extraction", "replay", str(small_log), "--model",
                          str(tmp_path / "missing.json")], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and "missing.json: No such file or directory" in bad.stderr, bad.stderr


def test_the_gateway_judges_with_the_operators_model(tmp_path) -> None:
    always = write(tmp_path / "always.json", model(["own_score"], [leaf(8.0)]))
    gw = GatewayProcess(upstream_url=None, env={"COVENANT_EXTRACTION_MODEL": str(always)})
    key = gw.create_key("acme", "reader")
    gw.start()
    try:
        client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
        for i in range(16):  # a quiet account's features are read every 8th request
            client.chat.completions.create(model="gpt-4o-mini", max_tokens=30,
                                           messages=[{"role": "user", "content": CHAT[i % 5]}])
        for _ in range(100):  # scored off the request path
            detail = gw.admin("GET", "/admin/v1/extraction/principals/acme/reader").json()
            if detail.get("status") == "flag":
                break
            time.sleep(0.05)
        assert detail["status"] == "flag" and "learned_rescorer" in detail["reasons"], detail
        assert detail["learned_p"] > 0.99
    finally:
        gw.stop()


def test_covenant_worker_judges_with_the_operators_model(redis_url: str, tmp_path) -> None:
    """Distributed mode: the worker, not the gateway, runs the detector, so it reads the setting too."""
    always = write(tmp_path / "always.json", model(["own_score"], [leaf(8.0)]))

    async def traffic() -> tuple[bytes | None, dict]:
        redis = Redis.from_url(redis_url)
        try:
            await wait_for(lambda: redis.zcard("covenant:extraction:workers"))
            await EventPublisher(redis, partitions=4).publish_many(chat_user("reader", 20))
            for _ in range(200):
                if raw := await redis.hget(VERDICTS_KEY, "reader"):
                    return raw, orjson.loads(await redis.hget(DETAILS_KEY, "reader") or b"{}")
                await asyncio.sleep(0.1)
            return None, {}
        finally:
            await redis.aclose()

    proc = subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url, "--policies",
                             str(ROOT / "policies")], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "COVENANT_EXTRACTION_MODEL": str(always)})
    try:
        raw, detail = asyncio.run(traffic())
    finally:
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=30)[1]
    assert raw is not None, err
    v = decode_verdict(raw)
    assert v.status == "flag" and "learned_rescorer" in v.reasons, v
    assert detail.get("learned_p", 0) > 0.99, detail  # sigmoid(8): no model but the operator's gives it


def test_a_model_the_policies_leave_unused_is_told_at_start(tmp_path) -> None:
    always = write(tmp_path / "always.json", model(["own_score"], [leaf(8.0)]))
    gw = GatewayProcess(upstream_url=None, policies=Path(__file__).parent / "policies_strict",
                        env={"COVENANT_EXTRACTION_MODEL": str(always)})
    gw.start()
    try:
        assert f"extraction_model {always} is not used: the policies do not turn extraction.rescorer on" in gw.logs()
    finally:
        gw.stop()
