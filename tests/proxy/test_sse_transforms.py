"""Output transforms in an event stream: when each choice's transform is made."""

from __future__ import annotations

import orjson
import pytest

from gateway.dialects.sse import MalformedStream, SSEProcessor
from gateway.pipeline import Usage


def _event(index: int, text: str) -> bytes:
    return b"data: " + orjson.dumps({"id": "c", "choices": [{"index": index, "delta": {"content": text},
                                                             "finish_reason": None}]}) + b"\n\n"


def test_the_first_texts_transform_is_made_with_the_processor_and_each_further_choice_gets_its_own():
    """The processor is made when the upstream's response head arrives: the first text's transform is ready
    then, not built on the first token's path; whichever choice speaks first takes it."""
    made: list[object] = []

    class Tag:
        def __init__(self) -> None:
            made.append(self)
            self.n = len(made)

        def feed(self, text: str) -> str:
            return f"<{self.n}>{text}"

        def flush(self) -> str:
            return ""

        def whole(self, text: str) -> str:
            return text

    sse = SSEProcessor("openai.chat.completions", Usage(), Tag, False)
    assert len(made) == 1
    out = sse.feed(_event(1, "one") + _event(0, "zero") + _event(1, " more")) + sse.close()
    deltas = [orjson.loads(line[6:])["choices"][0] for line in out.split(b"\n\n") if line.startswith(b"data: {")]
    assert [(d["index"], d["delta"]["content"]) for d in deltas] == [(1, "<1>one"), (0, "<2>zero"), (1, "<1> more")]
    assert len(made) == 2


class _HoldLast:
    """Upper-cases, holding the last three characters back until the text ends."""

    def __init__(self) -> None:
        self.buf = ""

    def feed(self, text: str) -> str:
        self.buf += text
        out, self.buf = self.buf[:-3], self.buf[-3:]
        return out.upper()

    def flush(self) -> str:
        out, self.buf = self.buf, ""
        return out.upper()

    def whole(self, text: str) -> str:
        return text.upper()


def _responses(*events: dict) -> bytes:
    return b"".join(b"event: " + e["type"].encode() + b"\ndata: " + orjson.dumps(e) + b"\n\n" for e in events)


def test_a_response_that_ends_without_its_done_events_carries_the_text_the_deltas_spelt():
    """A Responses stream that fails (or stops) mid-text ends with response.failed / response.incomplete and no
    output_text.done: the held rest goes out before it, and its output says what the deltas said, sealed."""
    part = {"type": "output_text", "text": "Hello world", "annotations": []}
    response = {"id": "resp_1", "status": "incomplete", "usage": {"input_tokens": 3, "output_tokens": 2},
                "output": [{"id": "msg_1", "type": "message", "content": [part]}]}
    for final in ("response.incomplete", "response.failed"):
        sse = SSEProcessor("openai.responses", Usage(), _HoldLast, False, seal_id=lambda i: i + ".cvsealed")
        out = sse.feed(_responses(
            {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
             "delta": "Hello ", "sequence_number": 1},
            {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
             "delta": "world", "sequence_number": 2},
            {"type": final, "response": response, "sequence_number": 3})) + sse.close()
        events = [orjson.loads(b.split(b"data: ", 1)[1]) for b in out.split(b"\n\n") if b"data: " in b]
        assert events[-1]["type"] == final
        assert "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta") == "HELLO WORLD"
        ended = events[-1]["response"]
        assert ended["output"][0]["content"][0]["text"] == "HELLO WORLD" and ended["id"] == "resp_1.cvsealed"


def test_events_read_before_a_broken_one_in_the_same_chunk_are_still_the_callers():
    """When an event does not parse, the events before it in the same read are handed back by cut(), with the text
    the transform held, to go out before the gateway's error event; so are they when the processor passes the bytes
    through as they came."""
    for factory, drop, sent in ((None, True, "Hello there"), (_HoldLast, True, "HELLO THERE"),
                                (None, False, "Hello there")):  # the last: bytes passed through as they came
        sse = SSEProcessor("openai.chat.completions", Usage(), factory, False, drop_usage=drop)
        with pytest.raises(MalformedStream):
            sse.feed(_event(0, "Hello ") + _event(0, "there") + b'data: {"choices": [\n\n')
        deltas = [orjson.loads(line[6:])["choices"][0]["delta"]["content"]
                  for line in sse.cut().split(b"\n\n") if line.startswith(b"data: {")]
        assert "".join(deltas) == sent
