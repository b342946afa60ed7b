"""Graceful shutdown: SIGTERM drains in-flight requests; several workers serve together."""

from __future__ import annotations

import signal
import threading
import time

import httpx
import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.scripted_upstream import Script, running_scripted_upstream


def test_sigterm_lets_in_flight_requests_finish(teacher):
    gw = GatewayProcess(upstream_url=teacher.url)
    key = gw.create_key("acme", "drain")
    gw.start()
    result: dict = {}

    def slow_request() -> None:
        r = httpx.post(gw.openai_base_url + "/chat/completions", timeout=20,
                       headers={"authorization": f"Bearer {key}", "x-mock-fault": "delay_ms=1500"},
                       json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]})
        result["status"] = r.status_code

    t = threading.Thread(target=slow_request)
    t.start()
    time.sleep(0.5)  # the request is now waiting on the upstream
    code = gw.stop(signal.SIGTERM)
    t.join(timeout=20)
    assert result.get("status") == 200, gw.logs()
    # uvicorn re-raises the captured SIGTERM after its graceful shutdown, so the exit status says "terminated".
    assert code in (0, -signal.SIGTERM)
    assert "Waiting for application shutdown" in gw.logs()


def test_requests_still_running_when_the_drain_time_runs_out_are_answered_in_their_dialect(teacher):
    """A stream that outlives the drain ends with an error event (the SDK raises it) rather than a cut connection,
    and a request still waiting on its upstream gets a 503 to retry; the log holds no ASGI traceback."""
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"drain_seconds": 1})
    key = gw.create_key("acme", "outlives-the-drain")
    gw.start()
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0, timeout=30)
    waiting: dict = {}

    def slow_answer() -> None:
        try:
            client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}],
                                           extra_headers={"x-mock-fault": "delay_ms=20000"})
        except openai.APIStatusError as exc:
            waiting["error"] = exc

    stream = iter(client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                 messages=[{"role": "user", "content": "go on"}],
                                                 extra_headers={"x-mock-fault": "never_end"}))
    next(stream)  # it is streaming
    answer = threading.Thread(target=slow_answer)
    answer.start()
    time.sleep(0.3)  # waiting on its upstream
    stopper = threading.Thread(target=gw.stop, args=(signal.SIGTERM,))
    stopper.start()
    with pytest.raises(openai.APIError, match="shutting down"):
        for _ in stream:
            pass
    answer.join(20)
    stopper.join(30)
    assert waiting["error"].status_code == 503 and waiting["error"].body["code"] == "shutting_down"
    assert waiting["error"].response.headers["retry-after"] == "1"
    assert "Exception in ASGI application" not in gw.logs()


def test_a_stream_cut_by_the_shutdown_first_gets_the_text_its_output_stages_held(tmp_path):
    """The PII stage holds the last ~128 characters of a stream back (to see an entity whole); an upstream that
    hangs mid-answer at shutdown must not take them with it: the caller gets all the text, then the error."""
    text = ("The lighthouse keeper climbed the spiral stairs at dusk, trimmed the wick, polished the great lens "
            "and watched the beam sweep across the grey water while the ships kept their distance from the rocks.")
    with running_scripted_upstream(Script(text, [9], cut="stall")) as up:
        gw = GatewayProcess(upstream_url=up.url, drop_policies=("30-watermark.yaml",),  # the text word for word
                            extra_config={"drain_seconds": 1})
        key = gw.create_key("acme", "held-at-shutdown")
        gw.start()
        client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0, timeout=30)
        stream = iter(client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                     messages=[{"role": "user", "content": "Tell me a story."}]))
        got = [c.choices[0].delta.content or "" for c in [next(stream)] if c.choices]
        stopper = threading.Thread(target=gw.stop, args=(signal.SIGTERM,))
        stopper.start()
        with pytest.raises(openai.APIError, match="shutting down"):
            for chunk in stream:
                got.extend(c.delta.content or "" for c in chunk.choices)
        stopper.join(30)
    assert "".join(got) == text


def test_two_workers_serve_and_share_nothing_but_the_port(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"workers": 2})
    key = gw.create_key("acme", "workers")
    gw.start()
    try:
        statuses = [httpx.post(gw.openai_base_url + "/chat/completions", timeout=10,
                               headers={"authorization": f"Bearer {key}"},
                               json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
                               ).status_code for _ in range(20)]
        assert statuses == [200] * 20
        # the first worker up serves; on a loaded machine the second may still be loading Presidio
        deadline = time.monotonic() + 60
        while gw.logs().count("Application startup complete") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert gw.logs().count("Application startup complete") == 2
        # Whichever worker answers the scrape, the counts are the sum over both workers.
        for _ in range(6):
            text = httpx.get(gw.url + "/metrics", timeout=5).text
            total = sum(float(line.split()[-1]) for line in text.splitlines()
                        if line.startswith("covenant_requests_total{"))
            assert total == 20
    finally:
        assert gw.stop() in (0, -signal.SIGTERM)
