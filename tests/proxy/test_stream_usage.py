"""Every OpenAI-API stream is charged the upstream's own usage: the gateway asks for the usage chunk
(`stream_options.include_usage`) when the caller did not, reads it, and does not forward it. The
caller's stream is the one it asked for. (Exact settlement on the shared counter:
tests/ratelimit_gateway/test_streaming_settlement.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import orjson
import pytest
from aiohttp import web

from gateway.dialects.sse import SSEProcessor
from gateway.identity import Principal
from gateway.pipeline import RequestContext, Usage
from gateway.routes import ROUTE_TABLE
from gateway.stages.stream_usage import StreamUsageStage
from tests.support.scripted_upstream import running_app

MSG = [{"role": "user", "content": "Describe a harbour at dawn."}]
CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]


def test_a_stream_without_include_usage_is_asked_for_it_and_the_caller_does_not_see_it(alice, teacher_log):
    chunks = list(alice.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True))
    assert chunks and all(c.usage is None for c in chunks)
    assert all(c.choices for c in chunks), "no empty-choices usage chunk reaches the caller"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == \
        alice.chat.completions.create(model="gpt-4o-mini", messages=MSG).choices[0].message.content
    sent = teacher_log.requests()[0]["body"]
    assert sent["stream_options"] == {"include_usage": True}
    assert sent["safety_identifier"].startswith("cov-"), "the other body edits are kept"


def test_include_usage_false_is_overridden_upstream_and_honoured_for_the_caller(gateway, teacher_log):
    body = {"model": "gpt-4o-mini", "messages": MSG, "stream": True,
            "stream_options": {"include_usage": False}}
    events = _events(gateway, body)
    assert events and all(e.get("choices") and e.get("usage") is None for e in events)
    assert teacher_log.requests()[0]["body"]["stream_options"] == {"include_usage": True}


def test_the_legacy_completions_stream_too(alice, teacher_log):
    chunks = list(alice.completions.create(model="gpt-4o-mini", prompt="Once upon a time", stream=True))
    assert chunks and all(c.usage is None and c.choices for c in chunks)
    assert teacher_log.requests()[0]["body"]["stream_options"] == {"include_usage": True}


def test_usage_riding_on_the_last_choice_chunk_is_read_and_hidden_from_the_caller(gateway, teacher_log):
    """Some OpenAI-compatible servers put the usage block on the finish_reason chunk rather than on a chunk
    of its own: the gateway still counts it, and the caller who did not ask still sees `"usage": null`."""
    body = {"model": "gpt-4o-mini", "messages": MSG, "stream": True}
    with httpx.stream("POST", gateway.openai_base_url + "/chat/completions", content=orjson.dumps(body), timeout=30,
                      headers={"authorization": f"Bearer {gateway.keys.alice}", "x-mock-fault": "usage_on_last_choice"}
                      ) as resp:
        assert resp.status_code == 200
        events = [orjson.loads(ln[6:]) for ln in resp.iter_lines() if ln.startswith("data: {")]
    assert events[-1]["choices"][0]["finish_reason"] == "stop"
    assert all(e["usage"] is None for e in events), "the usage the gateway asked for is not forwarded"
    assert teacher_log.requests()[0]["body"]["stream_options"] == {"include_usage": True}


def test_the_processor_counts_usage_on_a_choice_chunk_and_nulls_it_for_the_caller():
    usage = Usage()
    events = _chat_stream("Hello", usage=False)
    events[-2] = b"data: " + orjson.dumps({"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                                           "usage": {"prompt_tokens": 7, "completion_tokens": 5}}) + b"\n\n"
    sse = SSEProcessor("openai.chat.completions", usage, None, False, drop_usage=True)
    out = sse.feed(b"".join(events)) + sse.close()
    last = orjson.loads(out.split(b"\n\n")[-3][6:])
    assert (usage.input_tokens, usage.output_tokens) == (7, 5)
    assert last["choices"][0]["finish_reason"] == "stop" and last["usage"] is None


def test_a_caller_that_asks_gets_the_usage_chunk(alice, teacher_log):
    chunks = list(alice.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True,
                                                stream_options={"include_usage": True}))
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens > 0


def test_non_streaming_and_other_apis_are_sent_as_they_were(alice, teacher_log):
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    alice.responses.create(model="gpt-4o-mini", input="Hello", stream=True).close()
    assert all("stream_options" not in r["body"] for r in teacher_log.requests())


def _events(gateway, body: dict) -> list[dict]:
    with httpx.stream("POST", gateway.openai_base_url + "/chat/completions", content=orjson.dumps(body),
                      headers={"authorization": f"Bearer {gateway.keys.alice}"}, timeout=30) as resp:
        assert resp.status_code == 200
        lines = [ln[6:] for ln in resp.iter_lines() if ln.startswith("data: ") and ln != "data: [DONE]"]
    return [orjson.loads(ln) for ln in lines]


# -- the stage and the stream processor on their own ----------------------------------------------

class _Upstream:
    """What the stage asks of the upstream the router chose."""

    def __init__(self, takes_stream_options: bool) -> None:
        self.takes = takes_stream_options

    def asks_stream_usage(self) -> bool:
        return self.takes


def _ctx(body: dict, raw: bytes | None = None) -> RequestContext:
    ctx = RequestContext("r", CHAT, "127.0.0.1", "ua", {})
    ctx.principal = Principal("acme", "alice", "k1")
    ctx.json, ctx.body = body, raw if raw is not None else orjson.dumps(body)
    ctx.model, ctx.stream = body["model"], bool(body.get("stream"))
    return ctx


@pytest.mark.parametrize("raw", [None, b' {"model": "m", "stream": true, "stream_options": {"x": 1}}'])
async def test_the_option_is_merged_into_what_the_caller_sent(raw):
    body = orjson.loads(raw) if raw else {"model": "m", "stream": True, "stream_options": {"x": 1}}
    ctx = _ctx(body, raw)
    await StreamUsageStage(lambda model, route: _Upstream(takes_stream_options=True)).on_request(ctx)
    assert orjson.loads(ctx.body)["stream_options"] == {"x": 1, "include_usage": True}
    assert ctx.drop_usage_chunk and body["stream_options"] == {"x": 1}, "ctx.json stays the caller's request"


async def test_a_null_stream_options_is_replaced_not_doubled():
    """`"stream_options": null` is the caller asking for nothing: the body sent carries the option once (a JSON
    object with the key twice is read by most servers as its last value, here null: no usage)."""
    ctx = _ctx({"model": "m", "stream": True, "stream_options": None})
    await StreamUsageStage(lambda model, route: _Upstream(takes_stream_options=True)).on_request(ctx)
    assert ctx.body.count(b'"stream_options"') == 1
    assert orjson.loads(ctx.body)["stream_options"] == {"include_usage": True} and ctx.drop_usage_chunk


async def test_an_upstream_configured_without_stream_usage_gets_the_body_untouched():
    ctx = _ctx({"model": "m", "stream": True})
    before = ctx.body
    await StreamUsageStage(lambda model, route: _Upstream(takes_stream_options=False)).on_request(ctx)
    assert ctx.body is before and not ctx.drop_usage_chunk


def _chat_stream(*texts: str, usage: bool) -> list[bytes]:
    def chunk(choices, usage_block=None):
        return b"data: " + orjson.dumps({"id": "c", "choices": choices, "usage": usage_block}) + b"\n\n"
    events = [chunk([{"index": 0, "delta": {"content": t}, "finish_reason": None}]) for t in texts]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    if usage:
        events.append(chunk([], {"prompt_tokens": 7, "completion_tokens": 5, "total_tokens": 12}))
    return [*events, b"data: [DONE]\n\n"]


@pytest.mark.parametrize("rewrite", [False, True], ids=["pass-through", "rewriting"])
def test_the_processor_reads_the_usage_chunk_and_drops_it(rewrite):
    class Upper:
        def feed(self, text): return text.upper()
        def flush(self): return ""
        def whole(self, text): return text.upper()

    usage = Usage()
    sse = SSEProcessor("openai.chat.completions", usage, Upper if rewrite else None, False, drop_usage=True)
    raw = b"".join(_chat_stream("Hello ", "there", usage=True))
    out = b"".join(sse.feed(raw[i:i + 17]) for i in range(0, len(raw), 17)) + sse.close()  # events split anywhere
    kept = [orjson.loads(line[6:]) for line in out.split(b"\n\n") if line.startswith(b"data: {")]
    assert (usage.input_tokens, usage.output_tokens, usage.reported) == (7, 5, True)
    assert len(kept) == 3 and all(e["choices"] for e in kept)
    assert "".join(e["choices"][0]["delta"].get("content", "") for e in kept) == ("HELLO THERE" if rewrite else "Hello there")
    assert out.endswith(b"data: [DONE]\n\n")


def test_without_the_flag_the_usage_chunk_passes_untouched():
    raw = b"".join(_chat_stream("Hello", usage=True))
    sse = SSEProcessor("openai.chat.completions", Usage(), None, False)
    assert sse.feed(raw) + sse.close() == raw


def test_an_upstream_that_refuses_the_option_is_asked_once_then_never(teacher, teacher_log):
    """An OpenAI-compatible server that does not know stream_options answers 400: the caller must not see an
    error about a field it never sent. The gateway sends the request again as the caller wrote it, and
    stops adding the field for that upstream (a gateway of its own: the flag lives in the process)."""
    import openai

    from tests.support.gateway import GatewayProcess

    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-watermark*", "40-extraction*"))
    key = gw.create_key("acme", "strict-upstream", tier="pro")
    gw.start()
    try:
        client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0,
                               default_headers={"x-mock-fault": "reject_stream_options"})
        first = "".join(c.choices[0].delta.content or "" for c in
                        client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True) if c.choices)
        second = "".join(c.choices[0].delta.content or "" for c in
                         client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True) if c.choices)
        with pytest.raises(openai.BadRequestError, match="stream_options"):  # the caller's own field is theirs
            client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True,
                                           stream_options={"include_usage": True})
        logs = gw.logs()
    finally:
        gw.stop()
    assert first and first == second
    sent = [("stream_options" in r["body"]) for r in teacher_log.requests()]
    assert sent == [True, False, False, True], "asked once, sent again without it, then never asked"
    assert logs.count("refused stream_options") == 1


@contextmanager
def _validating_upstream() -> Iterator[tuple[str, list[dict]]]:
    """An OpenAI-compatible upstream on loopback that knows stream_options and checks its fields' types, as the
    API does: a caller's own bad field is answered 400 naming it."""
    seen: list[dict] = []

    async def chat(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        seen.append(body)
        for name, value in (body.get("stream_options") or {}).items():
            if not isinstance(value, bool):
                return web.json_response(status=400, data={"error": {
                    "message": f"Invalid type for 'stream_options.{name}': expected a boolean, but got a "
                               f"{type(value).__name__} instead.", "type": "invalid_request_error",
                    "param": f"stream_options.{name}", "code": "invalid_type"}})
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)
        for event in _chat_stream("Hello", usage=bool((body.get("stream_options") or {}).get("include_usage"))):
            await resp.write(event)
        return resp

    app = web.Application()
    app.router.add_post("/v1/chat/completions", chat)
    with running_app(app) as url:
        yield url, seen


def test_a_callers_own_bad_stream_option_does_not_stop_the_gateway_asking_for_usage():
    """One caller's malformed stream_options, refused by an upstream that knows the field, is that caller's 400:
    the upstream does take stream_options, so every later stream on the replica is still asked for its usage
    (it used to be taken for a refusal of the field: the process stopped asking, and charged every stream of
    every tenant an estimate from then on)."""
    import openai

    from tests.support.gateway import GatewayProcess

    with _validating_upstream() as (url, seen):
        gw = GatewayProcess(upstream_url=url, drop_policies=("20-pii*", "30-watermark*", "40-extraction*"))
        key = gw.create_key("acme", "careless", tier="pro")
        gw.start()
        try:
            client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
            with pytest.raises(openai.BadRequestError, match="stream_options.include_obfuscation"):
                client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True,
                                               stream_options={"include_obfuscation": "no"})
            text = "".join(c.choices[0].delta.content or "" for c in
                           client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True) if c.choices)
            logs = gw.logs()
        finally:
            gw.stop()
    assert text == "Hello"
    assert seen[-1].get("stream_options") == {"include_usage": True}, "the next stream is still asked for its usage"
    assert "refused stream_options" not in logs
