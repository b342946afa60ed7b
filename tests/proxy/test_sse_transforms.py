"""Output transforms in an event stream: when each choice's transform is made."""

from __future__ import annotations

import orjson

from gateway.dialects.sse import SSEProcessor
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
