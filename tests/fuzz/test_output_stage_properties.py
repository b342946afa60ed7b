"""Output stages as properties through one real gateway (shipped PII and watermark policies).

The scripted upstream answers each example's random text: prose with fenced code (holding
e-mails), inline code, URLs and numbers, streamed in each example's random chunking. Properties:
the JSON and SSE answers, in both dialects, are byte-identical; and every protected span (fenced
code, inline code, URLs, numbers) comes back exactly as the upstream sent it. An e-mail in prose
is there to show the PII stage runs: it must be redacted.
"""

from __future__ import annotations

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.support.gateway import GatewayProcess
from tests.support.scripted_upstream import Script, running_scripted_upstream

WORDS = ("the", "color", "of", "a", "big", "model", "however", "quickly", "answer", "we", "think", "also",
         "start", "show", "many", "people", "use", "this", "often", "help", "because", "data", "is", "good")
PROSE_EMAIL = "maria.lopez@example.net"


@pytest.fixture(scope="module")
def scripted():
    with running_scripted_upstream(Script()) as up:
        gw = GatewayProcess(upstream_url=up.url, drop_policies=("10-free-tier*", "40-extraction*"),
                            env={"COVENANT_WATERMARK_SECRET": "prop-test-watermark-secret-0001"})
        gw.key = gw.create_key("acme", "properties")
        gw.start()
        try:
            yield gw, up.script
        finally:
            gw.stop()


prose = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
fence = st.tuples(st.sampled_from(["python", "bash", ""]), st.sampled_from(WORDS), st.integers(0, 999)).map(
    lambda t: f"```{t[0]}\n# contact {t[1]}.dev@example.com\nx = {t[2]}  # the color of {t[1]}\n```")
inline = st.tuples(st.sampled_from(WORDS), st.integers(0, 99)).map(lambda t: f"`{t[0]}_{t[1]}()`")
url = st.tuples(st.sampled_from(WORDS), st.integers(1, 99)).map(lambda t: f"https://docs.example.org/{t[0]}/{t[1]}?q={t[0]}")
number = st.one_of(st.integers(0, 9999).map(str), st.tuples(st.integers(0, 99), st.integers(0, 99)).map(
    lambda t: f"{t[0]}.{t[1]:02d}"))
protected = st.one_of(fence, inline, url, number)


@st.composite
def documents(draw) -> tuple[str, list[str], bool]:
    parts: list[str] = []
    spans: list[str] = []
    for _ in range(draw(st.integers(2, 6))):
        parts.append(draw(prose))
        span = draw(protected)
        spans.append(span)
        parts.append(("\n\n" + span + "\n\n") if span.startswith("```") else (" " + span + " "))
    with_email = draw(st.booleans())
    if with_email:
        parts.append(f"Write to {PROSE_EMAIL} for more.")
    parts.append(draw(prose))
    return "".join(parts), spans, with_email


def _openai(gw: GatewayProcess, stream: bool) -> str:
    r = httpx.post(gw.openai_base_url + "/chat/completions", headers={"authorization": f"Bearer {gw.key}"}, timeout=20,
                   json={"model": "gpt-4o-mini", "stream": stream, "messages": [{"role": "user", "content": "go"}]})
    assert r.status_code == 200, r.text
    if not stream:
        return r.json()["choices"][0]["message"]["content"]
    out = []
    for line in r.text.splitlines():
        if line.startswith("data: ") and line != "data: [DONE]":
            for choice in orjson.loads(line[6:]).get("choices", []):
                out.append(choice.get("delta", {}).get("content") or "")
    return "".join(out)


def _anthropic(gw: GatewayProcess, stream: bool) -> str:
    r = httpx.post(gw.url + "/v1/messages", timeout=20,
                   headers={"x-api-key": gw.key, "anthropic-version": "2023-06-01"},
                   json={"model": "claude-mock-1", "max_tokens": 500, "stream": stream,
                         "messages": [{"role": "user", "content": "go"}]})
    assert r.status_code == 200, r.text
    if not stream:
        return "".join(b["text"] for b in r.json()["content"] if b["type"] == "text")
    out = []
    for line in r.text.splitlines():
        if line.startswith("data: "):
            event = orjson.loads(line[6:])
            if event.get("type") == "content_block_delta" and event["delta"].get("type") == "text_delta":
                out.append(event["delta"]["text"])
    return "".join(out)


@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(doc=documents(), chunks=st.lists(st.integers(1, 40), min_size=1, max_size=6))
def test_json_and_sse_agree_and_protected_spans_are_untouched(scripted, doc, chunks):
    gw, script = scripted
    text, spans, with_email = doc
    script.text, script.chunks = text, chunks
    outputs = {"openai json": _openai(gw, False), "openai sse": _openai(gw, True),
               "anthropic json": _anthropic(gw, False), "anthropic sse": _anthropic(gw, True)}
    assert len(set(outputs.values())) == 1, outputs
    out = outputs["openai json"]
    event("rewritten by the stages" if out != text else "unchanged")  # shown by --hypothesis-show-statistics
    missing = [s for s in spans if s not in out]
    assert not missing, (missing, out)
    if with_email:
        assert PROSE_EMAIL not in out, "the PII stage redacts an e-mail in prose"
