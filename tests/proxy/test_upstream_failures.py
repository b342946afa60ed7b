"""Upstream failures map to clear errors in the caller's dialect; disconnects cancel upstream work."""

from __future__ import annotations

import time

import anthropic
import httpx
import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric as sample

MESSAGES = [{"role": "user", "content": "hello there"}]


@pytest.fixture(scope="module")
def fragile(teacher, dead_port) -> GatewayProcess:
    """A gateway with short upstream timeouts, plus an upstream on a closed port that alone serves dead-*
    (so nothing can fail over: tests/proxy/test_upstream_failover.py has that)."""
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"upstreams": [
        {"name": "dead", "dialect": "any", "base_url": f"http://127.0.0.1:{dead_port}", "models": ["dead-*"],
         "timeouts": {"connect": 1, "first_byte": 1, "total": 3}},
        {"name": "teacher", "dialect": "any", "base_url": teacher.url, "models": ["gpt-*", "claude-*"],
         "timeouts": {"connect": 1, "first_byte": 0.5, "total": 3}},
    ]})
    gw.key = gw.create_key("acme", "fragile")
    gw.start()
    yield gw
    gw.stop()


def metric(gw: GatewayProcess, prefix: str) -> float:
    total = 0.0
    for line in httpx.get(gw.url + "/metrics", timeout=5).text.splitlines():
        if line.startswith(prefix):
            total += float(line.split()[-1])
    return total


def test_connection_refused_is_502(fragile):
    client = openai.OpenAI(base_url=fragile.openai_base_url, api_key=fragile.key, max_retries=0)
    with pytest.raises(openai.APIStatusError) as err:
        client.chat.completions.create(model="dead-1", messages=MESSAGES)
    assert err.value.status_code == 502
    assert err.value.body["code"] == "upstream_unreachable"


def test_no_answer_before_first_byte_timeout_is_504(fragile, teacher_log):
    client = anthropic.Anthropic(base_url=fragile.url, api_key=fragile.key, max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as err:  # the upstream would answer 200 after 3 s
        client.messages.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES,
                               extra_headers={"x-mock-fault": "delay_ms=3000"})
    assert err.value.status_code == 504
    assert err.value.body["error"]["type"] == "api_error" and "did not answer" in err.value.body["error"]["message"]


def test_a_request_the_upstream_reset_unanswered_is_502_and_not_sent_to_it_again(fragile, teacher_log):
    client = openai.OpenAI(base_url=fragile.openai_base_url, api_key=fragile.key, max_retries=0)
    client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # leaves a kept-alive connection
    teacher_log.clear_requests()
    with pytest.raises(openai.APIStatusError) as err:  # the upstream read it (and may have generated) before the reset
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, extra_headers={"x-mock-fault": "reset"})
    assert err.value.status_code == 502 and err.value.body["code"] == "upstream_error"
    assert len(teacher_log.requests()) == 1


def test_stream_dropped_midway_ends_with_an_error_event(fragile, teacher_log):
    client = openai.OpenAI(base_url=fragile.openai_base_url, api_key=fragile.key, max_retries=0)
    got = []
    with pytest.raises(openai.APIError):
        for chunk in client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=200,
                                                    stream=True, extra_headers={"x-mock-fault": "drop_after_chunks=3"}):
            got.append(chunk)
    # The upstream's 3 chunks, then one with the text the PII redactor still held (sent before the error event).
    assert 0 < len(got) <= 4 and "".join(c.choices[0].delta.content or "" for c in got if c.choices)


def test_malformed_upstream_json_is_502(fragile, teacher_log):
    r = httpx.post(fragile.openai_base_url + "/chat/completions", timeout=10,
                   headers={"authorization": f"Bearer {fragile.key}", "x-mock-fault": "malformed_json"},
                   json={"model": "gpt-4o-mini", "messages": MESSAGES})
    assert r.status_code == 502
    assert r.json()["error"]["code"] == "upstream_malformed_json"


