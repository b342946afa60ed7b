"""When several upstreams serve a model, a request the first cannot take goes to the next: one that
refuses the connection (and is then tried after the others for its cool-down), or answers 429 or a 5xx
before any byte of its body. Other answers, and the last upstream's error, reach the caller as before."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import anthropic
import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher

MESSAGES = [{"role": "user", "content": "hello there"}]


@pytest.fixture(scope="module")
def other_teacher() -> MockTeacherHandle:
    with running_mock_teacher() as handle:
        yield handle


@pytest.fixture(scope="module")
def gw(teacher: MockTeacherHandle, other_teacher: MockTeacherHandle, dead_port: int) -> GatewayProcess:
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"upstreams": [
        {"name": "dead", "dialect": "any", "base_url": f"http://127.0.0.1:{dead_port}", "models": ["gpt-*"],
         "cooldown_seconds": 300},
        {"name": "primary", "dialect": "any", "base_url": teacher.url, "models": ["*"]},
        {"name": "secondary", "dialect": "any", "base_url": other_teacher.url, "models": ["gpt-*"]},
    ]})
    gw.key = gw.create_key("acme", "failover")
    gw.start()
    yield gw
    gw.stop()


@pytest.fixture
def teachers(teacher: MockTeacherHandle, other_teacher: MockTeacherHandle):
    for t in (teacher, other_teacher):
        t.clear_requests()
        t.clear_faults()
    yield teacher, other_teacher
    for t in (teacher, other_teacher):
        t.clear_faults()


def _openai(gw: GatewayProcess) -> openai.OpenAI:
    return openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0)


def test_an_unreachable_upstream_passes_the_request_on_and_then_waits_out_its_cool_down(gw, teachers):
    primary, secondary = teachers
    for _ in range(3):
        r = _openai(gw).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
        assert r.choices[0].message.content
    assert len(primary.requests()) == 3 and secondary.requests() == []
    # refused once: the two later requests went straight to the next upstream
    assert metric(gw, "covenant_upstream_failovers_total", upstream="dead", kind="upstream_unreachable") == 1
    assert metric(gw, "covenant_upstream_errors_total", upstream="dead", kind="upstream_unreachable") == 1
    assert _openai(gw).models.list().data  # no model named: it too goes past the upstream in its cool-down
    assert metric(gw, "covenant_upstream_errors_total", upstream="dead", kind="upstream_unreachable") == 1
    listed = gw.admin("GET", "/admin/v1/upstreams").json()
    assert [u["name"] for u in listed] == ["dead", "primary", "secondary"]  # routing order
    cooling = {u["name"]: u["cooling_down_seconds"] for u in listed}
    assert 200 < cooling["dead"] <= 300 and cooling["primary"] == cooling["secondary"] == 0


@pytest.mark.parametrize("status", [429, 503, 529])
def test_a_failing_answer_goes_to_the_next_upstream_before_the_caller_sees_it(gw, teachers, status):
    primary, secondary = teachers
    primary.set_faults([f"status={status}"])
    before = metric(gw, "covenant_upstream_failovers_total", upstream="primary", kind=f"status_{status}")
    r = _openai(gw).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
    assert r.choices[0].message.content
    assert len(primary.requests()) == 1 and len(secondary.requests()) == 1  # the same request, sent on
    assert secondary.requests()[0]["body"]["messages"] == MESSAGES
    assert metric(gw, "covenant_upstream_failovers_total", upstream="primary", kind=f"status_{status}") == before + 1


def test_a_stream_fails_over_before_its_first_byte(gw, teachers):
    primary, secondary = teachers
    primary.set_faults(["status=502"])
    chunks = list(_openai(gw).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=20,
                                                      stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert len(secondary.requests()) == 1


def test_other_errors_are_the_callers(gw, teachers):
    primary, secondary = teachers
    primary.set_faults(["status=400"])
    with pytest.raises(openai.BadRequestError):
        _openai(gw).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
    assert secondary.requests() == []


def test_with_no_other_upstream_for_the_model_the_caller_gets_the_answer(gw, teachers):
    primary, secondary = teachers
    primary.set_faults(["status=529"])  # secondary serves gpt-* only
    client = anthropic.Anthropic(base_url=gw.url, api_key=gw.key, max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as err:
        client.messages.create(model="claude-mock-1", max_tokens=5, messages=MESSAGES)
    assert err.value.status_code == 529
    assert secondary.requests() == []


@pytest.fixture(scope="module")
def one_connection(teacher: MockTeacherHandle, other_teacher: MockTeacherHandle) -> GatewayProcess:
    gw = GatewayProcess(upstream_url=teacher.url, extra_config={"upstreams": [
        {"name": "primary", "dialect": "any", "base_url": teacher.url, "models": ["*"], "max_connections": 1,
         "cooldown_seconds": 0, "timeouts": {"connect": 0.5, "first_byte": 30, "total": 60}},
        {"name": "secondary", "dialect": "any", "base_url": other_teacher.url, "models": ["*"]},
    ]})
    gw.key = gw.create_key("acme", "one-connection")
    gw.start()
    yield gw
    gw.stop()


def test_a_request_that_finds_every_connection_of_its_upstream_busy_goes_to_the_next(one_connection, teachers):
    primary, secondary = teachers
    client = _openai(one_connection)
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(client.chat.completions.create, model="gpt-4o-mini", messages=MESSAGES, max_tokens=5,
                           extra_headers={"x-mock-fault": "delay_ms=6000"})  # holds primary's only connection
        deadline = time.monotonic() + 10
        while not primary.requests() and time.monotonic() < deadline:
            time.sleep(0.02)
        r = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
        assert r.choices[0].message.content
        assert len(secondary.requests()) == 1  # not queued behind the slow answer
        assert slow.result().choices[0].message.content
    assert len(primary.requests()) == 1
    assert metric(one_connection, "covenant_upstream_failovers_total", upstream="primary", kind="upstream_timeout") == 1