def test_each_upstream_failure_counts_once_in_upstream_errors_whatever_reached_the_caller(fragile, teacher_log):
    """A stream cut midway (its 200 already sent), an error status passed on, an answer that is not JSON: each is
    one covenant_upstream_errors_total of its kind, as refused connections are. Only those were counted before,
    and a cut stream was a request `allowed` with status 200: nothing showed the provider failing."""
    def errors(kind: str) -> float:
        return sample(fragile, "covenant_upstream_errors_total", upstream="teacher", kind=kind)

    def requests(status: str) -> float:
        return sample(fragile, "covenant_requests_total", decision="upstream_error", status=status)

    before = {k: errors(k) for k in ("upstream_error", "status_503", "upstream_malformed_json")}
    broken, answered = requests("200"), requests("503")
    headers = {"authorization": f"Bearer {fragile.key}"}
    body = {"model": "gpt-4o-mini", "messages": MESSAGES, "max_tokens": 200}
    r = httpx.post(fragile.openai_base_url + "/chat/completions", timeout=10, json={**body, "stream": True},
                   headers={**headers, "x-mock-fault": "drop_after_chunks=3"})
    assert r.status_code == 200 and b'"code":"upstream_error"' in r.content
    for fault, status in (("status=503", 503), ("malformed_json", 502)):
        r = httpx.post(fragile.openai_base_url + "/chat/completions", timeout=10, json=body,
                       headers={**headers, "x-mock-fault": fault})
        assert r.status_code == status
    assert {k: errors(k) - v for k, v in before.items()} == {
        "upstream_error": 1, "status_503": 1, "upstream_malformed_json": 1}
    assert requests("200") == broken + 1 and requests("503") == answered + 1
    r = httpx.post(fragile.openai_base_url + "/chat/completions", timeout=10, json=body,
                   headers={**headers, "x-mock-fault": "status=400"})
    assert r.status_code == 400 and errors("status_400") == 0  # the caller's mistake, not the upstream's failure


def test_client_disconnect_mid_stream_cancels_upstream_and_is_accounted(fragile, teacher_log):
    before = metric(fragile, 'covenant_requests_total{decision="client_disconnected"')
    with httpx.stream("POST", fragile.openai_base_url + "/chat/completions", timeout=10,
                      headers={"authorization": f"Bearer {fragile.key}", "x-mock-fault": "never_end"},
                      json={"model": "gpt-4o-mini", "messages": MESSAGES, "stream": True}) as r:
        assert r.status_code == 200
        it = r.iter_bytes()
        next(it)
        next(it)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if metric(fragile, 'covenant_requests_total{decision="client_disconnected"') > before:
            break
        time.sleep(0.05)
    assert metric(fragile, 'covenant_requests_total{decision="client_disconnected"') == before + 1
    assert metric(fragile, "covenant_in_flight_requests") == 0


def _openai_text(client: openai.OpenAI, fault: str) -> tuple[str, Exception | None]:
    got: list[str] = []
    try:
        for chunk in client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=60, stream=True,
                                                    extra_headers={"x-mock-fault": fault} if fault else None):
            got += [c.delta.content or "" for c in chunk.choices]
    except openai.APIError as exc:
        return "".join(got), exc
    return "".join(got), None


def test_a_stream_whose_last_event_is_cut_short_ends_with_an_error_event_after_all_its_text(fragile, teacher_log):
    """The upstream ends its body cleanly after half an event: the caller gets every word the complete events
    carried (the PII stage's held-back text too) and then an error, never a quiet, shortened answer."""
    client = openai.OpenAI(base_url=fragile.openai_base_url, api_key=fragile.key, max_retries=0)
    whole, error = _openai_text(client, "")  # the mock teacher answers the same prompt the same way
    assert whole and error is None
    text, error = _openai_text(client, "truncated_end")
    assert isinstance(error, openai.APIError) and "malformed" in str(error)
    assert text == whole


def test_the_same_in_the_anthropic_dialect(fragile, teacher_log):
    client = anthropic.Anthropic(base_url=fragile.url, api_key=fragile.key, max_retries=0)

    def run(fault: str) -> tuple[str, Exception | None]:
        got: list[str] = []
        try:
            with client.messages.stream(model="claude-mock-1", max_tokens=60, messages=MESSAGES,
                                        extra_headers={"x-mock-fault": fault} if fault else None) as stream:
                for piece in stream.text_stream:
                    got.append(piece)
        except anthropic.APIError as exc:
            return "".join(got), exc
        return "".join(got), None

    whole, error = run("")
    assert whole and error is None
    text, error = run("truncated_end")
    assert isinstance(error, anthropic.APIError) and "malformed" in str(error)
    assert text == whole
